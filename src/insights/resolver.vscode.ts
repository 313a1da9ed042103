// How this machine names what the feed holds: its own files, the workspaces behind keyed tags, its own sessions.
import { Uri, workspace } from 'vscode';
import { withFeedCopy } from './feedCopy';
import { withTickets } from './timesheet/document';
import { ticketMatcherFor } from './timesheet/ticketSetting.vscode';
import { withLedger } from './ledgerSessions';
import { toInsightSessions, type InsightSession } from './sessions';
import type { InsightsHost } from './host.vscode';

/**
 * The feed's sessions, other machines' from this machine's copy and this machine's from its ledger, each where the feed
 * does not hold them (any more).
 */
export function sessionsOf(host: InsightsHost): InsightSession[] {
  const documents = host.publishedDocuments();
  // A year holds tens of thousands of sessions in a few hundred files: each file's name is worked out once.
  const names = new Map<string, string | undefined>();
  const nameOf = (uri: string): string | undefined => {
    if (!names.has(uri)) names.set(uri, relativeName(uri));
    return names.get(uri);
  };
  const mine = host.thisMachineSessionIds();
  const ledger = host.ledgerEntries();
  for (const entry of ledger) mine.add(entry.id);
  const resolver = {
    fileOf: (appActivityId: string) => {
      const uri = documents.get(appActivityId);
      return uri === undefined ? undefined : nameOf(uri);
    },
    workspaceOf: (tag: string) => host.workspaceNameOf(tag),
    isThisMachine: (id: string) => mine.has(id),
  };
  const feed = withFeedCopy(toInsightSessions(host.feed.cached, resolver), host.otherMachinesEntries(), resolver);
  const activities = new Map([...documents].map(([activity, uri]) => [uri, activity]));
  const sessions = withLedger(feed, ledger, {
    activityOf: (uri) => activities.get(uri),
    fileOf: (entry) => nameOf(entry.documentUri) ?? entry.relativePath ?? entry.documentUri,
    workspaceTagOf: (name) => host.workspaceTagOf(name),
  });
  return withTickets(sessions, ticketMatcherFor(host));
}

function relativeName(uri: string): string | undefined {
  try {
    return workspace.asRelativePath(Uri.parse(uri, true), false);
  } catch {
    return undefined;
  }
}
