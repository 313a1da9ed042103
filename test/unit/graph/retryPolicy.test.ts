import * as assert from 'node:assert/strict';
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../src/graph/retryPolicy';

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
