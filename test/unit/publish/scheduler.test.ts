// When publishing happens, from the automation settings, with timers under the test's control.
import * as assert from 'node:assert/strict';
import { DEFAULT_WRITE_WINDOWS, RequestBudget } from '../../../src/graph/budget';
import { MAX_TIMER_DELAY_MS } from '../../../src/graph/longTimer';
import { parseRetryAfter } from '../../../src/graph/retryPolicy';
import { MAX_SERVER_DELAY_MS } from '../../../src/graph/serverDelay';
import type { PublishSummary } from '../../../src/publish/publisher';
import { AutomationSettings, PublishScheduler, RunReason, Timers } from '../../../src/publish/scheduler';
import { VirtualClock } from '../../support/clock';

/** Timers over the test kit's virtual clock: time moves only in advance(). Records each delay and each firing. */
class ManualTimers implements Timers {
  readonly clock = new VirtualClock({ start: 0, sleeps: 'wait' });
  readonly delays: number[] = [];
  fired = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  get now(): number {
    return this.clock.now();
  }

  setTimeout(callback: () => void, ms: number): number {
    this.delays.push(ms);
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.clock.advanceTo(due[1].at);
      this.fired++;
      due[1].callback();
      await new Promise((r) => setImmediate(r));
    }
    this.clock.advanceTo(end);
    await new Promise((r) => setImmediate(r));
  }
}

const done: PublishSummary = { outcome: 'done', activities: 1, sessions: 1, remaining: 0, failures: [] };

