// The review's edits on a timesheet's rows: rows left out, rows merged into one, a row's group renamed. Pure, with no
// dependency beyond the rows, so the review's webview applies the same edits as the export does.
import type { TimesheetRow } from './rows';

/** What the person changed in the review. Rows are named by their ids (day|key). */
export interface ReviewEdits {
  left?: readonly string[];
  /** Each list becomes one row, under the first row's day and group. */
  merged?: readonly (readonly string[])[];
  /** A row's group shown as the person wrote it (the ticket, when grouped by ticket). */
  renamed?: Readonly<Record<string, string>>;
  notes?: Readonly<Record<string, string>>;
}

/** The review's edits applied: rows left out go, merged rows become one, renamed rows and notes change. */
export function reviewRows(rows: readonly TimesheetRow[], edits: ReviewEdits): TimesheetRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const left = new Set(edits.left ?? []);
  const mergedInto = new Map<string, string>();
  for (const group of edits.merged ?? []) {
    const present = group.filter((id) => byId.has(id) && !left.has(id));
    for (const id of present.slice(1)) mergedInto.set(id, present[0]);
  }
  const out = new Map<string, TimesheetRow>();
  for (const row of rows) {
    if (left.has(row.id)) continue;
    const target = mergedInto.get(row.id);
    if (target === undefined) {
      out.set(row.id, { ...row, label: edits.renamed?.[row.id] ?? row.label });
      continue;
    }
    const into = out.get(target) ?? byId.get(target);
    if (into) out.set(target, mergeTwo(into, row));
  }
  return [...out.values()];
}

function mergeTwo(into: TimesheetRow, row: TimesheetRow): TimesheetRow {
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();
  return {
    ...into,
    tickets: union(into.tickets, row.tickets),
    branches: union(into.branches, row.branches),
    workspaces: union(into.workspaces, row.workspaces),
    files: union(into.files, row.files),
    sessions: into.sessions + row.sessions,
    seconds: into.seconds + row.seconds,
    thisMachineSeconds: into.thisMachineSeconds + row.thisMachineSeconds,
    thisMachineSessions: into.thisMachineSessions + row.thisMachineSessions,
    start: Math.min(into.start, row.start),
    end: Math.max(into.end, row.end),
    split: into.split || row.split,
  };
}
