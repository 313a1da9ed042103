// The Graph activity feed operations the extension uses. Pure Node: global fetch, no editor API.

import { DEFAULT_READ_WINDOWS, DEFAULT_WRITE_WINDOWS, RequestBudget } from './budget';
import type { Logger, WaitingClock } from '../platform/ports';
import { systemClock } from './clock';
import { TokenCredential, userActivityScope } from './credential';
import { ACTIVITIES_PATH, activityPath, historyItemPath } from './paths';
import { GraphError } from './errors';
import { silentLogger } from './logger';
import { DEFAULT_RETRY_OPTIONS, RetryOptions } from './retryPolicy';
import { GraphTransport } from './transport';
import { HistoryItemRequest, HistoryItemResponse, UserActivityPage, UserActivityRequest, UserActivityResponse } from './types';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  credential: TokenCredential;
  /** Sent as User-Agent, e.g. "graph-activity-feed/0.1.0". */
  userAgent: string;
  /** Service root; default https://graph.microsoft.com/v1.0. The token scope is derived from its origin. */
  baseUrl?: string;
  logger?: Logger;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Shared with anything else that writes for this user, so one budget covers the whole extension. */
  writeBudget?: RequestBudget;
  readBudget?: RequestBudget;
  /** Upper bound on pages followed by a list call; default 50. */
  maxPages?: number;
  clock?: WaitingClock;
  random?: () => number;
  /** For tests only; the default global fetch is the one the editor routes through its proxy settings. */
  fetch?: typeof fetch;
}

export interface UpsertActivityResult {
  /** The server id: use it to delete the activity and to address its history items. */
  id: string;
  created: boolean;
  /** Ids the deep-inserted history items were stored under (as the answer says), in the order they were sent. */
  historyItemIds: string[];
  /** The history items as the answer carries them, with the ids the service stored them under. */
  returnedItems: HistoryItemResponse[];
  /** An earlier attempt lost its answer and may still land after this one (see GraphResponse.earlierAttemptLost). */
  doubtful: boolean;
  activity: UserActivityResponse;
}

export interface ListOptions {
  /** Cap on the number of activities across all pages. */
  top?: number;
  /** Default true. */
  expandHistoryItems?: boolean;
  signal?: AbortSignal;
}

export type HistoryItemWithId = HistoryItemRequest & { id: string };

export class GraphClient {
  readonly baseUrl: string;
  readonly scope: string;
  /** For a status bar: remaining() and nextSlotAt(). */
  readonly writeBudget: RequestBudget;
  readonly readBudget: RequestBudget;
  private readonly transport: GraphTransport;
  private readonly maxPages: number;
  private readonly logger: Logger;
  private readonly clock: WaitingClock;
  private readonly retry: RetryOptions;

