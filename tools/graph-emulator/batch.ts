// POST /$batch: validated strictly, then each request run through the same handler as a top-level one.

import { Json, JsonObject, isObject } from './contract';
import { FaultInjector } from './faults';
import { ApiResponse, Caller, errorResponse, GraphApi } from './graphApi';

export const MAX_BATCH_REQUESTS = 20;
const REQUEST_KEYS = new Set(['id', 'method', 'url', 'headers', 'body', 'dependsOn', 'atomicityGroup']);
const METHODS = new Set(['GET', 'PUT', 'DELETE', 'POST', 'PATCH']);

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Json | undefined;
  dependsOn: string[];
}

export function handleBatch(body: Json | undefined, caller: Caller, api: GraphApi, faults: FaultInjector): ApiResponse {
  const parsed = parseBatch(body);
  if (typeof parsed === 'string') return errorResponse(400, 'BadRequest', `Invalid batch payload: ${parsed}`);

  const statusById = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const request of parsed) {
    const response = runOne(request, statusById, caller, api, faults);
    statusById.set(request.id.toLowerCase(), response.status);
    const entry: Record<string, unknown> = {
      id: request.id,
      status: response.status,
      headers: { ...response.headers, 'Content-Type': 'application/json' },
    };
    if (response.body !== undefined) entry.body = response.body;
    responses.push(entry);
  }
  return { status: 200, headers: {}, body: { responses } };
}

function runOne(
  request: InnerRequest,
  statusById: Map<string, number>,
  caller: Caller,
  api: GraphApi,
  faults: FaultInjector,
): ApiResponse {
  const failed = request.dependsOn.find((id) => {
    const status = statusById.get(id.toLowerCase()) ?? 0;
    return status < 200 || status >= 300;
  });
  if (failed !== undefined)
    return errorResponse(424, 'failedDependency', `Request '${failed}' that this request depends on failed.`);
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const fault = faults.next(request.method, path, true);
  if (fault?.kind === 'status') {
    return errorResponse(
      fault.status,
      fault.code ?? defaultCode(fault.status),
      'Injected fault.',
      undefined,
      fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
    );
  }
  return api.handle(
    {
      method: request.method,
      path,
      query: new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1)),
      headers: request.headers,
      body: request.body,
    },
    caller,
  );
}

/** The list of requests, or what is wrong with the payload. */
function parseBatch(body: Json | undefined): InnerRequest[] | string {
  if (!isObject(body)) return 'the body must be a JSON object.';
  const extra = Object.keys(body).find((k) => k !== 'requests');
  if (extra) return `unknown property '${extra}'.`;
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) return "'requests' must be a non-empty array.";
  if (requests.length > MAX_BATCH_REQUESTS)
    return `a batch holds at most ${MAX_BATCH_REQUESTS} requests, this one has ${requests.length}.`;
  const seen = new Set<string>();
  const out: InnerRequest[] = [];
  for (const [index, raw] of requests.entries()) {
    if (!isObject(raw)) return `request ${index} must be an object.`;
    const problem = checkRequest(raw, seen);
    if (problem) return `request ${index}: ${problem}`;
    seen.add((raw.id as string).toLowerCase());
    const headers = Object.fromEntries(
      Object.entries((raw.headers as JsonObject | undefined) ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    out.push({
      id: raw.id as string,
      method: (raw.method as string).toUpperCase(),
      url: raw.url as string,
      headers,
      body: raw.body,
      dependsOn: (raw.dependsOn as string[] | undefined) ?? [],
    });
  }
  return out;
}

function checkRequest(raw: JsonObject, earlierIds: Set<string>): string | undefined {
  const unknown = Object.keys(raw).find((k) => !REQUEST_KEYS.has(k));
  if (unknown) return `unknown property '${unknown}'.`;
  if (typeof raw.id !== 'string' || raw.id === '') return "'id' is required and must be a non-empty string.";
  if (earlierIds.has(raw.id.toLowerCase())) return `duplicate id '${raw.id}' (ids are unique, case-insensitive).`;
  if (typeof raw.method !== 'string' || !METHODS.has(raw.method.toUpperCase()))
    return "'method' is required (GET, PUT, DELETE, POST or PATCH).";
  if (typeof raw.url !== 'string' || raw.url === '') return "'url' is required.";
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw.url) || raw.url.startsWith('//'))
    return "'url' must be relative to the service root, e.g. /me/activities/….";
  if (raw.headers !== undefined && (!isObject(raw.headers) || Object.values(raw.headers).some((v) => typeof v !== 'string')))
    return "'headers' must be an object of strings.";
  if (raw.body !== undefined) {
    const headers = (raw.headers as JsonObject | undefined) ?? {};
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (typeof contentType !== 'string') return "a request with a body needs 'headers' with a Content-Type.";
    if (!/^application\/json\b/i.test(contentType))
      return `Content-Type '${contentType}' is not supported here; use application/json.`;
  }
  if (raw.dependsOn !== undefined) {
    if (!Array.isArray(raw.dependsOn) || raw.dependsOn.some((d) => typeof d !== 'string'))
      return "'dependsOn' must be an array of ids.";
    const missing = raw.dependsOn.find((d) => !earlierIds.has((d as string).toLowerCase()));
    if (missing !== undefined)
      return `'dependsOn' names '${JSON.stringify(missing)}', which is not an earlier request of this batch.`;
  }
  return undefined;
}

export function defaultCode(status: number): string {
  switch (status) {
    case 429:
      return 'TooManyRequests';
    case 503:
      return 'serviceNotAvailable';
    case 504:
      return 'gatewayTimeout';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'accessDenied';
    case 404:
      return 'itemNotFound';
    case 400:
      return 'invalidRequest';
    default:
      return 'generalException';
  }
}
