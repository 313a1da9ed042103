// POST /$batch for independent requests, with per-request outcomes and retry of the throttled ones.

import type { Logger, WaitingClock } from '../ports';
import { classifyStatus, GraphError } from './errors';
import { backoffDelay, parseRetryAfter, RetryOptions } from './retryPolicy';
import { GraphTransport } from './transport';
import { BatchRequestItem, BatchResponseBody, BatchResponseItem } from './types';

export const MAX_BATCH_REQUESTS = 20;

export type BatchOutcome<T> = { ok: true; value: T } | { ok: false; error: GraphError };

export interface BatchContext<T> {
  transport: GraphTransport;
  clock: WaitingClock;
  retry: RetryOptions;
  logger: Logger;
  toResult(status: number, body: unknown, index: number): T;
  random?: () => number;
}

export interface BatchEntry {
  method: BatchRequestItem['method'];
  url: string;
  body?: unknown;
}

export async function runBatch<T>(
  context: BatchContext<T>,
  entries: BatchEntry[],
  signal?: AbortSignal,
): Promise<BatchOutcome<T>[]> {
  if (entries.length > MAX_BATCH_REQUESTS)
    throw new RangeError(`A batch holds at most ${MAX_BATCH_REQUESTS} requests, got ${entries.length}.`);
  const outcomes: (BatchOutcome<T> | undefined)[] = entries.map(() => undefined);
  let pending = entries.map((_, index) => index);

  for (let round = 1; pending.length > 0; round++) {
    const requests: BatchRequestItem[] = pending.map((index) => toBatchRequest(String(index + 1), entries[index]));
    const response = await context.transport.send({
      method: 'POST',
      target: '/$batch',
      body: { requests },
      writeCost: requests.length,
      signal,
    });
    const byId = new Map((response.body as BatchResponseBody | undefined)?.responses?.map((r) => [r.id, r]) ?? []);

    const again: number[] = [];
    let longestWaitMs = 0;
    for (const index of pending) {
      const item = byId.get(String(index + 1));
      const error = item ? innerError(item, context.clock.now()) : missingAnswer(index);
      if (!error) {
        try {
          outcomes[index] = { ok: true, value: context.toResult(item!.status, item!.body, index) };
        } catch (failure) {
          outcomes[index] = { ok: false, error: failure instanceof GraphError ? failure : missingAnswer(index) };
        }
        continue;
      }
      // A Retry-After longer than the in-request limit is never cut short: the request fails, and the scheduler waits.
      if (error.retryable && round < context.retry.maxAttempts && (error.retryAfterMs ?? 0) <= context.retry.maxRetryAfterMs) {
        again.push(index);
        longestWaitMs = Math.max(
          longestWaitMs,
          error.retryAfterMs ?? backoffDelay(round, context.retry, context.random ?? Math.random),
        );
      } else {
        outcomes[index] = { ok: false, error };
      }
    }
    pending = again;
    if (pending.length > 0) {
      const waitMs = longestWaitMs;
      context.logger.info(
        `${pending.length} request(s) of a batch were throttled or failed transiently; sending them again in ${waitMs} ms.`,
      );
      await context.clock.sleep(waitMs, signal);
    }
  }
  return outcomes.map((outcome, index) => outcome ?? { ok: false, error: missingAnswer(index) });
}

function toBatchRequest(id: string, entry: BatchEntry): BatchRequestItem {
  return entry.body === undefined
    ? { id, method: entry.method, url: entry.url }
    : { id, method: entry.method, url: entry.url, headers: { 'Content-Type': 'application/json' }, body: entry.body };
}

function innerError(item: BatchResponseItem, nowMs: number): GraphError | undefined {
  if (item.status >= 200 && item.status < 300) return undefined;
  const headers = lowerCaseKeys(item.headers ?? {});
  const envelope = item.body as
    { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } } | undefined;
  const inner = envelope?.error?.innerError ?? {};
  return new GraphError({
    status: item.status,
    code: typeof envelope?.error?.code === 'string' ? envelope.error.code : `http${item.status}`,
    serviceMessage: typeof envelope?.error?.message === 'string' ? envelope.error.message : 'no error body',
    kind: classifyStatus(item.status),
    retryAfterMs: parseRetryAfter(headers['retry-after'], nowMs),
    requestId: typeof inner['request-id'] === 'string' ? inner['request-id'] : undefined,
    clientRequestId: typeof inner['client-request-id'] === 'string' ? inner['client-request-id'] : undefined,
    method: 'PUT',
    path: '/$batch',
  });
}

function missingAnswer(index: number): GraphError {
  return new GraphError({
    status: 0,
    code: 'missingBatchResponse',
    serviceMessage: `the batch answer had no entry for request ${index + 1}`,
    kind: 'retryable',
  });
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
