// One Graph request with everything around it: budget, token, timeout, ids, retries and typed errors.

import { BodyText, formatByteCap, readBodyText } from '../net/readBody';
import type { Logger, WaitingClock } from '../platform/ports';
import { clipText } from '../text/clip';
import { TokenCredential } from './credential';
import { GraphError, graphErrorFromResponse, HttpFailure, networkError } from './errors';
import { RequestBudget } from './budget';
import { decideRetry, parseRetryAfter, RetryOptions } from './retryPolicy';

export interface TransportOptions {
  baseUrl: string;
  scope: string;
  credential: TokenCredential;
  userAgent: string;
  timeoutMs: number;
  retry: RetryOptions;
  writeBudget: RequestBudget;
  readBudget: RequestBudget;
  logger: Logger;
  clock: WaitingClock;
  random: () => number;
  fetch: typeof fetch;
}

export interface GraphRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  /** Path under the base URL (starting with /), or an absolute URL on the same origin (an @odata.nextLink). */
  target: string;
  body?: unknown;
  signal?: AbortSignal;
}

export interface GraphResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
  clientRequestId: string;
  /**
   * An earlier attempt of this request lost its answer (no answer, a gateway timeout, a cut-off body): it may have
   * been carried out, and may still land after this one.
   */
  earlierAttemptLost: boolean;
}

/** No answer, or one cut short: the request may have been carried out anyway. */
export function answerWasLost(error: unknown): boolean {
  if (!(error instanceof GraphError)) return true;
  if (error.earlierAttemptLost) return true;
  if (error.code === HELD_CODE) return false;
  return error.status === 0 || error.status === 504 || error.code === 'malformedResponse';
}

/** The code of a request refused before sending because the budget is held by a long Retry-After. */
export const HELD_CODE = 'waitingForRetryAfter';

/**
 * The most of an answer's body that is read. A 2xx must hold a real answer, the largest being a page of
 * `GET /me/activities?$expand=historyItems`: tens of activities, each written by us under 64 KB (LIMITS.payloadBytes)
 * with its history items, so 4 MB is several times any real page. An error body is a JSON envelope of a few hundred
 * bytes; 64 KB still holds a whole proxy or gateway error page, and the rest is never downloaded.
 */
export const SUCCESS_BODY_CAP = 4 * 1024 * 1024;
export const ERROR_BODY_CAP = 64 * 1024;
/** The most of the service's own words (an error's message, code and target, a request id) kept for messages and logs. */
const SERVICE_TEXT_CAP = 1000;
const SERVICE_ID_CAP = 128;

export class GraphTransport {
  private readonly baseUrl: string;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/(?<!\/)\/+$/, '');
  }

  /** Sends the request, retrying what the policy allows; throws GraphError for anything but a 2xx. */
  async send(request: GraphRequest): Promise<GraphResponse> {
    let forceRefresh = false;
    let refreshedAfter401 = false;
    let earlierAttemptLost = false;
    for (let attempt = 1; ; attempt++) {
      try {
        this.refuseWhileHeldLong(request);
        return { ...(await this.sendOnce(request, forceRefresh)), earlierAttemptLost };
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        if (error.code === HELD_CODE) throw earlierAttemptLost ? error.afterLostAttempt() : error;
        earlierAttemptLost ||= answerWasLost(error);
        this.options.logger.warn(`Graph request failed (attempt ${attempt}): ${error.toLogLine()}`);
        if (error.retryAfterMs !== undefined) this.budgetOf(request).holdUntil(this.options.clock.now() + error.retryAfterMs);
        if (error.status === 401 && !refreshedAfter401) {
          refreshedAfter401 = true;
          forceRefresh = true;
          continue;
        }
        forceRefresh = false;
        const decision = decideRetry(
          { attempt, retryable: error.retryable, retryAfterMs: error.retryAfterMs },
          this.options.retry,
          this.options.random,
        );
        if (!decision.retry) throw earlierAttemptLost ? error.afterLostAttempt() : error;
        this.options.logger.debug(`Retrying ${request.method} ${this.pathOf(request.target)} in ${decision.delayMs} ms.`);
        await this.options.clock.sleep(decision.delayMs, request.signal);
      }
    }
  }

  /**
   * A budget held by a long Retry-After fails the request at once, sending nothing, instead of waiting in it. (A
   * budget merely spent is waited for, as before: its slots free up on their own.)
   */
  private refuseWhileHeldLong(request: GraphRequest): void {
    const waitMs = this.budgetOf(request).holdsUntil() - this.options.clock.now();
    if (waitMs <= this.options.retry.maxRetryAfterMs) return;
    throw new GraphError({
      status: 429,
      code: HELD_CODE,
      serviceMessage: `Microsoft Graph asked to wait until ${new Date(this.options.clock.now() + waitMs).toISOString()}`,
      kind: 'retryable',
      retryAfterMs: waitMs,
      method: request.method,
      path: this.pathOf(request.target),
    });
  }

  private budgetOf(request: GraphRequest): RequestBudget {
    return request.method === 'GET' ? this.options.readBudget : this.options.writeBudget;
  }

  private async sendOnce(request: GraphRequest, forceRefresh: boolean): Promise<Omit<GraphResponse, 'earlierAttemptLost'>> {
    const url = this.resolve(request.target);
    const path = url.pathname + url.search;
    await this.budgetOf(request).acquire(request.signal);

    const token = await this.token(forceRefresh, request.signal);
    const clientRequestId = crypto.randomUUID();
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
      'client-request-id': clientRequestId,
      'return-client-request-id': 'true',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const context = { method: request.method, path, clientRequestId, origin: url.origin };
    let response: Response;
    let answer: BodyText;
    try {
      response = await this.options.fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      answer = await readBodyText(response, response.ok ? SUCCESS_BODY_CAP : ERROR_BODY_CAP);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw networkError(error, timeout.aborted, context);
    }

    const requestIdHeader = response.headers.get('request-id');
    const requestId = requestIdHeader === null ? undefined : clipText(requestIdHeader, SERVICE_ID_CAP);
    if (!response.ok) {
      throw boundedGraphError(
        {
          status: response.status,
          bodyText: answer.text,
          requestId,
          clientRequestId,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now()),
          method: request.method,
          path,
        },
        answer.truncated,
      );
    }
    if (answer.truncated) throw tooLarge(response.status, { ...context, requestId });
    this.options.logger.debug(
      `${request.method} ${path} → ${response.status} (request-id ${requestId ?? '-'}, client-request-id ${clientRequestId})`,
    );
    return {
      status: response.status,
      headers: response.headers,
      body: parseJsonBody(answer.text, response.status, { ...context, requestId }),
      clientRequestId,
    };
  }

  private async token(forceRefresh: boolean, signal?: AbortSignal): Promise<string> {
    const options = forceRefresh ? { forceRefresh: true, abortSignal: signal } : { abortSignal: signal };
    let token;
    try {
      token = await this.options.credential.getToken(this.options.scope, options);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw tokenFailure(error);
    }
    if (!token?.token) {
      throw new GraphError({ status: 401, code: 'noToken', serviceMessage: 'no access token is available', kind: 'needsSignIn' });
    }
    return token.token;
  }

  /** Absolute URLs (nextLinks) must stay on the configured origin, so the token never goes anywhere else. */
  private resolve(target: string): URL {
    if (!/^https?:\/\//i.test(target)) return new URL(this.baseUrl + target);
    const url = new URL(target);
    if (url.origin !== new URL(this.baseUrl).origin) {
      throw new GraphError({
        status: 0,
        code: 'foreignLink',
        serviceMessage: `refusing to follow a link to ${url.origin}`,
        kind: 'permanent',
      });
    }
    return url;
  }

  private pathOf(target: string): string {
    return /^https?:\/\//i.test(target) ? new URL(target).pathname : target;
  }
}

