// The six documented activity-feed operations, strictly to the contract. Transport-free: the HTTP server and the
// $batch handler both call `handle`.

import { DATE_TIME_OFFSET, GUID, Json, JsonObject, validateActivity, validateHistoryItem } from './contract';
import { ActivityStore, StoredActivity, StoredHistoryItem } from './store';
import type { ServiceSwitches } from './profile';
import { RequestKind, Throttle } from './throttle';

export interface Caller {
  userId: string;
  clientId: string;
}

export interface ApiRequest {
  method: string;
  /** Raw (still percent-encoded) path under the service root, e.g. /me/activities/%2Fa. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body; undefined when none was sent. */
  body: Json | undefined;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface PagingOptions {
  pageSize: number;
  /** Empty pages (with a nextLink) served before every page that has data, as the CreatedByApp filter can produce. */
  emptyPagesBetween: number;
}

const ACTIVITIES = '/me/activities';
const RECENT_SEGMENTS = new Set(['recent', 'recent()', 'microsoft.graph.recent', 'microsoft.graph.recent()']);

interface SkipToken {
  /** Offset into the user's activities (all apps), before the CreatedByApp filter. */
  o: number;
  /** Empty pages already served in front of the next data page. */
  e: number;
  /** Items still allowed by $top, or -1. */
  r: number;
}

export class GraphApi {
  constructor(
    private readonly store: ActivityStore,
    private readonly throttle: Throttle,
    public paging: PagingOptions,
    /** e.g. http://127.0.0.1:1234/v1.0, for @odata.context and nextLinks. */
    private readonly serviceRoot: string,
    /** Read on every request: the admin API may change them while the emulator runs. */
    private readonly service: Pick<ServiceSwitches, 'encodedSlash' | 'errors'> = { encodedSlash: 'accepted', errors: 'generic' },
  ) {}

  handle(request: ApiRequest, caller: Caller): ApiResponse {
    const response = this.answer(request, caller);
    return this.service.errors === 'real' ? inRealShape(response) : response;
  }

  private answer(request: ApiRequest, caller: Caller): ApiResponse {
    const kind: RequestKind = request.method === 'GET' ? 'read' : 'write';
    const waitSeconds = this.throttle.admit(caller.userId, kind);
    if (waitSeconds !== undefined) return throttled(waitSeconds);
    if (this.service.encodedSlash === 'rejected') {
      const segment = request.path.split('/').find((s) => /%2f/i.test(s));
      // The live front door is reported to decode %2F before routing, so the id splits into segments it cannot find.
      if (segment !== undefined)
        return errorResponse(
          400,
          PARSE_URI_CODE,
          `Resource not found for the segment '${safeDecode(segment)?.split('/')[0] ?? segment}'.`,
          'url',
        );
    }

    const path = request.path;
    if (!path.startsWith(ACTIVITIES)) return unsupported(request);
    const rest = path.slice(ACTIVITIES.length);
    if (request.method === 'GET') {
      if (rest === '' || rest === '/') return this.list(request, caller, false);
      if (RECENT_SEGMENTS.has(rest.slice(1))) return this.list(request, caller, true);
      return unsupported(request);
    }
    const history = /^\/([^/]+)\/historyItems\/([^/]+)$/.exec(rest);
    if (request.method === 'PUT') {
      if (history) return this.putHistoryItem(request, caller, history[1], history[2]);
      if (rest.startsWith('/') && rest.length > 1) return this.putActivity(request, caller, rest.slice(1));
      return unsupported(request);
    }
    if (request.method === 'DELETE') {
      if (history) return this.deleteHistoryItem(caller, history[1], history[2]);
      const single = /^\/([^/]+)$/.exec(rest);
      if (single) return this.deleteActivity(caller, single[1]);
    }
    return unsupported(request);
  }

