// The on-disk format of the published index: which Graph activities this machine has published, and which history
// items each one holds.
import { isFiniteNumber, isPositiveInteger, isRecord, mismatch } from '../text/jsonShape';

export const PUBLISHED_FORMAT = 'activity-feed-published';
export const PUBLISHED_VERSION = 1;

export interface PublishedActivity {
  /** The id Graph gave the activity, once known. */
  serverId?: string;
  documentUri: string;
  /** Epoch milliseconds. */
  lastPublishedAt: number;
  /** Oldest first. */
  historyItemIds: string[];
}

export type PublishedParseResult =
  | { ok: true; activities: Map<string, PublishedActivity> }
  | { ok: false; kind: 'corrupt'; reason: string }
  | { ok: false; kind: 'newer-version'; version: number; reason: string };

export function parsePublishedFile(value: unknown): PublishedParseResult {
  const corrupt = (problem: { reason: string }): PublishedParseResult => ({ ok: false, kind: 'corrupt', reason: problem.reason });
  if (!isRecord(value)) return corrupt(mismatch('the index', 'an object', value));
  const { format, version, activities } = value;
  if (format !== PUBLISHED_FORMAT) return corrupt(mismatch('format', `"${PUBLISHED_FORMAT}"`, format));
  if (isPositiveInteger(version) && version > PUBLISHED_VERSION) {
    return {
      ok: false,
      kind: 'newer-version',
      version,
      reason: `written by a newer version of the extension (format version ${version})`,
    };
  }
  if (version !== PUBLISHED_VERSION) return corrupt(mismatch('version', String(PUBLISHED_VERSION), version));
  if (!isRecord(activities)) return corrupt(mismatch('activities', 'an object', activities));
  const result = new Map<string, PublishedActivity>();
  for (const [id, activity] of Object.entries(activities)) {
    const where = `activities[${JSON.stringify(id)}]`;
    if (!isRecord(activity)) return corrupt(mismatch(where, 'an object', activity));
    const { serverId, documentUri, lastPublishedAt, historyItemIds } = activity;
    if (serverId !== undefined && typeof serverId !== 'string')
      return corrupt(mismatch(`${where}.serverId`, 'a string', serverId));
    if (typeof documentUri !== 'string') return corrupt(mismatch(`${where}.documentUri`, 'a string', documentUri));
    if (!isFiniteNumber(lastPublishedAt))
      return corrupt(mismatch(`${where}.lastPublishedAt`, 'a finite number', lastPublishedAt));
    if (!Array.isArray(historyItemIds))
      return corrupt(mismatch(`${where}.historyItemIds`, 'an array of strings', historyItemIds));
    const ids: string[] = [];
    for (const item of historyItemIds as unknown[]) {
      if (typeof item !== 'string') return corrupt(mismatch(`${where}.historyItemIds[]`, 'a string', item));
      ids.push(item);
    }
    result.set(id, { ...(serverId !== undefined && { serverId }), documentUri, lastPublishedAt, historyItemIds: ids });
  }
  return { ok: true, activities: result };
}

export function serializePublished(activities: ReadonlyMap<string, PublishedActivity>): string {
  // Object.fromEntries defines own properties, so even an id like "__proto__" round-trips.
  return `${JSON.stringify({ format: PUBLISHED_FORMAT, version: PUBLISHED_VERSION, activities: Object.fromEntries(activities) })}\n`;
}
