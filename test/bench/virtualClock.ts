// One virtual clock for a whole simulated run: the engine, the scheduler's timers, the write budget, the outbox, the
// Graph client's sleeps and the emulator all read it, so hours of use run in seconds. Time moves only when the
// driver says so (or when code under test sleeps: a sleep jumps the clock forward at once and is counted).
import type { WaitingClock } from '../../src/ports';
import type { Timers } from '../../src/publish/scheduler';

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class VirtualClock implements WaitingClock, Timers {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, PendingTimer>();
  private readonly busy = new Set<Promise<unknown>>();
  /** Sleeps requested by the code under test (retry back-off, budget waits), and their total length. */
  sleeps = 0;
  sleptMs = 0;

  constructor(startAt: number) {
    this.time = startAt;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    this.sleeps++;
    this.sleptMs += Math.max(0, ms);
    this.time += Math.max(0, ms);
    return Promise.resolve();
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), callback });
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
    void work.then(
      () => this.busy.delete(work),
      () => this.busy.delete(work),
    );
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

  /** Moves the clock to `at` (never backwards). */
  set(at: number): void {
    if (at > this.time) this.time = at;
  }

  /** Fires every timer due at or before the current time, earliest first, settling after each. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      let due: PendingTimer | undefined;
      for (const timer of this.timers.values())
        if (timer.at <= this.time && (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id)))
          due = timer;
      if (due === undefined) return fired;
      this.timers.delete(due.id);
      due.callback();
      fired++;
      await this.settle();
    }
  }

  /** Moves time to `at`, firing timers (in order, each at its own time) on the way. */
  async advanceTo(at: number): Promise<void> {
    for (;;) {
      const next = this.nextTimerAt();
      if (next === undefined || next > at) break;
      this.set(next);
      await this.fireDue();
    }
    this.set(at);
  }
}
