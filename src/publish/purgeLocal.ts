// What stays on this machine about a file or a session besides Graph: its queued sessions, their set-aside
// (corrupt/) copies, and the link table's entries. Forget, "Exclude This Workspace" and a new exclusion pattern
// remove all three, so nothing about an excluded or forgotten file lingers or goes out with the next publish. Pure.

export interface PurgeTarget {
  sessionIds?: ReadonlySet<string>;
  /** appActivityIds whose link-table entries go. */
  activityIds?: ReadonlySet<string>;
  /** Documents (URI strings) whose every trace goes. */
  documents?: (documentUri: string) => boolean;
  /** Leave this machine's session ledger as it is (Forget from Microsoft Graph only). */
  keepLedger?: boolean;
}

export interface PurgeResult {
  queued: number;
  setAside: number;
  links: number;
}

export interface LocalTraces {
  outbox: {
    discardWhere(matches: (session: { id: string; documentUri?: string }) => boolean): { queued: number; setAside: number };
  };
  links: { forgetWhere(drop: (appActivityId: string, documentUri: string) => boolean): number };
}

export function purgeLocalTraces(target: PurgeTarget, traces: LocalTraces): PurgeResult {
  const document = (uri: string | undefined) => uri !== undefined && target.documents !== undefined && target.documents(uri);
  const { queued, setAside } = traces.outbox.discardWhere(
    (session) => target.sessionIds?.has(session.id) === true || document(session.documentUri),
  );
  const links = traces.links.forgetWhere(
    (appActivityId, documentUri) => target.activityIds?.has(appActivityId) === true || document(documentUri),
  );
  return { queued, setAside, links };
}
