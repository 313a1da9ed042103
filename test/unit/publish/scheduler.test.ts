// When publishing happens, from the automation settings, with timers under the test's control.
import * as assert from 'node:assert/strict';
import type { PublishSummary } from '../../../src/publish/publisher';
import { AutomationSettings, PublishScheduler, RunReason, Timers } from '../../../src/publish/scheduler';

class ManualTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
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
      this.now = due[1].at;
      due[1].callback();
      await new Promise((r) => setImmediate(r));
    }
    this.now = end;
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
});
