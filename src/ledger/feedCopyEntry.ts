// One line of the copy this machine keeps of other machines' sessions: what the feed said of a session (its activity,
// the activity's display text, workspace and language), kept after the feed forgets it. Only what was published is
// in it; it is never written back to Graph. Pure.
import { isFiniteNumber, isRecord } from '../text/jsonShape';
import type { EntryCodec, KeptSession } from './entry';

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
const ID_LIKE = /^[A-Za-z0-9-]{1,200}$/;

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
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.v !== VERSION) return undefined;
  const { id, t, d, k, n, l, s, e, a } = value;
  if (typeof id !== 'string' || !ID_LIKE.test(id) || !isText(t) || !isText(d) || !isText(l)) return undefined;
  if (!isFiniteNumber(s) || !isFiniteNumber(e) || !isFiniteNumber(a) || e < s || a < 0) return undefined;
  if (!isOptionalText(k) || !isOptionalText(n)) return undefined;
  const entry: FeedCopyEntry = {
    id,
    activityId: t,
    displayText: d,
    language: l,
    startedAt: s,
    lastActiveAt: e,
    activeSeconds: a,
  };
  if (k !== undefined) entry.workspaceKey = k;
  if (n !== undefined) entry.workspaceName = n;
  return entry;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_COPY_TEXT;
}

function isOptionalText(value: unknown): value is string | undefined {
  return value === undefined || isText(value);
}

export const FEED_COPY_ENTRY: EntryCodec<FeedCopyEntry> = { encode, decode };