describe('PublishScheduler', () => {
  let timers: ManualTimers;
  let settings: AutomationSettings;
  let runs: RunReason[];
  let outcome: PublishSummary;
  let scheduler: PublishScheduler;

  beforeEach(() => {
    timers = new ManualTimers();
    settings = { mode: 'automatic', finishedDelaySeconds: 30, intervalSeconds: 600, onWindowBlur: false, onShutdown: true };
    runs = [];
    outcome = done;
    scheduler = new PublishScheduler({
      run: (reason) => {
        runs.push(reason);
        return Promise.resolve(outcome);
      },
      settings: () => settings,
      now: () => timers.now,
      timers,
    });
  });
  afterEach(() => scheduler.dispose());

  it('publishes finished sessions once, after the delay, however many finish meanwhile', async () => {
    scheduler.sessionFinished();
    await timers.advance(10_000);
    scheduler.sessionFinished();
    await timers.advance(19_000);
    assert.deepEqual(runs, []);
    await timers.advance(1_000);
    assert.deepEqual(runs, ['finished']);
  });

  it('publishes the ongoing session at the interval, and never in manual mode', async () => {
    await timers.advance(600_000);
    assert.deepEqual(runs, ['interval']);
    settings = { ...settings, mode: 'manual' };
    scheduler.settingsChanged();
    scheduler.sessionFinished();
    await timers.advance(3_600_000);
    assert.deepEqual(runs, ['interval']);
  });

  it('publishes on window blur only when asked to', async () => {
    scheduler.windowBlurred();
    await timers.advance(0);
    assert.deepEqual(runs, []);
    settings = { ...settings, onWindowBlur: true };
    scheduler.windowBlurred();
    await timers.advance(0);
    assert.deepEqual(runs, ['blur']);
  });

  it('retries by itself with growing waits while Graph cannot be reached, and stops retrying once it worked', async () => {
    outcome = { ...done, outcome: 'retryLater', activities: 0, remaining: 3 };
    await scheduler.runNow('command');
    await timers.advance(30_000);
    assert.deepEqual(runs, ['command', 'retry']);
    await timers.advance(59_000);
    assert.equal(runs.length, 2, 'the second wait is longer');
    outcome = done;
    await timers.advance(1_000);
    assert.deepEqual(runs, ['command', 'retry', 'retry']);
    await timers.advance(300_000);
    assert.equal(runs.length, 3);
  });

  it('waits for sign-in instead of retrying, and goes as soon as a token is back', async () => {
    outcome = { ...done, outcome: 'signInRequired', activities: 0, remaining: 2 };
    await scheduler.runNow('finished');
    await timers.advance(500_000);
    assert.deepEqual(runs, ['finished']);
    scheduler.signedIn();
    await timers.advance(0);
    assert.deepEqual(runs, ['finished', 'signedIn']);
  });

  it('never runs twice at once: a request during a run becomes one more run after it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let active = 0;
    let maxActive = 0;
    const slow = new PublishScheduler({
      run: async (reason) => {
        runs.push(reason);
        active++;
        maxActive = Math.max(maxActive, active);
        await gate;
        active--;
        return done;
      },
      settings: () => ({ ...settings, mode: 'manual' }),
      now: () => timers.now,
      timers,
    });
    const first = slow.runNow('command');
    const second = slow.runNow('command');
    const third = slow.runNow('command');
    release();
    await Promise.all([first, second, third]);
    assert.equal(maxActive, 1);
    assert.equal(runs.length, 2);
    slow.dispose();
  });

  it('waits for a retry time past 2^31 − 1 ms in steps setTimeout honours, and runs once when it comes', async () => {
    const retryAt = 30 * 24 * 3_600_000 + 5 * 3_600_000;
    const spent: PublishSummary = { ...done, outcome: 'budget', activities: 0, remaining: 1, retryAt };
    const retryRuns: number[] = [];
    const late = new PublishScheduler({
      run: (reason) => {
        if (reason === 'retry') retryRuns.push(timers.now);
        return Promise.resolve(timers.now < retryAt ? spent : done);
      },
      settings: () => ({ ...settings, intervalSeconds: 86_400 }),
      now: () => timers.now,
      timers,
    });
    scheduler.dispose();
    await late.runNow('command');
    assert.equal(late.nextRunAt, retryAt);
    await timers.advance(retryAt - 1);
    assert.deepEqual(retryRuns, [], 'the daily interval runs re-arm the retry for the same time');
    await timers.advance(1);
    assert.deepEqual(retryRuns, [retryAt]);
    await timers.advance(retryAt);
    assert.deepEqual(retryRuns, [retryAt]);
    assert.ok(Math.max(...timers.delays) <= MAX_TIMER_DELAY_MS, String(timers.delays));
    late.dispose();
  });

  it('never re-arms at once after a run that found the budget spent, even when the run says "now"', async () => {
    outcome = { ...done, outcome: 'budget', activities: 0, remaining: 1, retryAt: timers.now };
    await scheduler.runNow('command');
    await timers.advance(999);
    assert.deepEqual(runs, ['command']);
    await timers.advance(1);
    assert.deepEqual(runs, ['command', 'retry']);
    outcome = { ...done, outcome: 'retryLater', activities: 0, remaining: 1, retryAt: Number.NaN, heldUntil: Infinity };
    await timers.advance(60_000);
    assert.ok(runs.length <= 4, runs.join());
    assert.ok(
      timers.delays.every((ms) => ms > 0 && Number.isFinite(ms)),
      String(timers.delays),
    );
  });

  it('given a 429 with Retry-After: 999999999, makes exactly one run per wake across a simulated hour, and holds a day at most', async () => {
    const budget = new RequestBudget(DEFAULT_WRITE_WINDOWS, timers.clock);
    let throttled = true;
    // The publisher and transport in brief: the first write meets the 429; every run while held stops at the budget.
    const run = (): PublishSummary => {
      const waiting = { ...done, activities: 0, remaining: 3 };
      if (budget.remaining() < 1)
        return { ...waiting, outcome: 'budget', retryAt: budget.nextSlotAt(), heldUntil: budget.pausedUntil() };
      budget.tryAcquire();
      if (!throttled) return done;
      throttled = false;
      const wait = parseRetryAfter('999999999', timers.now) ?? 0;
      budget.holdUntil(timers.now + wait);
      return { ...waiting, outcome: 'retryLater', retryAt: timers.now + wait, heldUntil: budget.pausedUntil() };
    };
    const held = new PublishScheduler({
      run: (reason) => {
        runs.push(reason);
        return Promise.resolve(run());
      },
      settings: () => settings,
      now: () => timers.now,
      timers,
    });
    scheduler.dispose();
    const start = timers.now;
    const first = await held.runNow('command');
    assert.equal(first.heldUntil, start + MAX_SERVER_DELAY_MS);
    assert.equal(held.nextRunAt, start + MAX_SERVER_DELAY_MS);
    const firedBefore = timers.fired;
    await timers.advance(3_600_000);
    assert.equal(runs.length - 1, timers.fired - firedBefore, 'one run per wake');
    assert.deepEqual(runs, ['command', ...Array<RunReason>(6).fill('interval')], 'only the ten-minute interval woke it');
    assert.equal(held.nextRunAt, start + MAX_SERVER_DELAY_MS, 'each run that found the hold re-armed for its end');
    await timers.advance(MAX_SERVER_DELAY_MS - 3_600_000);
    assert.equal(runs.length, 1 + MAX_SERVER_DELAY_MS / 600_000, 'one run per wake, and none extra, all day');
    assert.ok(Math.max(...timers.delays) <= MAX_TIMER_DELAY_MS);
    held.dispose();
  });
});
