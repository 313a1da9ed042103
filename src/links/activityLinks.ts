// Remembers, on this machine only, which local file each appActivityId stands for, so the extension's own
// activation links (used when the link may not name the file) can reopen it. Bounded: entries not seen for
// LINK_MAX_AGE_MS are forgotten, and beyond `capacity` the oldest; Forget and new exclusions remove theirs.
import type { CursorPosition } from '../tracking/types';

export interface LinkTarget {
  documentUri: string;
  cursor?: CursorPosition;
}

export type LinkTable = Record<string, LinkTarget & { seen: number }>;

/** 90 days: past Graph's 30 days of history, for activities whose file was not worked on since. */
export const LINK_MAX_AGE_MS = 90 * 86_400_000;

export function rememberLink(
  table: LinkTable,
  appActivityId: string,
  target: LinkTarget,
  now: number,
  capacity = 5000,
): LinkTable {
  const next: LinkTable = {
    ...dropLinks(table, (_, entry) => now - entry.seen > LINK_MAX_AGE_MS),
    [appActivityId]: { ...target, seen: now },
  };
  const ids = Object.keys(next);
  if (ids.length <= capacity) return next;
  ids.sort((a, b) => next[a].seen - next[b].seen);
  for (const id of ids.slice(0, ids.length - capacity)) delete next[id];
  return next;
}

/**
 * The recorded target of an id, looked up among the table's own entries only: a link's id is outside input, and
 * `__proto__` or `constructor` must not find something inherited.
 */
export function linkTargetOf(table: LinkTable, appActivityId: string): (LinkTarget & { seen: number }) | undefined {
  if (typeof table !== 'object' || table === null || !Object.prototype.hasOwnProperty.call(table, appActivityId))
    return undefined;
  const target = table[appActivityId];
  return typeof target === 'object' && target !== null && typeof target.documentUri === 'string' ? target : undefined;
}

/** The appActivityId of an `…/open?id=<encoded id>` link, or undefined if the link is not one. */
export function activityIdOfLink(path: string, query: string, openPath: string): string | undefined {
  if (path !== openPath) return undefined;
  const id = new URLSearchParams(query).get('id');
  return id ?? undefined;
}

/** The table without the entries `drop` picks. */
export function dropLinks(table: LinkTable, drop: (appActivityId: string, entry: LinkTable[string]) => boolean): LinkTable {
  return Object.fromEntries(Object.entries(table).filter(([id, entry]) => !drop(id, entry)));
}