  private putActivity(request: ApiRequest, caller: Caller, segment: string): ApiResponse {
    if (segment.includes('/'))
      return badRequest(
        "The appActivityId in the URL contains an unencoded '/'. Percent-encode every character outside the RFC 2396 unreserved set.",
      );
    const raw = /[^A-Za-z0-9\-_.!~*'()%]/.exec(segment) ?? /%(?![0-9A-Fa-f]{2})/.exec(segment);
    if (raw) return badRequest(`The appActivityId in the URL contains '${raw[0]}', which must be percent-encoded (RFC 2396).`);
    let appActivityId: string;
    try {
      appActivityId = decodeURIComponent(segment);
    } catch {
      return badRequest('The appActivityId in the URL is not valid percent-encoded UTF-8.');
    }
    if (request.body === undefined) return badRequest('A userActivity body is required.');
    const violation = validateActivity(request.body);
    if (violation) return badRequest(violation.message, violation.target);
    const body = request.body as JsonObject;
    if (body.appActivityId !== appActivityId) {
      return badRequest(
        `The appActivityId in the URL ('${appActivityId}') does not match the one in the body (${JSON.stringify(body.appActivityId)}).`,
        'appActivityId',
      );
    }
    const { created, activity, inserted } = this.store.upsertActivity(caller.userId, caller.clientId, body);
    const wire = {
      '@odata.context': `${this.serviceRoot}/$metadata#users('${caller.userId}')/activities/$entity`,
      ...activityWire(activity, 'historyItems' in body ? inserted : undefined),
    };
    const headers: Record<string, string> = created ? { Location: `${this.serviceRoot}/me/activities/${activity.id}` } : {};
    return { status: created ? 201 : 200, headers, body: wire };
  }

  private putHistoryItem(request: ApiRequest, caller: Caller, activitySegment: string, itemSegment: string): ApiResponse {
    const itemId = safeDecode(itemSegment);
    if (itemId === undefined || !GUID.test(itemId)) return badRequest('The history item id in the URL must be a GUID.', 'id');
    if (request.body === undefined) return badRequest('An activityHistoryItem body is required.');
    const violation = validateHistoryItem(request.body);
    if (violation) return badRequest(violation.message, violation.target);
    const body = request.body as JsonObject;
    if (typeof body.id === 'string' && body.id.toLowerCase() !== itemId.toLowerCase())
      return badRequest('The id in the body does not match the history item id in the URL.', 'id');
    const activity = this.findActivity(caller, activitySegment);
    if (!activity) return notFound(activitySegment);
    const { created, item } = this.store.upsertHistoryItem(activity, itemId, body);
    return {
      status: created ? 201 : 200,
      headers: {},
      body: {
        '@odata.context': `${this.serviceRoot}/$metadata#users('${caller.userId}')/activities('${activity.id}')/historyItems/$entity`,
        ...historyWire(item),
      },
    };
  }

  private deleteActivity(caller: Caller, activitySegment: string): ApiResponse {
    const activity = this.findActivity(caller, activitySegment);
    if (!activity) return notFound(activitySegment);
    this.store.deleteActivity(activity);
    return { status: 204, headers: {} };
  }

  private deleteHistoryItem(caller: Caller, activitySegment: string, itemSegment: string): ApiResponse {
    const itemId = safeDecode(itemSegment);
    if (itemId === undefined || !GUID.test(itemId)) return badRequest('The history item id in the URL must be a GUID.', 'id');
    const activity = this.findActivity(caller, activitySegment);
    if (!activity || !this.store.deleteHistoryItem(activity, itemId)) return notFound(itemId);
    return { status: 204, headers: {} };
  }

  private findActivity(caller: Caller, segment: string): StoredActivity | undefined {
    const id = safeDecode(segment);
    return id === undefined ? undefined : this.store.findById(caller.userId, caller.clientId, id);
  }

  private list(request: ApiRequest, caller: Caller, recent: boolean): ApiResponse {
    const query = request.query;
    for (const key of query.keys()) {
      if (['$select', '$count', '$skip', '$orderby', '$search'].includes(key))
        return badRequest(`Query option '${key}' is not supported on activities.`, key);
      if (key.startsWith('$') && !['$expand', '$filter', '$top', '$skiptoken'].includes(key))
        return badRequest(`Unknown query option '${key}'.`, key);
    }
    const expand = query.get('$expand');
    const expandParts = expand === null ? null : /^historyItems(?:\(\$filter=(.+)\))?$/.exec(expand);
    if (expand !== null && !expandParts)
      return badRequest(
        `'$expand=${expand}' is not supported; use $expand=historyItems, optionally with ($filter=…).`,
        '$expand',
      );
    const itemFilter = expandParts?.[1] === undefined ? () => true : parseFilter(expandParts[1]);
    const activityFilterText = query.get('$filter');
    const activityFilter = activityFilterText === null ? () => true : parseFilter(activityFilterText);
    if (!itemFilter || !activityFilter)
      return badRequest(
        "Only filters of the form 'lastModifiedDateTime gt|ge|lt|le|eq <DateTimeOffset>' joined by 'and' are supported.",
        '$filter',
      );
    const topText = query.get('$top');
    if (topText !== null && !/^[1-9][0-9]{0,3}$/.test(topText)) return badRequest("'$top' must be a positive integer.", '$top');

    let token: SkipToken = { o: 0, e: 0, r: topText === null ? -1 : Number(topText) };
    const skip = query.get('$skiptoken');
    if (skip !== null) {
      const decoded = decodeSkipToken(skip);
      if (!decoded) return badRequest('The $skiptoken is not valid.', '$skiptoken');
      token = decoded;
    }

    const all = (recent ? this.recentOrder(caller.userId) : this.store.activitiesOfUser(caller.userId)).filter((a) =>
      activityFilter(a.lastModifiedDateTime),
    );
    const pathText = recent ? `${ACTIVITIES}/recent` : ACTIVITIES;
    const carried = ['$expand', '$filter'].flatMap((k) => (query.has(k) ? [`${k}=${encodeURIComponent(query.get(k)!)}`] : []));
    const next = (t: SkipToken) => `${this.serviceRoot}${pathText}?${[...carried, `$skiptoken=${encodeSkipToken(t)}`].join('&')}`;
    const context = `${this.serviceRoot}/$metadata#Collection(microsoft.graph.userActivity)`;

    if (token.o < all.length && token.r !== 0 && token.e < this.paging.emptyPagesBetween) {
      return ok({ '@odata.context': context, '@odata.nextLink': next({ ...token, e: token.e + 1 }), value: [] });
    }
    const window = all.slice(token.o, token.o + this.paging.pageSize);
    let mine = window.filter((a) => a.clientId === caller.clientId);
    if (token.r >= 0) mine = mine.slice(0, token.r);
    const remaining = token.r < 0 ? -1 : token.r - mine.length;
    const nextOffset = token.o + this.paging.pageSize;
    const value = mine.map((a) => ({
      '@odata.type': '#microsoft.graph.userActivity',
      ...activityWire(a, expand ? this.store.liveHistoryItems(a).filter((h) => itemFilter(h.lastModifiedDateTime)) : undefined),
    }));
    const page: Record<string, unknown> = { '@odata.context': context, value };
    if (nextOffset < all.length && remaining !== 0) page['@odata.nextLink'] = next({ o: nextOffset, e: 0, r: remaining });
    return ok(page);
  }

  /** Activities with live history items, the one with the newest item first. */
  private recentOrder(userId: string): StoredActivity[] {
    const newest = (a: StoredActivity) =>
      Math.max(...this.store.liveHistoryItems(a).map((h) => Date.parse(h.lastModifiedDateTime)));
    return this.store
      .activitiesOfUser(userId)
      .filter((a) => this.store.liveHistoryItems(a).length > 0)
      .sort((x, y) => newest(y) - newest(x) || y.sequence - x.sequence);
  }
}

export function activityWire(activity: StoredActivity, historyItems?: StoredHistoryItem[]): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: activity.id,
    ...activity.fields,
    createdDateTime: activity.createdDateTime,
    lastModifiedDateTime: activity.lastModifiedDateTime,
    expirationDateTime: activity.expirationDateTime,
    status: activity.status,
  };
  if (historyItems) wire.historyItems = historyItems.map(historyWire);
  return wire;
}

