// An HTTP client for @azure/identity that sends its token requests through the global fetch. The extension host
// patches the global fetch to honour the editor's proxy settings (http.proxy, http.noProxy), which the Azure
// pipeline's own Node client bypasses. Declared structurally so the main bundle never imports the Azure packages.

import { formatByteCap, readBodyText } from '../net/readBody';

/**
 * The most of a sign-in answer that is read. Token, device-code and discovery answers are JSON of a few KB (the
 * largest, a token answer, carries an access, refresh and id token); 64 KB is ample, and anything larger is refused.
 */
export const SIGN_IN_BODY_CAP = 64 * 1024;

/** The parts of core-rest-pipeline's PipelineRequest the token flows use. */
export interface FetchableRequest {
  url: string;
  method: string;
  headers: Iterable<[string, string]>;
  body?: unknown;
  timeout?: number;
  abortSignal?: AbortSignalLike;
}

interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface FetchedResponse<R> {
  request: R;
  status: number;
  headers: ResponseHeaders;
  bodyAsText: string;
}

type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** The HttpHeaders shape core-rest-pipeline expects, over a plain case-insensitive map. */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly values = new Map<string, string>();

  constructor(entries: Iterable<[string, string]> = []) {
    for (const [name, value] of entries) this.set(name, value);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  set(name: string, value: string | number | boolean): void {
    this.values.set(name.toLowerCase(), String(value));
  }

  delete(name: string): void {
    this.values.delete(name.toLowerCase());
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.values.entries();
  }
}

export class FetchHttpClient {
  /** `fetchImpl` is looked up per call by default, so a proxy patch that lands after construction still applies. */
  constructor(
    private readonly fetchImpl: FetchFunction = (input, init) => fetch(input, init),
    /** Told why a token request got no answer at all (TLS, proxy, DNS): MSAL reports only a generic code. */
    private readonly onNetworkError?: (url: string, reason: string) => void,
  ) {}

  async sendRequest<R extends FetchableRequest>(request: R): Promise<FetchedResponse<R>> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(new Error('The token request was cancelled.'));
    if (request.abortSignal?.aborted) onAbort();
    request.abortSignal?.addEventListener('abort', onAbort, { once: true });
    const timer = request.timeout
      ? setTimeout(() => controller.abort(new Error(`The token request timed out after ${request.timeout} ms.`)), request.timeout)
      : undefined;
    try {
      const response = await this.send(request, controller.signal);
      const body = await readBodyText(response, SIGN_IN_BODY_CAP);
      if (body.truncated) throw new AnswerTooLargeError(new URL(request.url).origin);
      return {
        request,
        status: response.status,
        headers: new ResponseHeaders(response.headers.entries()),
        bodyAsText: body.text,
      };
    } finally {
      if (timer) clearTimeout(timer);
      request.abortSignal?.removeEventListener('abort', onAbort);
    }
  }

  private async send(request: FetchableRequest, signal: AbortSignal): Promise<Response> {
    try {
      return await this.fetchImpl(request.url, {
        method: request.method,
        headers: [...request.headers],
        body: bodyOf(request.body),
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      this.onNetworkError?.(new URL(request.url).origin, networkReason(error));
      throw error;
    }
  }
}

/** A sign-in answer over the cap: refused unread, since a cut one would only fail to parse, more obscurely. */
export class AnswerTooLargeError extends Error {
  constructor(origin: string) {
    super(
      `The sign-in service at ${origin} answered with more than ${formatByteCap(SIGN_IN_BODY_CAP)}; the answer was not read.`,
    );
    this.name = 'AnswerTooLargeError';
  }
}

/** The innermost useful words of a fetch failure, e.g. "SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain". */
export function networkReason(error: unknown): string {
  let current: unknown = error;
  let reason = '';
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    reason = `${typeof code === 'string' ? `${code}: ` : ''}${current.message}`;
    current = current.cause;
  }
  return reason || String(error);
}

function bodyOf(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  // The identity flows only ever send form-encoded strings; anything else would be a programming error.
  throw new TypeError(`unsupported token request body: ${Object.prototype.toString.call(body)}`);
}
