// Typed errors for everything that can go wrong talking to Graph, and the words a person sees for them.

import { GraphErrorBody } from './types';

/** What the caller should do about a failure. */
export type ErrorKind = 'retryable' | 'needsSignIn' | 'permanent';

export interface GraphErrorDetails {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  status: number;
  code: string;
  serviceMessage: string;
  kind: ErrorKind;
  /** The error envelope's `target`, when the service names one. */
  target?: string;
  requestId?: string;
  clientRequestId?: string;
  retryAfterMs?: number;
  method?: string;
  /** The request path without the host, e.g. /me/activities/abc (ids only, never a token). */
  path?: string;
  cause?: unknown;
  /** An earlier attempt of the same request lost its answer, so the request may have been carried out anyway. */
  earlierAttemptLost?: boolean;
}

export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly serviceMessage: string;
  readonly kind: ErrorKind;
  readonly target?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly retryAfterMs?: number;
  readonly method?: string;
  readonly path?: string;
  readonly earlierAttemptLost: boolean;
  private readonly details: GraphErrorDetails;

  constructor(details: GraphErrorDetails) {
    super(describeFailure(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GraphError';
    this.status = details.status;
    this.code = details.code;
    this.serviceMessage = details.serviceMessage;
    this.kind = details.kind;
    this.target = details.target;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.retryAfterMs = details.retryAfterMs;
    this.method = details.method;
    this.path = details.path;
    this.earlierAttemptLost = details.earlierAttemptLost ?? false;
    this.details = details;
  }

  /** The same failure, noting that an earlier attempt lost its answer. */
  afterLostAttempt(): GraphError {
    return this.earlierAttemptLost ? this : new GraphError({ ...this.details, earlierAttemptLost: true });
  }

  get retryable(): boolean {
    return this.kind === 'retryable';
  }

  /** One line for the log: status, code and both request ids, which Microsoft support asks for. */
  toLogLine(): string {
    return `${this.method ?? ''} ${this.path ?? ''} → ${this.status} ${this.code} (request-id ${this.requestId ?? '-'}, client-request-id ${this.clientRequestId ?? '-'}): ${this.serviceMessage}`.trim();
  }
}

export function classifyStatus(status: number): ErrorKind {
  if (status === 0 || status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504)
    return 'retryable';
  if (status === 401) return 'needsSignIn';
  return 'permanent';
}

/** Reads the Graph error envelope; tolerates bodies that are not one (proxies, gateways, truncated JSON). */
export function parseErrorBody(text: string): { code?: string; message?: string; target?: string } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isErrorBody(parsed))
      return {
        code: parsed.error.code,
        message: parsed.error.message,
        ...(typeof parsed.error.target === 'string' ? { target: parsed.error.target } : {}),
      };
  } catch {
    // Not JSON: fall through to the status line.
  }
  return {};
}

function isErrorBody(value: unknown): value is GraphErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export interface HttpFailure {
  status: number;
  bodyText: string;
  requestId?: string;
  clientRequestId?: string;
  retryAfterMs?: number;
  method: string;
  path: string;
}

export function graphErrorFromResponse(failure: HttpFailure): GraphError {
  const parsed = parseErrorBody(failure.bodyText);
  return new GraphError({
    status: failure.status,
    code: parsed.code ?? `http${failure.status}`,
    serviceMessage: parsed.message ?? (failure.bodyText.trim().slice(0, 200) || 'no error body'),
    kind: classifyStatus(failure.status),
    target: parsed.target,
    requestId: failure.requestId,
    clientRequestId: failure.clientRequestId,
    retryAfterMs: failure.retryAfterMs,
    method: failure.method,
    path: failure.path,
  });
}

export function networkError(
  cause: unknown,
  timedOut: boolean,
  request: { method: string; path: string; clientRequestId: string; origin: string },
): GraphError {
  const reason = cause instanceof Error ? describeNetworkCause(cause) : String(cause);
  return new GraphError({
    status: 0,
    code: timedOut ? 'timeout' : 'networkError',
    serviceMessage: timedOut ? `no answer from ${request.origin} in time` : `${request.origin} could not be reached (${reason})`,
    kind: 'retryable',
    clientRequestId: request.clientRequestId,
    method: request.method,
    path: request.path,
    cause,
  });
}

function describeNetworkCause(error: Error): string {
  const inner: unknown = error.cause;
  if (inner instanceof Error) {
    const code = (inner as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${inner.message}` : inner.message;
  }
  return error.message;
}

/** Text a person can act on. Generic about what happens next: the publisher decides that. */
export function describeFailure(d: Pick<GraphErrorDetails, 'status' | 'code' | 'serviceMessage' | 'kind'>): string {
  const what = `(${d.status === 0 ? 'no response' : d.status} ${d.code}): ${d.serviceMessage.replace(/(?<![.\s])[.\s]+$/, '')}`;
  if (d.status === 0)
    return `Microsoft Graph could not be reached ${what}. Check the network connection and the proxy settings (http.proxy); the request can be sent again later.`;
  if (d.status === 401) return `Microsoft Graph did not accept the sign-in ${what}. Sign in again to continue publishing.`;
  if (d.status === 403)
    return `Microsoft Graph denied access ${what}. The app registration needs the delegated permission UserActivity.ReadWrite.CreatedByApp, consented for this account.`;
  if (d.status === 429)
    return `Microsoft Graph is throttling this account ${what}. The request can be sent again after the wait the service asked for.`;
  if (d.kind === 'retryable') return `Microsoft Graph is temporarily unavailable ${what}. The request can be sent again later.`;
  if (d.status === 404)
    return `Microsoft Graph does not know this item ${what}. It may have expired (activities are kept about 30 days) or been deleted.`;
  if (d.status >= 400 && d.status < 500)
    return `Microsoft Graph refused the request ${what}. This is a bug in the extension; sending the same request again will not help.`;
  return `Microsoft Graph failed ${what}.`;
}
