// Other machines' sessions, from the feed into this machine's copy and back beside the feed: the copy keeps what the
// feed showed, so a range longer than the feed keeps (or a session the feed has since dropped) still counts. A session
// the feed still holds is taken from the feed; one in both counts once. Pure.
import { FEED_COPY_ENTRY, feedCopyText, MAX_COPY_TEXT, type FeedCopyEntry } from '../ledger/feedCopyEntry';
import type { UserActivityResponse } from '../graph/types';
import { toInsightSessions, type InsightSession, type Resolver } from './sessions';

/** Other machines' sessions in a read of the feed, as the copy keeps them (text cut to size, times made consistent). */
export function feedCopyEntries(
  activities: readonly UserActivityResponse[],
  isThisMachine: (sessionId: string) => boolean,
): FeedCopyEntry[] {
  const sessions = toInsightSessions(activities, {
    fileOf: () => undefined,
    workspaceOf: () => undefined,
    isThisMachine,
  });
  const entries: FeedCopyEntry[] = [];
  for (const s of sessions) {
    if (s.thisMachine || s.activityId.length > MAX_COPY_TEXT) continue;
    const entry: FeedCopyEntry = {
      id: s.id,
      activityId: s.activityId,
      displayText: feedCopyText(s.file),
      language: feedCopyText(s.language),
      startedAt: s.startedAt,
      lastActiveAt: Math.max(s.startedAt, s.lastActiveAt),
      activeSeconds: Number.isFinite(s.activeSeconds) ? s.activeSeconds : 0,
    };
    if (s.workspaceKey !== undefined) entry.workspaceKey = feedCopyText(s.workspaceKey);
    if (s.workspace !== undefined) entry.workspaceName = feedCopyText(s.workspace);
    // Only what the copy can read back is kept: an id of another shape, or a time no date can hold, is left out.
    if (FEED_COPY_ENTRY.decode(FEED_COPY_ENTRY.encode(entry)) !== undefined) entries.push(entry);
  }
  return entries;
}

/** The feed's sessions, and the copy's sessions the feed no longer holds, named as this machine names them. */
export function withFeedCopy(
  feed: readonly InsightSession[],
  copy: readonly FeedCopyEntry[],
  names: Pick<Resolver, 'fileOf' | 'workspaceOf'>,
): InsightSession[] {
  const inFeed = new Set(feed.map((session) => session.id.toLowerCase()));
  const kept: InsightSession[] = [];
  for (const entry of copy) {
    if (inFeed.has(entry.id.toLowerCase())) continue;
    const session: InsightSession = {
      id: entry.id,
      activityId: entry.activityId,
      file: names.fileOf(entry.activityId) ?? entry.displayText,
      language: entry.language,
      thisMachine: false,
      startedAt: entry.startedAt,
      lastActiveAt: entry.lastActiveAt,
      activeSeconds: entry.activeSeconds,
    };
    const workspace = entry.workspaceName ?? (entry.workspaceKey ? names.workspaceOf(entry.workspaceKey) : undefined);
    if (entry.workspaceKey !== undefined) session.workspaceKey = entry.workspaceKey;
    if (workspace !== undefined) session.workspace = workspace;
    kept.push(session);
  }
  return [...feed, ...kept];
}
