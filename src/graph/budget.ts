// A client-side request budget over sliding windows, kept below the service's per-user limits so the extension
// never triggers throttling itself. Pure apart from the injected clock.

import type { WaitingClock } from '../platform/ports';
import { abortReason, systemClock } from './clock';
import { clampServerDelay } from './serverDelay';

export interface BudgetWindow {
  windowMs: number;
  max: number;
}

export const FIVE_MINUTES = 5 * 60_000;
export const ONE_DAY = 24 * 60 * 60_000;

/** Defaults well under the service's 100 writes / 5 min and 8,000 / day, which every app of the user shares. */
export const DEFAULT_WRITE_WINDOWS: BudgetWindow[] = [
  { windowMs: FIVE_MINUTES, max: 60 },
  { windowMs: ONE_DAY, max: 4_000 },
];

/** Defaults under the service's 400 reads / 5 min and 12,000 / day. */
export const DEFAULT_READ_WINDOWS: BudgetWindow[] = [
  { windowMs: FIVE_MINUTES, max: 200 },
  { windowMs: ONE_DAY, max: 6_000 },
];

export class RequestBudget {
  private readonly spent: number[] = [];
  private readonly longestWindowMs: number;
  /** Epoch ms before which no request may go: the end of the service's last Retry-After. */
  private heldUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly windows: readonly BudgetWindow[],
    private readonly clock: WaitingClock = systemClock,
  ) {
    if (windows.length === 0 || windows.some((w) => w.max < 1 || w.windowMs <= 0)) {
      throw new RangeError('Each budget window needs max ≥ 1 and a positive length.');
    }
    this.longestWindowMs = Math.max(...windows.map((w) => w.windowMs));
  }

  /**
   * The service asked to wait until `at` (a Retry-After): no slot is handed out before then, nor later than
   * MAX_SERVER_DELAY_MS from now. The throttled attempt itself already took its slot, so it counts toward the windows
   * like any other. A time that is no time (NaN, infinite) holds nothing.
   */
  holdUntil(at: number): void {
    const now = this.clock.now();
    const wait = clampServerDelay(at - now);
    if (wait !== undefined) this.heldUntil = Math.max(this.heldUntil, now + wait);
  }

  /** Epoch ms before which the service asked for nothing to be sent (0 when it never did). */
  holdsUntil(): number {
    return this.heldUntil;
  }

  /** While the service's wait lasts, the time it ends (for "paused by Microsoft Graph until …"); otherwise undefined. */
  pausedUntil(): number | undefined {
    return this.clock.now() < this.heldUntil ? this.heldUntil : undefined;
  }

  /** Requests that could be sent right now. */
  remaining(): number {
    const now = this.clock.now();
    if (now < this.heldUntil) return 0;
    this.forgetOlderThan(now - this.longestWindowMs);
    return Math.min(...this.windows.map((w) => w.max - this.countSince(now - w.windowMs)));
  }

  /** When the next request may be sent: now when a slot is free, otherwise the time the oldest blocking one ages out. */
  nextSlotAt(): number {
    const now = this.clock.now();
    this.forgetOlderThan(now - this.longestWindowMs);
    let at = Math.max(now, this.heldUntil);
    for (const w of this.windows) {
      const inWindow = this.spent.filter((t) => t > now - w.windowMs);
      if (inWindow.length >= w.max) at = Math.max(at, inWindow[inWindow.length - w.max] + w.windowMs);
    }
    return at;
  }

  /** Takes a slot if one is free now. */
  tryAcquire(): boolean {
    if (this.remaining() < 1) return false;
    this.spent.push(this.clock.now());
    return true;
  }

  /**
   * Resolves once a slot has been taken. Waiters are served in order; nothing is ever dropped.
   * Rejects (without taking a slot) when `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      if (this.tryAcquire()) return;
      await this.clock.sleep(Math.max(1, this.nextSlotAt() - this.clock.now()), signal);
    }
  }

  private countSince(start: number): number {
    let count = 0;
    for (let i = this.spent.length - 1; i >= 0 && this.spent[i] > start; i--) count++;
    return count;
  }

  private forgetOlderThan(cutoff: number): void {
    let drop = 0;
    while (drop < this.spent.length && this.spent[drop] <= cutoff) drop++;
    if (drop > 0) this.spent.splice(0, drop);
  }
}
