// What the emulated service remembers: activities per user, filed under the client id that created them.

import { randomBytes, randomUUID } from 'node:crypto';
import { JsonObject } from './contract';
import type { ServiceSwitches } from './profile';

export const RETENTION_MS = 30 * 24 * 60 * 60_000;

export interface StoredHistoryItem {
  id: string;
  startedDateTime: string;
  lastActiveDateTime: string | null;
  activeDurationSeconds: number | null;
  userTimezone: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  expirationDateTime: string;
  status: 'updated';
}

export interface StoredActivity {
  id: string;
  userId: string;
  clientId: string;
  appActivityId: string;
  /** Client-set fields as last sent (historyItems excluded). */
  fields: JsonObject;
  createdDateTime: string;
  lastModifiedDateTime: string;
  expirationDateTime: string;
  status: 'updated';
  historyItems: StoredHistoryItem[];
  /** Creation order, for stable paging. */
  sequence: number;
  /** Order of the last PUT of the activity itself. */
  upserted: number;
}

const CLIENT_ACTIVITY_FIELDS = [
  'appActivityId',
  'activitySourceHost',
  'activationUrl',
  'fallbackUrl',
  'contentUrl',
  'appDisplayName',
  'userTimezone',
  'contentInfo',
  'visualElements',
];
const CLIENT_HISTORY_FIELDS = [
  'startedDateTime',
  'lastActiveDateTime',
  'activeDurationSeconds',
  'userTimezone',
  'expirationDateTime',
];

export class ActivityStore {
  private activities: StoredActivity[] = [];
  private sequence = 0;

  constructor(
    private readonly now: () => number,
    /** Read on every call: the admin API may change them while the emulator runs. */
    private readonly service: Pick<ServiceSwitches, 'historyIds' | 'replace' | 'order' | 'clientExpiration'> = {
      historyIds: 'honoured',
      replace: 'keeps',
      order: 'oldest',
      clientExpiration: 'honoured',
    },
  ) {}

  reset(): void {
    this.activities = [];
  }

  /** Every live activity of a user, whatever app made it: oldest created first, or most recently upserted first. */
  activitiesOfUser(userId: string): StoredActivity[] {
    const live = this.activities.filter((a) => a.userId === userId && this.isLive(a));
    if (this.service.order === 'oldest') return live;
    return live.sort((x, y) => y.upserted - x.upserted);
  }

  all(): StoredActivity[] {
    return this.activities.filter((a) => this.isLive(a));
  }

  findByAppActivityId(userId: string, clientId: string, appActivityId: string): StoredActivity | undefined {
    return this.activities.find(
      (a) => a.userId === userId && a.clientId === clientId && a.appActivityId === appActivityId && this.isLive(a),
    );
  }

  findById(userId: string, clientId: string, id: string): StoredActivity | undefined {
    return this.activities.find((a) => a.userId === userId && a.clientId === clientId && a.id === id && this.isLive(a));
  }

  /**
   * PUT semantics: replaces the client fields of an existing activity or creates one. Deep-inserted history items are
   * upserted by their id (switch `historyIds` honoured) or always added with a new GUID (ignored); existing items the
   * body does not mention are kept (`replace` keeps) or dropped (drops). The live service's behaviour is undocumented.
   */
  upsertActivity(
    userId: string,
    clientId: string,
    body: JsonObject,
  ): { created: boolean; activity: StoredActivity; inserted: StoredHistoryItem[] } {
    this.dropExpired();
    const stamp = this.stamp();
    let activity = this.findByAppActivityId(userId, clientId, body.appActivityId as string);
    const created = activity === undefined;
    if (!activity) {
      activity = {
        id: newActivityId(),
        userId,
        clientId,
        appActivityId: body.appActivityId as string,
        fields: {},
        createdDateTime: stamp,
        lastModifiedDateTime: stamp,
        expirationDateTime: stamp,
        status: 'updated',
        historyItems: [],
        sequence: this.sequence,
        upserted: this.sequence++,
      };
      this.activities.push(activity);
    }
    activity.fields = pick(body, CLIENT_ACTIVITY_FIELDS);
    activity.upserted = this.sequence++;
    if (this.service.replace === 'drops') activity.historyItems = [];
    activity.lastModifiedDateTime = stamp;
    activity.expirationDateTime = new Date(Date.parse(stamp) + RETENTION_MS).toISOString();
    const keyOf = (item: JsonObject) =>
      (this.service.historyIds === 'honoured' ? (item.id as string | undefined) : undefined) ?? randomUUID();
    const inserted = ((body.historyItems as JsonObject[] | undefined) ?? []).map(
      (item) => this.upsertHistoryItem(activity, keyOf(item), item).item,
    );
    this.keepWhileItemsLive(activity);
    return { created, activity, inserted };
  }

