import * as assert from 'node:assert/strict';
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../src/graph/retryPolicy';
import { clampServerDelay, MAX_SERVER_DELAY_MS } from '../../../src/graph/serverDelay';

const NOW = Date.parse('2026-03-15T18:12:00Z');

describe('retry policy', () => {
  it('retries 408, 429, 500, 502, 503, 504 only', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) assert.ok(isRetryableStatus(status), String(status));
    for (const status of [400, 401, 403, 404, 409, 412, 413, 415, 501, 505])
      assert.ok(!isRetryableStatus(status), String(status));
  });

  it('reads Retry-After as decimal seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('2.128', NOW), 2128);
    assert.equal(parseRetryAfter('10', NOW), 10_000);
    assert.equal(parseRetryAfter(' 0.5 ', NOW), 500);
    assert.equal(parseRetryAfter('Sun, 15 Mar 2026 18:12:30 GMT', NOW), 30_000);
    assert.equal(parseRetryAfter('Sun, 15 Mar 2026 18:11:00 GMT', NOW), 0);
    assert.equal(parseRetryAfter(null, NOW), undefined);
    assert.equal(parseRetryAfter('', NOW), undefined);
    assert.equal(parseRetryAfter('-3', NOW), undefined);
    assert.equal(parseRetryAfter('soon', NOW), undefined);
    assert.equal(parseRetryAfter('12abc', NOW), undefined);
  });

  it('cuts a Retry-After longer than the ceiling to the ceiling: 999999999 seconds is one day', () => {
    assert.equal(MAX_SERVER_DELAY_MS, 86_400_000);
    assert.equal(parseRetryAfter('999999999', NOW), MAX_SERVER_DELAY_MS);
    assert.equal(parseRetryAfter('9999999999.5', NOW), MAX_SERVER_DELAY_MS);
    assert.equal(parseRetryAfter('86401', NOW), MAX_SERVER_DELAY_MS);
    assert.equal(parseRetryAfter(String(23 * 3600), NOW), 23 * 3_600_000, 'the daily cap’s wait is honoured in full');
  });

  it('reads a Retry-After that is no delay as absent: 1e400, -5, NaN, Infinity, absurdly long digit strings', () => {
    for (const value of ['1e400', '-5', '-0.5', 'NaN', 'Infinity', '99999999999999999999999', '1'.repeat(400), '5.0000000001'])
      assert.equal(parseRetryAfter(value, NOW), undefined, value);
    assert.equal(parseRetryAfter('7', Number.NaN), 7000, 'seconds need no clock');
    assert.equal(parseRetryAfter('Sun, 15 Mar 2026 18:12:30 GMT', Number.NaN), undefined);
  });

  it('reads an HTTP date out of Date’s range as absent, and one at its very edge as the ceiling', () => {
    assert.equal(parseRetryAfter('Sun, 14 Sep 275760 00:00:00 GMT', NOW), undefined);
    assert.equal(parseRetryAfter('Tue, 01 Jan 300000 00:00:00 GMT', NOW), undefined);
    assert.equal(parseRetryAfter('Sat, 13 Sep 275760 00:00:00 GMT', NOW), MAX_SERVER_DELAY_MS);
    assert.equal(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', NOW), MAX_SERVER_DELAY_MS);
  });

  it('reads an HTTP date in the past as no wait, and words that only look like a date as absent', () => {
    assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', NOW), 0);
    assert.equal(parseRetryAfter('Sunday, 15-Mar-26 18:11:00 GMT', NOW), 0);
    assert.equal(parseRetryAfter('Sun Mar 15 18:13:00 2026', NOW + new Date(NOW).getTimezoneOffset() * 60_000), 60_000);
    for (const value of ['x 5', 'March 5', 'Sun, 15 Mar 2026', `Sun, ${'1 '.repeat(100)}18:12:30 GMT`])
      assert.equal(parseRetryAfter(value, NOW), undefined, value);
  });

  it('clamps every server-given delay through one function', () => {
    assert.equal(clampServerDelay(undefined), undefined);
    assert.equal(clampServerDelay(Number.NaN), undefined);
    assert.equal(clampServerDelay(Number.POSITIVE_INFINITY), undefined);
    assert.equal(clampServerDelay(-1), undefined);
    assert.equal(clampServerDelay(0), 0);
    assert.equal(clampServerDelay(1e12), MAX_SERVER_DELAY_MS);
    assert.deepEqual(
      decideRetry({ attempt: 1, retryable: true, retryAfterMs: Number.NaN }, DEFAULT_RETRY_OPTIONS, () => 0),
      { retry: true, delayMs: 1000 },
      'a wait that is no wait falls back to the backoff',
    );
  });

  it('honours Retry-After in full: a wait longer than the in-request limit is not retried in the request at all', () => {
    assert.deepEqual(
      decideRetry({ attempt: 1, retryable: true, retryAfterMs: 2128 }, DEFAULT_RETRY_OPTIONS, () => 0.5),
      { retry: true, delayMs: 2128 },
    );
    assert.deepEqual(
      decideRetry({ attempt: 1, retryable: true, retryAfterMs: 3_600_000 }, DEFAULT_RETRY_OPTIONS, () => 0.5),
      { retry: false },
    );
    assert.deepEqual(
      decideRetry({ attempt: 1, retryable: true, retryAfterMs: 180_000 }, DEFAULT_RETRY_OPTIONS, () => 0.5),
      { retry: true, delayMs: 180_000 },
    );
  });

  it('backs off exponentially with 50–100 % jitter up to the cap', () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1000 };
    assert.equal(
      backoffDelay(1, options, () => 0),
      500,
    );
    assert.equal(
      backoffDelay(1, options, () => 0.999999),
      1000,
    );
    assert.equal(
      backoffDelay(3, options, () => 0),
      2000,
    );
    assert.equal(
      backoffDelay(3, options, () => 0.999999),
      4000,
    );
    assert.equal(
      backoffDelay(20, options, () => 0.999999),
      64_000,
    );
    for (let attempt = 1; attempt < 12; attempt++) {
      const d = backoffDelay(attempt, options, Math.random);
      const full = Math.min(64_000, 1000 * 2 ** (attempt - 1));
      assert.ok(d >= full / 2 && d <= full, `${attempt}: ${d}`);
    }
  });

  it('stops after the last attempt and never retries what is not retryable', () => {
    assert.deepEqual(
      decideRetry({ attempt: 4, retryable: true }, DEFAULT_RETRY_OPTIONS, () => 0),
      { retry: false },
    );
    assert.equal(decideRetry({ attempt: 3, retryable: true }, DEFAULT_RETRY_OPTIONS, () => 0).retry, true);
    assert.deepEqual(
      decideRetry({ attempt: 1, retryable: false, retryAfterMs: 10 }, DEFAULT_RETRY_OPTIONS, () => 0),
      { retry: false },
    );
  });
});
