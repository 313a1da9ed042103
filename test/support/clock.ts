// The test kit's one clock: time that moves only when a test (or a sleep) moves it. It serves the Graph client and
// the write budget (sleeps), the outbox (a wall clock), the tracking engine (a clock that is set) and the scheduler
// (timers), so a whole simulated run (the bench's hours of use) runs in seconds.
import { abortReason } from '../../src/graph/clock';
import type { WaitingClock as Clock } from '../../src/platform/ports';
import type { Timers } from '../../src/publish/scheduler';

export interface VirtualClockOptions {
  /** Epoch milliseconds the clock starts at; default: the real time now (the outbox compares file times with it). */
  start?: number;
  /**
   * What a sleep does. 'jump' (default): it returns at once and moves time forward by its length, so a Retry-After of
   * minutes costs nothing. 'wait': it waits until elapse() carries time past its deadline.
   */
  sleeps?: 'jump' | 'wait';
  /** Time also moves with the real (monotonic) clock, plus every jumped sleep: for code that also waits for real. */
  followsRealTime?: boolean;
  /** 'jump' mode: what the world does while time passes (e.g. requests held up on the way land), awaited first. */
  whileAsleep?: () => Promise<void>;
}

interface Sleeper {
  at: number;
  resolve: () => void;
}

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class VirtualClock implements Clock, Timers {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  private virtualTime: number;
  private readonly mode: 'jump' | 'wait';
  private readonly realBase: number | undefined;
  private readonly whileAsleep: () => Promise<void>;
  private sleepers: Sleeper[] = [];
  private nextTimerId = 1;
  private readonly timers = new Map<number, PendingTimer>();
  private readonly busy = new Set<Promise<unknown>>();

  constructor(options: VirtualClockOptions = {}) {
    this.mode = options.sleeps ?? 'jump';
    this.whileAsleep = options.whileAsleep ?? (() => Promise.resolve());
    // Built on the monotonic clock: wall time can step back.
    this.realBase = options.followsRealTime ? Date.now() - performance.now() : undefined;
    this.virtualTime = options.followsRealTime ? 0 : (options.start ?? Date.now());
  }

  now(): number {
    return this.realBase === undefined ? this.virtualTime : Math.floor(this.realBase + performance.now()) + this.virtualTime;
  }

  /** The current time; setting it moves the clock there (also backwards: a test may need a clock that steps back). */
  get time(): number {
    return this.now();
  }
  set time(at: number) {
    this.virtualTime += at - this.now();
  }

  /** The sum of every sleep asked for. */
  get slept(): number {
    return this.sleeps.reduce((sum, ms) => sum + Math.max(0, ms), 0);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    this.sleeps.push(ms);
    return this.mode === 'jump' ? this.jump(ms) : this.waitFor(ms, signal);
  }

  /** Moves time forward by `ms` at once; sleepers of a 'wait' clock are woken only by elapse(). */
  advance(ms: number): void {
    this.virtualTime += ms;
  }

  /** Moves time to `at`, never backwards. */
  advanceTo(at: number): void {
    if (at > this.now()) this.time = at;
  }

  /** Lets `ms` pass, waking sleepers one by one in order of their deadline and letting their continuations run. */
  async elapse(ms: number): Promise<void> {
    const end = this.now() + ms;
    for (;;) {
      await flush();
      const due = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      if (due.at > this.now()) this.time = due.at;
      due.resolve();
    }
    this.time = end;
    await flush();
  }

  /** Sleeps of a 'wait' clock still waiting. */
  get pendingSleepers(): number {
    return this.sleepers.length;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextTimerId++;
    this.timers.set(id, { id, at: this.now() + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  /** When the earliest timer is due, if any. */
  nextTimerAt(): number | undefined {
    let earliest: number | undefined;
    for (const timer of this.timers.values()) if (earliest === undefined || timer.at < earliest) earliest = timer.at;
    return earliest;
  }

  /** Registers asynchronous work started by a timer or the driver; settle() waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.busy.add(work);
    const done = () => this.busy.delete(work);
    void work.then(done, done);
    return work;
  }

  /** Waits until no tracked work is in flight (work may start more work; that is waited for too). */
  async settle(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.busy.size === 0) return;
      await Promise.allSettled([...this.busy]);
    }
  }

  /** Fires every timer due now or earlier, earliest first (in order of setting when equal), settling after each. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      let due: PendingTimer | undefined;
      for (const timer of this.timers.values())
        if (timer.at <= this.now() && (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id)))
          due = timer;
      if (due === undefined) return fired;
      this.timers.delete(due.id);
      due.callback();
      fired++;
      await this.settle();
    }
  }

  /** Moves time to `at`, firing timers on the way, each at its own time. */
  async runTimersTo(at: number): Promise<void> {
    for (;;) {
      const next = this.nextTimerAt();
      if (next === undefined || next > at) break;
      this.advanceTo(next);
      await this.fireDue();
    }
    this.advanceTo(at);
  }

  private async jump(ms: number): Promise<void> {
    await this.whileAsleep();
    this.virtualTime += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }

  private waitFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const sleeper = { at: this.now() + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortReason(signal));
      });
    });
  }
}

/** Lets pending promise continuations (a few rounds of them) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
