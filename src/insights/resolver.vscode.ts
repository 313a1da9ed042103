// How this machine names what the feed holds: its own files, the workspaces behind keyed tags, its own sessions.
import { Uri, workspace } from 'vscode';
import { withLedger } from './ledgerSessions';
import { toInsightSessions, type InsightSession } from './sessions';
import type { InsightsHost } from './host.vscode';

/** The feed's sessions, and this machine's from its ledger where the feed does not hold them (any more). */
export function sessionsOf(host: InsightsHost): InsightSession[] {
  const documents = host.publishedDocuments();
  const mine = host.thisMachineSessionIds();
  const ledger = host.ledgerEntries();
  for (const entry of ledger) mine.add(entry.id);
  const feed = toInsightSessions(host.feed.cached, {
    fileOf: (appActivityId) => {
      const uri = documents.get(appActivityId);
      return uri === undefined ? undefined : relativeName(uri);
    },
    workspaceOf: (tag) => host.workspaceNameOf(tag),
    isThisMachine: (id) => mine.has(id),
  });
  const activities = new Map([...documents].map(([activity, uri]) => [uri, activity]));
  return withLedger(feed, ledger, {
    activityOf: (uri) => activities.get(uri),
    fileOf: (entry) => relativeName(entry.documentUri) ?? entry.relativePath ?? entry.documentUri,
    workspaceTagOf: (name) => host.workspaceTagOf(name),
  });
}

function relativeName(uri: string): string | undefined {
  try {
    return workspace.asRelativePath(Uri.parse(uri, true), false);
  } catch {
    return undefined;
  }
}
