// One line of the copy this machine keeps of other machines' sessions: what the feed said of a session (its activity,
// the activity's display text, workspace and language), kept after the feed forgets it. Only what was published is
// in it; it is never written back to Graph. Pure.
import { isTextUpTo, lineFields, sessionTimes, type EntryCodec, type KeptSession } from './entry';

export interface FeedCopyEntry extends KeptSession {
  /** The history item's id. */
  id: string;
  /** The activity (appActivityId) it belongs to. */
  activityId: string;
  displayText: string;
  /** The workspace's keyed tag or name, as published (`contentInfo.isPartOf`). */
  workspaceKey?: string;
  workspaceName?: string;
  language: string;
  activeSeconds: number;
}

const VERSION = 1;
/** Longer text is cut when the entry is made (`feedCopyText`), so a line never exceeds a few kilobytes. */
export const MAX_COPY_TEXT = 1_024;

/** Text from the service as the copy keeps it: at most MAX_COPY_TEXT characters, cut on a whole character. */
export function feedCopyText(text: string): string {
  if (text.length <= MAX_COPY_TEXT) return text;
  const cut = text.slice(0, MAX_COPY_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function encode(entry: FeedCopyEntry): string {
  return JSON.stringify({
    v: VERSION,
    id: entry.id,
    t: entry.activityId,
    d: entry.displayText,
    k: entry.workspaceKey,
    n: entry.workspaceName,
    l: entry.language,
    s: entry.startedAt,
    e: entry.lastActiveAt,
    a: entry.activeSeconds,
  });
}

function decode(line: string): FeedCopyEntry | undefined {
  const fields = lineFields(line, VERSION);
  const times = fields && sessionTimes(fields);
  if (!fields || !times) return undefined;
  const { t, d, k, n, l } = fields;
  const text = (value: unknown) => isTextUpTo(value, MAX_COPY_TEXT);
  const optional = (value: unknown) => value === undefined || text(value);
  if (!text(t) || !text(d) || !text(l) || !optional(k) || !optional(n)) return undefined;
  const entry: FeedCopyEntry = { ...times, activityId: t, displayText: d, language: l };
  if (k !== undefined) entry.workspaceKey = k;
  if (n !== undefined) entry.workspaceName = n;
  return entry;
}

export const FEED_COPY_ENTRY: EntryCodec<FeedCopyEntry> = { encode, decode };