function historyWire(item: StoredHistoryItem): Record<string, unknown> {
  return { ...item };
}

export function graphErrorBody(
  code: string,
  message: string,
  extra: Record<string, string> = {},
): { error: Record<string, unknown> } {
  // request-id and client-request-id are filled in by the HTTP layer, which knows them.
  return { error: { code, message, ...extra, innerError: { date: new Date().toISOString().slice(0, 19) } } };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  target?: string,
  headers: Record<string, string> = {},
): ApiResponse {
  return { status, headers, body: graphErrorBody(code, message, target ? { target } : {}) };
}

const PARSE_URI_CODE = 'RequestBroker--ParseUri';

/** The shapes seen from the live service: no `target`, `BadRequest` for a refused request, `ResourceNotFound` for 404. */
function inRealShape(response: ApiResponse): ApiResponse {
  const body = response.body as { error?: { code?: string; target?: string } } | undefined;
  if (response.status < 400 || !body?.error) return response;
  const { target: _target, ...error } = body.error;
  if (response.status === 400 && error.code !== PARSE_URI_CODE) error.code = 'BadRequest';
  if (response.status === 404) error.code = 'ResourceNotFound';
  return { ...response, body: { ...body, error } };
}

function badRequest(message: string, target?: string): ApiResponse {
  return errorResponse(400, 'invalidRequest', message, target);
}

