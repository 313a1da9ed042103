// Writes one planned activity (a file and its waiting sessions) to Graph, following what is known about the
// service and checking every answer, and says which sessions Graph now holds as sent:
// - deep insert (one PUT with the sessions as history items) only where it cannot drop or duplicate anything: when
//   the activity is new to this machine and client ids are not known to be ignored, or when ids are known to be
//   honoured and a replacing PUT known to keep earlier items;
// - otherwise the documented client-GUID path, PUT …/historyItems/{session id}, one per session;
// - a deep insert whose answer shows other ids than the ones sent means the service assigns its own: that is
//   learnt, the sessions are written again by the per-item path, and the items it made are removed;
// - a session whose earlier write lost its answer is read back and compared before it is acknowledged, and any
//   history item that duplicates it under a foreign id is deleted.
// Pure: no editor imports.
import { legacyAppActivityId } from '../activity/appActivityId';
import type { HistoryItemWithId, UpsertActivityResult } from '../graph/client';
import { GraphError } from '../graph/errors';
import type { HistoryItemRequest, HistoryItemResponse, UserActivityRequest, UserActivityResponse } from '../graph/types';
import type { Logger } from '../platform/ports';
import type { PlannedRequest } from './plan';
import type { ServiceFacts, ServiceFactsStore } from './serviceFacts';

export interface ActivityGraph {
  upsertActivity(activity: UserActivityRequest, signal?: AbortSignal): Promise<UpsertActivityResult>;
  putHistoryItem(
    activityId: string,
    item: HistoryItemWithId,
    signal?: AbortSignal,
  ): Promise<HistoryItemResponse & { doubtful?: boolean }>;
  deleteHistoryItem(activityId: string, historyItemId: string, signal?: AbortSignal): Promise<boolean>;
  listActivities(options?: { signal?: AbortSignal }): Promise<UserActivityResponse[]>;
}

export interface PublishedEntry {
  serverId?: string;
  historyItemIds: readonly string[];
}

export interface PublishedIndexLike {
  record(appActivityId: string, entry: { serverId?: string; documentUri: string; historyItemIds: string[]; at: number }): void;
  get(appActivityId: string): PublishedEntry | undefined;
  forget(appActivityId: string): boolean;
}

/** Thrown when the write budget has no slot for the next write of an activity. */
export class WriteBudgetSpent extends Error {
  constructor() {
    super('The write budget is spent.');
    this.name = 'WriteBudgetSpent';
  }
}

export interface WriteContext {
  graph: ActivityGraph;
  facts: ServiceFactsStore;
  published: PublishedIndexLike;
  /**
   * Session id → when a write of it lost its answer (it may land late, even after a newer write): such a session is
   * read back, no earlier than `confirmAfterMs` later, before it is acknowledged. Updated in place.
   */
  unconfirmed: Map<string, number>;
  confirmAfterMs: number;
  /** Some sessions could not be confirmed yet: reading them back makes sense from `at`. */
  confirmLater(at: number): void;
  /** True when the write budget has a slot now. */
  canWrite(): boolean;
  /** Graph holds these sessions as sent. */
  acknowledge(sessionIds: string[]): void;
  now(): number;
  log: Pick<Logger, 'info' | 'warn'>;
  signal?: AbortSignal;
}

interface Target {
  appActivityId: string;
  entry?: PublishedEntry;
  /** An id from an earlier version that would need %2F, which the service may refuse: address it by server id only. */
  byServerIdOnly: boolean;
}

export async function writeActivity(request: PlannedRequest, context: WriteContext): Promise<void> {
  const facts = context.facts.get();
  const target = resolveTarget(request.body.appActivityId, context.published, facts);
  const { historyItems: _sent, ...card } = request.body;
  const activity: UserActivityRequest = { ...card, appActivityId: target.appActivityId };
  const items = (request.body.historyItems ?? []).filter((item): item is HistoryItemWithId => typeof item.id === 'string');
  const writer = new ActivityWrite(request.documentUri, activity, request.body.appActivityId, target, items, context);
  const isNew = target.entry?.serverId === undefined;
  const deepInsert =
    !target.byServerIdOnly &&
    (isNew ? facts.historyIds !== 'ignored' : facts.historyIds === 'honoured' && facts.replace === 'keeps');
  if (deepInsert && items.length > 0) await writer.deepInsert();
  else await writer.itemByItem(isNew || (facts.replace === 'keeps' && !target.byServerIdOnly));
}