function parseJsonBody(
  text: string,
  status: number,
  context: { method: string; path: string; clientRequestId: string; requestId?: string },
): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // A cut-off body usually means the connection broke mid-answer; the write may or may not have landed, and PUT is
    // idempotent, so sending it again is safe.
    throw new GraphError({
      status,
      code: 'malformedResponse',
      serviceMessage: 'the answer was not complete JSON',
      kind: 'retryable',
      cause,
      ...context,
    });
  }
}

/** A success answer over the cap is refused whole: a cut one would only fail JSON parsing, more obscurely. */
function tooLarge(status: number, context: { method: string; path: string; clientRequestId: string; requestId?: string }) {
  return new GraphError({
    status,
    code: 'responseTooLarge',
    serviceMessage: `Microsoft Graph answered with more than ${formatByteCap(SUCCESS_BODY_CAP)}`,
    kind: 'permanent',
    ...context,
  });
}

/** The error Graph's answer describes, with the service's words capped: they go into messages and the log. */
function boundedGraphError(failure: HttpFailure, bodyWasCut: boolean): GraphError {
  const error = graphErrorFromResponse(failure);
  const serviceMessage = clipText(error.serviceMessage, SERVICE_TEXT_CAP);
  const code = clipText(error.code, SERVICE_ID_CAP);
  const target = error.target === undefined ? undefined : clipText(error.target, SERVICE_ID_CAP);
  if (!bodyWasCut && serviceMessage === error.serviceMessage && code === error.code && target === error.target) return error;
  return new GraphError({
    status: error.status,
    code,
    serviceMessage: bodyWasCut
      ? `${serviceMessage} (the answer was over ${formatByteCap(ERROR_BODY_CAP)}; the rest was not read)`
      : serviceMessage,
    kind: error.kind,
    target,
    requestId: error.requestId,
    clientRequestId: error.clientRequestId,
    retryAfterMs: error.retryAfterMs,
    method: error.method,
    path: error.path,
  });
}

/** Credentials that cannot produce a token silently need the person; anything else (offline, a flaky endpoint) may pass. */
const SIGN_IN_ERRORS = new Set([
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'AuthenticationError',
  'SignInRequiredError',
]);

function tokenFailure(error: unknown): GraphError {
  const name = error instanceof Error ? error.name : '';
  const needsSignIn = SIGN_IN_ERRORS.has(name);
  return new GraphError({
    status: needsSignIn ? 401 : 0,
    code: needsSignIn ? 'signInRequired' : 'tokenRequestFailed',
    serviceMessage: `no access token: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    kind: needsSignIn ? 'needsSignIn' : 'retryable',
    cause: error,
  });
}
