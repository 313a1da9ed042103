// The feed as Insights sees it: every published session, flat, with what it belongs to (file, workspace, language)
// and whether this machine recorded it. Pure: what only this machine knows (local file names, workspace names of
// keyed tags, its own session ids) comes in through a Resolver.
import type { UserActivityResponse } from '../graph/types';
import { localize } from '../text/l10n';
import { toPublishedActivities } from '../feed/model';

export interface InsightSession {
  id: string;
  /** The activity (file) it belongs to. */
  activityId: string;
  file: string;
  /** The workspace's keyed tag (or its name where no tag was published); undefined when unknown. */
  workspaceKey?: string;
  /** The workspace's name where it was published or this machine can resolve its tag. */
  workspace?: string;
  language: string;
  /** The git branch, where this machine's ledger knows it (never published), and the ticket key found in it. */
  branch?: string;
  ticket?: string;
  /** The commit message's first line at the session's end, where the person asked this machine to keep it. */
  commitSubject?: string;
  thisMachine: boolean;
  startedAt: number;
  lastActiveAt: number;
  activeSeconds: number;
}

export interface Resolver {
  /** The local file's workspace-relative path or name, when this machine knows the activity's file. */
  fileOf(appActivityId: string): string | undefined;
  /** The workspace name behind a keyed tag, when this machine has published from that workspace. */
  workspaceOf(tag: string): string | undefined;
  /** Whether the session (history item id) was recorded on this machine. */
  isThisMachine(sessionId: string): boolean;
}

interface WorkspaceInfo {
  key?: string;
  name?: string;
}

function workspaceInfo(contentInfo: Record<string, unknown> | undefined): WorkspaceInfo {
  const part = contentInfo?.isPartOf;
  if (typeof part !== 'object' || part === null) return {};
  const { identifier, name } = part as Record<string, unknown>;
  return {
    ...(typeof identifier === 'string' && identifier ? { key: identifier } : {}),
    ...(typeof name === 'string' && name ? { name } : {}),
  };
}

function languageOf(contentInfo: Record<string, unknown> | undefined): string {
  const language = contentInfo?.programmingLanguage;
  return typeof language === 'string' && language ? language : localize('Unknown language');
}

export function toInsightSessions(activities: readonly UserActivityResponse[], resolver: Resolver): InsightSession[] {
  const byAppId = new Map(activities.map((a) => [a.appActivityId, a]));
  return toPublishedActivities(activities, () => undefined).flatMap((published) => {
    const contentInfo = byAppId.get(published.appActivityId)?.contentInfo;
    const workspace = workspaceInfo(contentInfo);
    const key = workspace.key ?? (workspace.name ? `n:${workspace.name}` : undefined);
    const name = workspace.name ?? (workspace.key ? resolver.workspaceOf(workspace.key) : undefined);
    const file = resolver.fileOf(published.appActivityId) ?? published.displayText;
    const language = languageOf(contentInfo);
    return published.sessions.map((s) => ({
      id: s.id,
      activityId: published.appActivityId,
      file,
      ...(key ? { workspaceKey: key } : {}),
      ...(name ? { workspace: name } : {}),
      language,
      thisMachine: resolver.isThisMachine(s.id),
      startedAt: s.startedAt,
      lastActiveAt: s.lastActiveAt,
      activeSeconds: Math.max(0, s.activeSeconds),
    }));
  });
}

/** What a workspace is called in the panel and the timesheet: its name, or a short form of its tag. */
export function workspaceLabel(session: Pick<InsightSession, 'workspace' | 'workspaceKey'>): string {
  if (session.workspace) return session.workspace;
  if (session.workspaceKey) return localize('Workspace {0}', session.workspaceKey.replace(/^w:/, '').slice(0, 6));
  return localize('No workspace');
}