function notFound(what: string): ApiResponse {
  return errorResponse(
    404,
    'itemNotFound',
    `The resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function unsupported(request: ApiRequest): ApiResponse {
  return errorResponse(
    400,
    'BadRequest',
    `Unsupported request: ${request.method} ${request.path}. Only the six documented activity-feed operations exist here.`,
  );
}

function ok(body: unknown): ApiResponse {
  return { status: 200, headers: {}, body };
}

export function throttled(waitSeconds: number): ApiResponse {
  const retryAfter = String(Number(waitSeconds.toFixed(3)));
  return {
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: {
      error: {
        code: 'TooManyRequests',
        innerError: { code: '429', date: new Date().toISOString().slice(0, 19), message: 'Please retry after', status: '429' },
        message: 'Please retry again later.',
      },
    },
  };
}

/** The documented filter shape: lastModifiedDateTime comparisons joined by 'and'. Undefined when it is anything else. */
function parseFilter(text: string): ((lastModified: string) => boolean) | undefined {
  const tests: ((t: number) => boolean)[] = [];
  for (const clause of text.trim().split(/\s+and\s+/i)) {
    const match = /^lastModifiedDateTime\s+(gt|ge|lt|le|eq)\s+(\S+)$/.exec(clause.trim());
    if (!match || !DATE_TIME_OFFSET.test(match[2])) return undefined;
    const bound = Date.parse(match[2]);
    const compare = {
      gt: (t: number) => t > bound,
      ge: (t: number) => t >= bound,
      lt: (t: number) => t < bound,
      le: (t: number) => t <= bound,
      eq: (t: number) => t === bound,
    }[match[1] as 'gt'];
    tests.push(compare);
  }
  return (lastModified) => tests.every((test) => test(Date.parse(lastModified)));
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function encodeSkipToken(token: SkipToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeSkipToken(text: string): SkipToken | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<SkipToken>;
    if (typeof value.o === 'number' && typeof value.e === 'number' && typeof value.r === 'number')
      return { o: value.o, e: value.e, r: value.r };
  } catch {
    // Falls through to "not valid".
  }
  return undefined;
}
