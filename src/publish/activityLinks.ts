// Remembers, on this machine only, which local file each appActivityId stands for, so the extension's own
// activation links (used when the link may not name the file) can reopen it. Bounded: the oldest are forgotten.
import type { CursorPosition } from '../tracking/types';

export interface LinkTarget {
  documentUri: string;
  cursor?: CursorPosition;
}

export type LinkTable = Record<string, LinkTarget & { seen: number }>;

export function rememberLink(table: LinkTable, appActivityId: string, target: LinkTarget, now: number, capacity = 5000): LinkTable {
  const next: LinkTable = { ...table, [appActivityId]: { ...target, seen: now } };
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
  if (typeof table !== 'object' || table === null || !Object.prototype.hasOwnProperty.call(table, appActivityId)) return undefined;
  const target = table[appActivityId];
  return typeof target === 'object' && target !== null && typeof target.documentUri === 'string' ? target : undefined;
}

/** The appActivityId of an `…/open?id=<encoded id>` link, or undefined if the link is not one. */
export function activityIdOfLink(path: string, query: string, openPath: string): string | undefined {
  if (path !== openPath) return undefined;
  const id = new URLSearchParams(query).get('id');
  return id ?? undefined;
}
