// How this machine names what the feed holds: its own files, the workspaces behind keyed tags, its own sessions.
import { Uri, workspace } from 'vscode';
import { toInsightSessions, type InsightSession } from './sessions';
import type { InsightsHost } from './host.vscode';

export function sessionsOf(host: InsightsHost): InsightSession[] {
  const documents = host.publishedDocuments();
  const mine = host.thisMachineSessionIds();
  return toInsightSessions(host.feed.cached, {
    fileOf: (appActivityId) => {
      const uri = documents.get(appActivityId);
      if (!uri) return undefined;
      try {
        return workspace.asRelativePath(Uri.parse(uri, true), false);
      } catch {
        return undefined;
      }
    },
    workspaceOf: (tag) => host.workspaceNameOf(tag),
    isThisMachine: (id) => mine.has(id),
  });
}
