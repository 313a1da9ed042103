import * as assert from 'node:assert/strict';
import { DEFAULT_WRITE_WINDOWS, FIVE_MINUTES, ONE_DAY, RequestBudget } from '../../../src/graph/budget';
import { parseRetryAfter } from '../../../src/graph/retryPolicy';
import { MAX_SERVER_DELAY_MS } from '../../../src/graph/serverDelay';
import { flush, VirtualClock } from '../../support/clock';

describe('request budget', () => {
  it('defaults stay under the service limits (100 / 5 min, 8,000 / day)', () => {
    assert.deepEqual(DEFAULT_WRITE_WINDOWS, [
      { windowMs: FIVE_MINUTES, max: 60 },
      { windowMs: ONE_DAY, max: 4000 },
    ]);
  });

  it('counts down and frees slots as the window slides', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget([{ windowMs: 1000, max: 3 }], clock);
    assert.equal(budget.remaining(), 3);
    assert.equal(budget.nextSlotAt(), clock.now());
    assert.ok(budget.tryAcquire());
    await clock.elapse(400);
    assert.ok(budget.tryAcquire());
    assert.ok(budget.tryAcquire());
    assert.equal(budget.remaining(), 0);
    assert.ok(!budget.tryAcquire());
    assert.equal(budget.nextSlotAt(), clock.now() + 600);
    await clock.elapse(600);
    assert.equal(budget.remaining(), 1);
  });

  it('makes writes wait, in order, and drops none', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget([{ windowMs: 1000, max: 2 }], clock);
    const done: number[] = [];
    const all = [1, 2, 3, 4, 5].map((n) => budget.acquire().then(() => done.push(n)));
    await flush();
    assert.deepEqual(done, [1, 2]);
    await clock.elapse(999);
    assert.deepEqual(done, [1, 2]);
    await clock.elapse(1);
    assert.deepEqual(done, [1, 2, 3, 4]);
    await clock.elapse(1000);
    await Promise.all(all);
    assert.deepEqual(done, [1, 2, 3, 4, 5]);
  });

  it('honours the day window as well as the short one', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget(
      [
        { windowMs: 1000, max: 10 },
        { windowMs: 10_000, max: 3 },
      ],
      clock,
    );
    for (let i = 0; i < 3; i++) assert.ok(budget.tryAcquire());
    await clock.elapse(2000);
    assert.equal(budget.remaining(), 0);
    assert.equal(budget.nextSlotAt(), clock.now() + 8000);
  });

  it('never lets more through than a window allows, whatever the arrival pattern', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget([{ windowMs: 300, max: 4 }], clock);
    const granted: number[] = [];
    const waits = Array.from({ length: 30 }, () => budget.acquire().then(() => granted.push(clock.now())));
    for (let t = 0; t < 3000; t += 37) await clock.elapse(37);
    await Promise.all(waits);
    assert.equal(granted.length, 30);
    for (const t of granted) assert.ok(granted.filter((u) => u > t - 300 && u <= t).length <= 4);
  });

  it('lets a waiting acquire be cancelled without taking a slot', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget([{ windowMs: 1000, max: 1 }], clock);
    await budget.acquire();
    const controller = new AbortController();
    const cancelled = budget.acquire(controller.signal);
    const next = budget.acquire();
    controller.abort();
    await assert.rejects(cancelled);
    await clock.elapse(1000);
    await next;
    assert.equal(budget.remaining(), 0);
  });

  it('holds for a Retry-After of 999999999 seconds no longer than the ceiling, and says until when', async () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget(DEFAULT_WRITE_WINDOWS, clock);
    assert.equal(budget.pausedUntil(), undefined);
    budget.holdUntil(clock.now() + (parseRetryAfter('999999999', clock.now()) ?? 0));
    const end = clock.now() + MAX_SERVER_DELAY_MS;
    assert.equal(budget.holdsUntil(), end);
    assert.equal(budget.pausedUntil(), end);
    assert.equal(budget.nextSlotAt(), end);
    assert.equal(budget.remaining(), 0);
    await clock.elapse(MAX_SERVER_DELAY_MS - 1);
    assert.equal(budget.remaining(), 0);
    await clock.elapse(1);
    assert.equal(budget.pausedUntil(), undefined);
    assert.ok(budget.tryAcquire());
  });

  it('cuts any hold to now + the ceiling, and ignores one that is no time at all', () => {
    const clock = new VirtualClock({ start: 1_700_000_000_000, sleeps: 'wait' });
    const budget = new RequestBudget(DEFAULT_WRITE_WINDOWS, clock);
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, clock.now() - 1]) budget.holdUntil(at);
    assert.equal(budget.holdsUntil(), 0);
    assert.equal(budget.pausedUntil(), undefined);
    budget.holdUntil(8.64e15 + 1);
    budget.holdUntil(Number.MAX_VALUE);
    assert.equal(budget.holdsUntil(), clock.now() + MAX_SERVER_DELAY_MS);
    assert.doesNotThrow(() => new Date(budget.nextSlotAt()).toISOString());
    budget.holdUntil(clock.now() + 5_000);
    assert.equal(budget.holdsUntil(), clock.now() + MAX_SERVER_DELAY_MS, 'a shorter hold never shortens a longer one');
  });

  it('refuses a window that could never admit anything', () => {
    assert.throws(() => new RequestBudget([{ windowMs: 1000, max: 0 }]), RangeError);
  });
});
