// Timers longer than setTimeout takes are chained, never handed to it raw (it would fire them after 1 ms).
import * as assert from 'node:assert/strict';
import { systemClock } from '../../../src/graph/clock';
import { MAX_TIMER_DELAY_MS, setLongTimeout, TimerApi } from '../../../src/graph/longTimer';

/** setTimeout and clearTimeout over a time that moves only when the test says; records every delay asked for. */
class FakeTimers implements TimerApi {
  now = 0;
  readonly delays: number[] = [];
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
    this.delays.push(ms);
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get armed(): number {
    return this.pending.size;
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
  }
}

describe('long timer', () => {
  const DAY = 24 * 3_600_000;
  let timers: FakeTimers;
  let firedAt: number[];
  const fire = () => firedAt.push(timers.now);

  beforeEach(() => {
    timers = new FakeTimers();
    firedAt = [];
  });

  it('fires once, after 30 days, never asking setTimeout for more than 2^31 − 1 ms', () => {
    setLongTimeout(fire, 30 * DAY, timers);
    timers.advance(30 * DAY - 1);
    assert.deepEqual(firedAt, []);
    timers.advance(1);
    assert.deepEqual(firedAt, [30 * DAY]);
    timers.advance(365 * DAY);
    assert.deepEqual(firedAt, [30 * DAY]);
    assert.ok(timers.delays.length >= 2);
    assert.ok(Math.max(...timers.delays) <= MAX_TIMER_DELAY_MS, String(timers.delays));
  });

  it('fires once at 2^31 + 5 ms: one full step, then the rest', () => {
    setLongTimeout(fire, 2 ** 31 + 5, timers);
    timers.advance(2 ** 31 + 4);
    assert.deepEqual(firedAt, []);
    timers.advance(1);
    assert.deepEqual(firedAt, [2 ** 31 + 5]);
    assert.deepEqual(timers.delays, [MAX_TIMER_DELAY_MS, 6]);
  });

  it('hands a short delay to setTimeout as it is, and fires a negative one at once', () => {
    setLongTimeout(fire, 1500, timers);
    setLongTimeout(fire, -20, timers);
    timers.advance(1500);
    assert.deepEqual(firedAt, [0, 1500]);
    assert.deepEqual(timers.delays, [1500, 0]);
  });

  it('can be cancelled in any step', () => {
    const timer = setLongTimeout(fire, 3 * MAX_TIMER_DELAY_MS, timers);
    timers.advance(MAX_TIMER_DELAY_MS + 10);
    timer.cancel();
    assert.equal(timers.armed, 0);
    timers.advance(10 * MAX_TIMER_DELAY_MS);
    assert.deepEqual(firedAt, []);
  });

  it('never fires for Infinity, and refuses NaN', () => {
    setLongTimeout(fire, Number.POSITIVE_INFINITY, timers);
    timers.advance(10 * MAX_TIMER_DELAY_MS);
    assert.deepEqual(firedAt, []);
    assert.ok(Math.max(...timers.delays) <= MAX_TIMER_DELAY_MS);
    assert.throws(() => setLongTimeout(fire, Number.NaN, timers), RangeError);
  });
});

describe('long timer on the real clock', () => {
  it('does not end a sleep of 2^31 + 5 ms after a moment, as a raw setTimeout would', async () => {
    const abort = new AbortController();
    let ended = false;
    const sleeping = systemClock.sleep(2 ** 31 + 5, abort.signal).then(
      () => (ended = true),
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(ended, false);
    abort.abort();
    await sleeping;
    assert.equal(ended, false);
  });

  it('does not fire a real timer of 30 days after a moment', async () => {
    let fired = false;
    const timer = setLongTimeout(() => (fired = true), 30 * 24 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    timer.cancel();
    assert.equal(fired, false);
  });
});
