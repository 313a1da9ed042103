// When to send a failed request again, and after how long. Pure: the caller supplies the time and the dice.

import { clampServerDelay } from './serverDelay';

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Delay before the first retry when the service gave no Retry-After. */
  baseDelayMs: number;
  multiplier: number;
  maxBackoffMs: number;
  /** The lowest share of the computed backoff that is kept; the rest is random (0.5 → 50–100 %). */
  minJitterRatio: number;
  /**
   * The longest Retry-After waited out inside a request. A longer one (up to MAX_SERVER_DELAY_MS: parseRetryAfter cuts
   * it there) fails the request, and the scheduler tries again once the wait is over.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 2_000,
  multiplier: 2,
  maxBackoffMs: 64_000,
  minJitterRatio: 0.5,
  maxRetryAfterMs: 180_000,
};

/** Statuses worth sending again: timeouts, throttling and transient server failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Decimal seconds with at most ten digits before the point (three centuries): anything longer is nonsense. */
const DELAY_SECONDS = /^\d{1,10}(\.\d{1,9})?$/;
/** An HTTP date names a time of day; the check keeps Date.parse from reading stray words and numbers as a date. */
const HTTP_DATE = /^[a-z]{3,9},? [\w :-]{3,60}\b\d{2}:\d{2}:\d{2}\b[\w :+-]{0,20}$/i;

/**
 * Milliseconds to wait according to a Retry-After value: decimal seconds ("2.128") or an HTTP date. Undefined when
 * absent, unreadable or out of range; otherwise between 0 (a date already past) and MAX_SERVER_DELAY_MS.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim() ?? '';
  if (DELAY_SECONDS.test(text)) return clampServerDelay(Math.round(Number(text) * 1000));
  if (!HTTP_DATE.test(text)) return undefined;
  // NaN for a date outside Date's range (after year 275760).
  const date = Date.parse(text);
  return clampServerDelay(Number.isNaN(date) ? undefined : Math.max(0, date - nowMs));
}

export interface RetryInput {
  /** Attempts already made, including the one that just failed (1 after the first failure). */
  attempt: number;
  retryable: boolean;
  retryAfterMs?: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** `random` returns a number in [0, 1), like Math.random. */
export function decideRetry(input: RetryInput, options: RetryOptions, random: () => number): RetryDecision {
  if (!input.retryable || input.attempt >= options.maxAttempts) return { retry: false };
  const retryAfterMs = clampServerDelay(input.retryAfterMs);
  if (retryAfterMs !== undefined)
    return retryAfterMs <= options.maxRetryAfterMs ? { retry: true, delayMs: retryAfterMs } : { retry: false };
  return { retry: true, delayMs: backoffDelay(input.attempt, options, random) };
}

/** Exponential backoff with jitter for the retry following attempt number `attempt` (1-based). */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const exponential = Math.min(options.maxBackoffMs, options.baseDelayMs * options.multiplier ** (attempt - 1));
  const ratio = options.minJitterRatio + (1 - options.minJitterRatio) * random();
  return Math.round(exponential * ratio);
}
