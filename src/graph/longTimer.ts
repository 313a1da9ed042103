// Timers of any length. setTimeout takes at most 2^31 − 1 ms (about 24.8 days); Node and browsers fire a longer
// delay after 1 ms instead, so a long wait is chained from steps no longer than that. Pure: the timers are handed in.

/** The longest delay setTimeout honours. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LongTimeout {
  /** Stops the timer; the callback will not run. */
  cancel(): void;
}

export const systemTimers: TimerApi = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `callback` once, `ms` from now (at once for 0 or less; never for Infinity). Throws RangeError for NaN: a delay
 * nobody can compute is a bug, and a timer that fires at once would hide it.
 */
export function setLongTimeout(callback: () => void, ms: number, timers: TimerApi = systemTimers): LongTimeout {
  if (Number.isNaN(ms)) throw new RangeError('A timer needs a delay, not NaN.');
  let left = Math.max(0, ms);
  let handle: unknown;
  const arm = (): void => {
    const step = Math.min(left, MAX_TIMER_DELAY_MS);
    left -= step;
    handle = timers.setTimeout(() => (left > 0 ? arm() : callback()), step);
  };
  arm();
  return { cancel: () => timers.clearTimeout(handle) };
}