  upsertHistoryItem(activity: StoredActivity, id: string, body: JsonObject): { created: boolean; item: StoredHistoryItem } {
    // Items past their expiration are gone for good: a later PUT of the same id creates it anew.
    activity.historyItems = this.liveHistoryItems(activity);
    const stamp = this.stamp();
    const fields = pick(body, CLIENT_HISTORY_FIELDS);
    const existingIndex = activity.historyItems.findIndex((h) => h.id.toLowerCase() === id.toLowerCase());
    const existing = existingIndex >= 0 ? activity.historyItems[existingIndex] : undefined;
    const started = fields.startedDateTime as string;
    const lastActive = (fields.lastActiveDateTime as string | null | undefined) ?? null;
    const createdDateTime = existing?.createdDateTime ?? stamp;
    const item: StoredHistoryItem = {
      id: existing?.id ?? id,
      startedDateTime: started,
      lastActiveDateTime: lastActive,
      activeDurationSeconds: (fields.activeDurationSeconds as number | null | undefined) ?? computedDuration(started, lastActive),
      userTimezone: (fields.userTimezone as string | null | undefined) ?? null,
      createdDateTime,
      lastModifiedDateTime: stamp,
      expirationDateTime: this.itemExpiration(createdDateTime, fields.expirationDateTime),
      status: 'updated',
    };
    if (existing) activity.historyItems[existingIndex] = item;
    else activity.historyItems.push(item);
    this.keepWhileItemsLive(activity);
    return { created: !existing, item };
  }

  /**
   * 30 days after the item was created, as every example shows, unless the client asked for a time: kept as asked
   * (`clientExpiration` honoured), cut to the 30 days when later (capped), or replaced by them (ignored).
   */
  private itemExpiration(createdDateTime: string, asked: unknown): string {
    const standard = Date.parse(createdDateTime) + RETENTION_MS;
    const askedAt = typeof asked === 'string' ? Date.parse(asked) : NaN;
    if (Number.isNaN(askedAt) || this.service.clientExpiration === 'ignored') return new Date(standard).toISOString();
    return new Date(this.service.clientExpiration === 'capped' ? Math.min(askedAt, standard) : askedAt).toISOString();
  }

  /** Where a client's later expiration is honoured, an activity stays while it holds a live history item. */
  private keepWhileItemsLive(activity: StoredActivity): void {
    if (this.service.clientExpiration !== 'honoured') return;
    const latest = Math.max(
      Date.parse(activity.expirationDateTime),
      ...activity.historyItems.map((h) => Date.parse(h.expirationDateTime)),
    );
    activity.expirationDateTime = new Date(latest).toISOString();
  }

  deleteActivity(activity: StoredActivity): void {
    this.activities = this.activities.filter((a) => a !== activity);
  }

  deleteHistoryItem(activity: StoredActivity, id: string): boolean {
    const before = activity.historyItems.length;
    activity.historyItems = activity.historyItems.filter((h) => h.id.toLowerCase() !== id.toLowerCase());
    return activity.historyItems.length < before;
  }

  liveHistoryItems(activity: StoredActivity): StoredHistoryItem[] {
    const now = this.now();
    return activity.historyItems.filter((h) => Date.parse(h.expirationDateTime) > now);
  }

  private isLive(activity: StoredActivity): boolean {
    return Date.parse(activity.expirationDateTime) > this.now();
  }

  private dropExpired(): void {
    this.activities = this.activities.filter((a) => this.isLive(a));
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A long decimal string like the documented examples (e.g. "14332800362997268276"). */
function newActivityId(): string {
  return (randomBytes(8).readBigUInt64BE() | (1n << 63n)).toString(10);
}

function computedDuration(started: string, lastActive: string | null): number | null {
  if (lastActive === null) return null;
  return Math.max(0, Math.floor((Date.parse(lastActive) - Date.parse(started)) / 1000));
}

function pick(source: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  return out;
}