/** The file's activity: under its own id, or under the id an earlier version published it with. */
function resolveTarget(appActivityId: string, published: PublishedIndexLike, facts: ServiceFacts): Target {
  const own = published.get(appActivityId);
  if (own) return { appActivityId, entry: own, byServerIdOnly: false };
  const legacy = legacyAppActivityId(appActivityId);
  const old = legacy === undefined ? undefined : published.get(legacy);
  if (legacy === undefined || old === undefined) return { appActivityId, byServerIdOnly: false };
  const needsEncodedSlash = legacy.includes('/') && facts.encodedSlash !== 'accepted';
  if (needsEncodedSlash && old.serverId === undefined) return { appActivityId, byServerIdOnly: false };
  return { appActivityId: legacy, entry: old, byServerIdOnly: needsEncodedSlash };
}

class ActivityWrite {
  private serverId: string | undefined;

  constructor(
    private readonly documentUri: string,
    private activity: UserActivityRequest,
    /** The id this version gives the file, used when the activity has to be created again. */
    private readonly ownId: string,
    private readonly target: Target,
    private readonly items: HistoryItemWithId[],
    private readonly context: WriteContext,
  ) {
    this.serverId = target.entry?.serverId;
  }

  /** One PUT with every session deep-inserted; the answer's item ids say whether the service kept the ones sent. */
  async deepInsert(): Promise<void> {
    const result = await this.upsert({ ...this.activity, historyItems: this.items });
    const sent = new Set(this.items.map((item) => item.id.toLowerCase()));
    const returned = result.returnedItems.map((item) => item.id.toLowerCase());
    if (this.items.every((item) => returned.includes(item.id.toLowerCase()))) {
      if (this.context.facts.get().historyIds === 'unknown') this.context.facts.learn({ historyIds: 'honoured' });
      await this.settle(this.items);
      return;
    }
    // An answer without the items proves nothing either way: the per-item path and the read-back are safe both ways.
    if (returned.length > 0) {
      this.context.facts.learn({ historyIds: 'ignored' });
      this.context.log.warn(
        'Graph stored deep-inserted history items under ids of its own; sessions now go one by one to …/historyItems/{id}, and the items it made are removed.',
      );
    }
    // Until the per-item writes and the clean-up are read back, nothing of this activity is acknowledged.
    for (const item of this.items) this.doubt(item.id, 0);
    await this.removeForeign(result.returnedItems.filter((item) => !sent.has(item.id.toLowerCase())).map((item) => item.id));
    await this.itemByItem(false);
  }

  /** The documented client-GUID path; `putActivity` first creates (or refreshes) the activity without items. */
  async itemByItem(putActivity: boolean): Promise<void> {
    if (putActivity || this.serverId === undefined) await this.upsert(this.activity);
    const written: HistoryItemWithId[] = [];
    for (const item of this.items) {
      await this.putItem(item);
      written.push(item);
      if (!this.context.unconfirmed.has(item.id)) await this.settle([item]);
    }
    const doubtful = written.filter((item) => this.context.unconfirmed.has(item.id));
    if (doubtful.length > 0) await this.settle(doubtful);
  }

  private async upsert(activity: UserActivityRequest): Promise<UpsertActivityResult> {
    this.takeSlot();
    const result = await this.context.graph.upsertActivity(activity, this.context.signal);
    // A lost attempt of this PUT may still land: it could drop items or add copies, so every session is read back.
    if (result.doubtful) for (const item of this.items) this.doubt(item.id, this.context.now());
    this.serverId = result.id;
    this.record([]);
    return result;
  }