  constructor(options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/(?<!\/)\/+$/, '');
    this.scope = userActivityScope(this.baseUrl);
    this.maxPages = options.maxPages ?? 50;
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? systemClock;
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.writeBudget = options.writeBudget ?? new RequestBudget(DEFAULT_WRITE_WINDOWS, this.clock);
    this.readBudget = options.readBudget ?? new RequestBudget(DEFAULT_READ_WINDOWS, this.clock);
    this.transport = new GraphTransport({
      baseUrl: this.baseUrl,
      scope: this.scope,
      credential: options.credential,
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: this.retry,
      writeBudget: this.writeBudget,
      readBudget: this.readBudget,
      logger: this.logger,
      clock: this.clock,
      random: options.random ?? Math.random,
      // Looked up per call, so the editor's proxy-aware patch of the global fetch applies even if it lands later.
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    });
  }

  /** PUT /me/activities/{appActivityId}: creates or replaces, deep-inserting `activity.historyItems`. */
  async upsertActivity(activity: UserActivityRequest, signal?: AbortSignal): Promise<UpsertActivityResult> {
    const response = await this.transport.send({
      method: 'PUT',
      target: activityPath(activity.appActivityId),
      body: activity,
      signal,
    });
    return { ...toUpsertResult(response.status, response.body, activity), doubtful: response.earlierAttemptLost };
  }

  /** PUT /me/activities/{id}/historyItems/{item.id}: the documented client-GUID path. A 404 (the activity is gone) is thrown. */
  async putHistoryItem(
    activityId: string,
    item: HistoryItemWithId,
    signal?: AbortSignal,
  ): Promise<HistoryItemResponse & { created: boolean; doubtful: boolean }> {
    const response = await this.transport.send({
      method: 'PUT',
      target: historyItemPath(activityId, item.id),
      body: withoutId(item),
      signal,
    });
    const stored = response.body as HistoryItemResponse | undefined;
    if (!stored || typeof stored.id !== 'string') {
      throw new GraphError({
        status: response.status,
        code: 'malformedResponse',
        serviceMessage: 'the answer carried no history item id',
        kind: 'retryable',
      });
    }
    return { ...stored, created: response.status === 201, doubtful: response.earlierAttemptLost };
  }

  /** DELETE /me/activities/{id}. Resolves false when Graph did not know it (already gone counts as done). */
  async deleteActivity(activityId: string, signal?: AbortSignal): Promise<boolean> {
    return this.deleteTolerating404(activityPath(activityId), signal);
  }

  /** DELETE /me/activities/{id}/historyItems/{historyItemId}. Resolves false when it was already gone. */
  async deleteHistoryItem(activityId: string, historyItemId: string, signal?: AbortSignal): Promise<boolean> {
    return this.deleteTolerating404(historyItemPath(activityId, historyItemId), signal);
  }

  /** GET /me/activities, following @odata.nextLink through empty pages. */
  listActivities(options: ListOptions = {}): Promise<UserActivityResponse[]> {
    return this.list(ACTIVITIES_PATH, options);
  }

  private async deleteTolerating404(target: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.transport.send({ method: 'DELETE', target, signal });
      return true;
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return false;
      throw error;
    }
  }

  private async list(path: string, options: ListOptions): Promise<UserActivityResponse[]> {
    const query = new URLSearchParams();
    if (options.expandHistoryItems ?? true) query.set('$expand', 'historyItems');
    if (options.top !== undefined) query.set('$top', String(options.top));
    const queryText = query.toString().replace(/%24/g, '$');
    let target: string | undefined = queryText ? `${path}?${queryText}` : path;
    const items: UserActivityResponse[] = [];
    for (let page = 0; target !== undefined; page++) {
      if (page >= this.maxPages) {
        this.logger.warn(`Stopped listing ${path} after ${this.maxPages} pages; the rest is left unread.`);
        break;
      }
      const response = await this.transport.send({ method: 'GET', target, signal: options.signal });
      const body = response.body as UserActivityPage | undefined;
      items.push(...(body?.value ?? []));
      if (options.top !== undefined && items.length >= options.top) return items.slice(0, options.top);
      target = body?.['@odata.nextLink'];
    }
    return items;
  }
}

function withoutId(item: HistoryItemWithId): HistoryItemRequest {
  const { id: _id, ...rest } = item;
  return rest;
}

function toUpsertResult(status: number, body: unknown, sent: UserActivityRequest): UpsertActivityResult {
  const activity = body as UserActivityResponse | undefined;
  if (!activity || typeof activity.id !== 'string') {
    throw new GraphError({
      status,
      code: 'malformedResponse',
      serviceMessage: 'the answer carried no activity id',
      kind: 'retryable',
    });
  }
  const returned = activity.historyItems ?? [];
  const historyItemIds = (sent.historyItems ?? [])
    .map((item, i) => returned[i]?.id ?? item.id)
    .filter((id): id is string => typeof id === 'string');
  return { id: activity.id, created: status === 201, historyItemIds, returnedItems: returned, activity, doubtful: false };
}
