// The one gate every wait a server names (a Retry-After, a date to come back at) passes before anything waits on it.

/**
 * The longest a server may make the extension wait: one day. The longest window any Graph limit counts over is a day
 * (8,000 writes per user), so no honest Retry-After is longer, and every honest one is honoured in full (a request
 * sent early is refused, counts, and keeps the account throttled). A longer wait is a bug or an attack: honouring it
 * would stop publishing for decades, and a timer that long fires at once.
 */
export const MAX_SERVER_DELAY_MS = 24 * 60 * 60_000;

/**
 * A server-given delay in milliseconds, made safe to wait on: undefined when it is no delay at all (NaN, infinite,
 * negative), otherwise at most MAX_SERVER_DELAY_MS.
 */
export function clampServerDelay(ms: number | undefined): number | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, MAX_SERVER_DELAY_MS);
}