  private async putItem(item: HistoryItemWithId): Promise<void> {
    this.takeSlot();
    try {
      const stored = await this.context.graph.putHistoryItem(this.knownServerId(), item, this.context.signal);
      if (stored.doubtful) this.doubt(item.id, this.context.now());
    } catch (error) {
      if (!(error instanceof GraphError) || error.status !== 404) throw error;
      // The activity expired or was deleted elsewhere: create it again (under this version's id) and write the item.
      this.context.log.info(`The activity for ${this.documentUri} is gone from Graph; creating it again.`);
      this.context.published.forget(this.activity.appActivityId);
      this.activity = { ...this.activity, appActivityId: this.ownId };
      const recreated = await this.upsert(this.activity);
      this.takeSlot();
      await this.context.graph.putHistoryItem(recreated.id, item, this.context.signal);
    }
  }

  /**
   * Acknowledges sessions Graph holds as sent. Sessions whose earlier write lost its answer are first read back:
   * acknowledged only when Graph holds them with the times sent, and any item duplicating one of them under a
   * foreign id (a lost deep insert into a service that assigns its own ids) is deleted.
   */
  private async settle(items: HistoryItemWithId[]): Promise<void> {
    const { unconfirmed, confirmAfterMs } = this.context;
    const now = this.context.now();
    const sure = items.filter((item) => !unconfirmed.has(item.id));
    const waiting = items.filter(
      (item) => unconfirmed.has(item.id) && (unconfirmed.get(item.id) as number) + confirmAfterMs > now,
    );
    if (waiting.length > 0)
      this.context.confirmLater(Math.max(...waiting.map((item) => (unconfirmed.get(item.id) as number) + confirmAfterMs)));
    const doubtful = items.filter((item) => unconfirmed.has(item.id) && !waiting.includes(item));
    if (doubtful.length > 0) {
      const held = (await this.context.graph.listActivities({ signal: this.context.signal })).find((a) => a.id === this.serverId);
      const heldItems = held?.historyItems ?? [];
      const known = new Set(
        [...(this.target.entry?.historyItemIds ?? []), ...this.items.map((i) => i.id)].map((id) => id.toLowerCase()),
      );
      const starts = new Set(this.items.map((item) => Date.parse(item.startedDateTime)));
      await this.removeForeign(
        heldItems.filter((h) => !known.has(h.id.toLowerCase()) && starts.has(Date.parse(h.startedDateTime))).map((h) => h.id),
      );
      for (const item of doubtful) {
        const copy = heldItems.find((h) => h.id.toLowerCase() === item.id.toLowerCase());
        if (copy && sameTimes(copy, item)) {
          this.context.unconfirmed.delete(item.id);
          sure.push(item);
        } else {
          this.context.log.info(`Session ${item.id} is not in Graph as sent yet; it is sent again.`);
        }
      }
    }
    if (sure.length === 0) return;
    this.record(sure.map((item) => item.id));
    this.context.acknowledge(sure.map((item) => item.id));
  }

  /** Keeps the latest time a write of the session lost its answer. */
  private doubt(sessionId: string, at: number): void {
    this.context.unconfirmed.set(sessionId, Math.max(at, this.context.unconfirmed.get(sessionId) ?? 0));
  }

  private async removeForeign(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.takeSlot();
      await this.context.graph.deleteHistoryItem(this.knownServerId(), id, this.context.signal);
    }
  }

  private record(historyItemIds: string[]): void {
    this.context.published.record(this.activity.appActivityId, {
      serverId: this.serverId,
      documentUri: this.documentUri,
      historyItemIds,
      at: this.context.now(),
    });
  }

  private knownServerId(): string {
    if (this.serverId === undefined) throw new Error('The activity has no server id yet.');
    return this.serverId;
  }

  private takeSlot(): void {
    if (!this.context.canWrite()) throw new WriteBudgetSpent();
  }
}

function sameTimes(held: HistoryItemResponse, sent: HistoryItemRequest): boolean {
  const at = (text: string | null | undefined) => (text ? Date.parse(text) : undefined);
  return at(held.startedDateTime) === at(sent.startedDateTime) && at(held.lastActiveDateTime) === at(sent.lastActiveDateTime);
}
