// This machine's sessions from its ledger, beside the feed's: every session the feed holds is taken from the feed
// (as the other machines see it, with the branch only the ledger knows), and every one it no longer holds, or never
// got, from the ledger. A session in both is counted once: its history item id is its session id. Pure.
import { languageDisplayName } from '../activity/languageName';
import type { LedgerEntry } from '../ledger/entry';
import type { InsightSession } from './sessions';

/** What this machine knows to name a ledger entry as the feed's sessions of the same file and workspace are named. */
export interface LedgerNames {
  /** The activity a document was published as, where it was. */
  activityOf(documentUri: string): string | undefined;
  /** The file as the panel shows it (its path in its workspace). */
  fileOf(entry: LedgerEntry): string;
  /** The keyed tag this machine published a workspace under, where it did. */
  workspaceTagOf(name: string): string | undefined;
}

export function withLedger(
  feed: readonly InsightSession[],
  ledger: readonly LedgerEntry[],
  names: LedgerNames,
): InsightSession[] {
  const known = new Map(
    ledger.flatMap((entry) => (entry.branch || entry.commitSubject ? [[entry.id.toLowerCase(), entry] as const] : [])),
  );
  const inFeed = new Set(feed.map((session) => session.id.toLowerCase()));
  const own = ledger.filter((entry) => !inFeed.has(entry.id.toLowerCase())).map((entry) => fromLedger(entry, names));
  // A session in both is the feed's, with the branch (and commit line) only the ledger knows.
  const fromFeed = feed.map((session) => {
    const entry = known.get(session.id.toLowerCase());
    if (!entry) return session;
    return {
      ...session,
      ...(entry.branch ? { branch: entry.branch } : {}),
      ...(entry.commitSubject ? { commitSubject: entry.commitSubject } : {}),
    };
  });
  return [...fromFeed, ...own];
}

function fromLedger(entry: LedgerEntry, names: LedgerNames): InsightSession {
  const workspace = entry.workspaceFolderName;
  const workspaceKey = workspace ? (names.workspaceTagOf(workspace) ?? `n:${workspace}`) : undefined;
  const session: InsightSession = {
    id: entry.id,
    activityId: names.activityOf(entry.documentUri) ?? `local:${entry.documentUri}`,
    file: names.fileOf(entry),
    language: languageDisplayName(entry.languageId),
    thisMachine: true,
    startedAt: entry.startedAt,
    lastActiveAt: entry.lastActiveAt,
    activeSeconds: Math.max(0, entry.activeSeconds),
  };
  if (workspaceKey) session.workspaceKey = workspaceKey;
  if (workspace) session.workspace = workspace;
  if (entry.branch) session.branch = entry.branch;
  if (entry.commitSubject) session.commitSubject = entry.commitSubject;
  return session;
}
