// What the Published Activity view shows, built from what Graph returned and what still waits in the outbox.
// Pure: no editor types; days and workspaces are decided by functions the adapter passes in.
import type { UserActivityResponse } from '../graph/types';
import type { Session } from '../tracking/types';

export interface PublishedSession {
  /** The history item id: the session's own GUID. */
  id: string;
  startedAt: number;
  lastActiveAt: number;
  activeSeconds: number;
}

export interface PublishedActivity {
  /** Graph's id, used to delete it and address its history items. */
  id: string;
  appActivityId: string;
  displayText: string;
  description?: string;
  activationUrl?: string;
  /** The local file it stands for, when this machine knows it. */
  documentUri?: string;
  /** Newest first. */
  sessions: PublishedSession[];
  activeSeconds: number;
  lastActiveAt: number;
}

/** Where an activity's file lives on this machine, if known (from the published index or its link). */
export type Locate = (activity: UserActivityResponse) => string | undefined;

export function toPublishedActivities(activities: readonly UserActivityResponse[], locate: Locate): PublishedActivity[] {
  return activities
    .map((activity) => {
      const sessions = (activity.historyItems ?? [])
        .map(toPublishedSession)
        .filter((s): s is PublishedSession => s !== undefined)
        .sort((a, b) => b.startedAt - a.startedAt);
      const modified = Date.parse(activity.lastModifiedDateTime ?? '');
      const documentUri = locate(activity);
      const newest = sessions.reduce((latest, s) => Math.max(latest, s.lastActiveAt), 0);
      return {
        id: activity.id,
        appActivityId: activity.appActivityId,
        displayText: activity.visualElements?.displayText ?? activity.appActivityId,
        ...(activity.visualElements?.description && { description: activity.visualElements.description }),
        ...(activity.activationUrl && { activationUrl: activity.activationUrl }),
        ...(documentUri && { documentUri }),
        sessions,
        activeSeconds: sessions.reduce((sum, s) => sum + s.activeSeconds, 0),
        lastActiveAt: newest > 0 ? newest : Number.isFinite(modified) ? modified : 0,
      };
    })
    .sort((a, b) => b.lastActiveAt - a.lastActiveAt);
}

function toPublishedSession(item: {
  id?: string;
  startedDateTime: string;
  lastActiveDateTime?: string;
  activeDurationSeconds?: number;
}): PublishedSession | undefined {
  const startedAt = Date.parse(item.startedDateTime);
  if (!item.id || !Number.isFinite(startedAt)) return undefined;
  const lastActive = Date.parse(item.lastActiveDateTime ?? '');
  const lastActiveAt = Number.isFinite(lastActive) ? lastActive : startedAt;
  const activeSeconds =
    typeof item.activeDurationSeconds === 'number' ? item.activeDurationSeconds : Math.round((lastActiveAt - startedAt) / 1000);
  return { id: item.id, startedAt, lastActiveAt, activeSeconds };
}

export type GroupBy = 'day' | 'workspace';

export interface ActivityInGroup {
  activity: PublishedActivity;
  /** The activity's sessions that belong to this group (a day shows that day's sessions only). */
  sessions: PublishedSession[];
  activeSeconds: number;
}

export interface ActivityGroup {
  key: string;
  /** For a day: its key (YYYY-MM-DD, local); for a workspace: its name, or undefined for files of no open workspace. */
  label: string | undefined;
  activities: ActivityInGroup[];
  activeSeconds: number;
}

export interface Grouping {
  /** Local calendar day of an instant, as a sortable key such as 2026-11-26. */
  dayOf(epochMs: number): string;
  /** Name of the workspace folder that holds the document, if one is open. */
  workspaceOf(documentUri: string): string | undefined;
}

/** Days newest first; workspaces by name with files of no open workspace last. */
export function groupActivities(activities: readonly PublishedActivity[], by: GroupBy, grouping: Grouping): ActivityGroup[] {
  const groups = new Map<string, ActivityGroup>();
  const add = (key: string, label: string | undefined, activity: PublishedActivity, sessions: PublishedSession[]) => {
    const group = groups.get(key) ?? { key, label, activities: [], activeSeconds: 0 };
    const activeSeconds = sessions.reduce((sum, s) => sum + s.activeSeconds, 0);
    group.activities.push({ activity, sessions, activeSeconds });
    group.activeSeconds += activeSeconds;
    groups.set(key, group);
  };
  for (const activity of activities) {
    if (by === 'workspace') {
      const name = activity.documentUri ? grouping.workspaceOf(activity.documentUri) : undefined;
      add(name === undefined ? '\uffff' : `w:${name}`, name, activity, activity.sessions);
      continue;
    }
    const byDay = new Map<string, PublishedSession[]>();
    for (const session of activity.sessions) {
      const day = grouping.dayOf(session.startedAt);
      byDay.set(day, [...(byDay.get(day) ?? []), session]);
    }
    if (byDay.size === 0) byDay.set(grouping.dayOf(activity.lastActiveAt), []);
    for (const [day, sessions] of byDay) add(day, day, activity, sessions);
  }
  const sorted = [...groups.values()];
  for (const group of sorted) group.activities.sort((a, b) => latest(b) - latest(a));
  return by === 'day'
    ? sorted.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    : sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function latest(entry: ActivityInGroup): number {
  return entry.sessions.reduce((max, s) => Math.max(max, s.lastActiveAt), entry.activity.lastActiveAt);
}

export interface PendingFile {
  documentUri: string;
  /** Newest first. */
  sessions: Session[];
  activeSeconds: number;
}

/** Sessions not yet published, by file, most recently active first. */
export function groupPending(sessions: readonly Session[]): PendingFile[] {
  const files = new Map<string, Session[]>();
  for (const session of sessions) files.set(session.documentUri, [...(files.get(session.documentUri) ?? []), session]);
  return [...files.entries()]
    .map(([documentUri, list]) => ({
      documentUri,
      sessions: [...list].sort((a, b) => b.startedAt - a.startedAt),
      activeSeconds: list.reduce((sum, s) => sum + s.activeSeconds, 0),
    }))
    .sort((a, b) => b.sessions[0].lastActiveAt - a.sessions[0].lastActiveAt);
}

/** The local calendar day of an instant, as a sortable key (2026-11-26). */
export function dayKey(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
