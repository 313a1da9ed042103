// From Insights' sessions to a timesheet: each session gets its ticket (from its branch), is cut at midnights and
// grouped, then billed under the rounding rule. The review's edits (rows left out, merged, a ticket changed, a note)
// apply on top, before the rule. Pure.
import type { InsightSession } from '../sessions';
import type { ReviewedRow, TimesheetDocument } from './formats';
export { reviewRows, type ReviewEdits } from './review';
import { billedSeconds, type RoundingRule } from './rounding';
import { timesheetRowsOf, type GroupBy, type RowLabels, type TimesheetRow, type TimesheetSession } from './rows';
import { ticketOf, type TicketMatcher } from './tickets';

export interface TimesheetRequest {
  from: string;
  to: string;
  groupBy: GroupBy;
  rule: RoundingRule;
  workspace?: string;
  language?: string;
}

/**
 * Each session with the ticket its branch names, or else its commit line (kept only where the person asked); a
 * branch and line are matched once however many sessions share them.
 */
export function withTickets(sessions: readonly InsightSession[], matcher: TicketMatcher): TimesheetSession[] {
  const found = new Map<string, string | undefined>();
  return sessions.map((session) => {
    if (session.branch === undefined && session.commitSubject === undefined) return session;
    const key = `${session.branch ?? ''}\u0000${session.commitSubject ?? ''}`;
    if (!found.has(key)) found.set(key, ticketOf(matcher, session.branch, session.commitSubject));
    const ticket = found.get(key);
    return ticket === undefined ? session : { ...session, ticket };
  });
}

/** The rows before the review: the range's sessions, filtered as Insights filter them. */
export function draftRows(
  sessions: readonly TimesheetSession[],
  request: Pick<TimesheetRequest, 'from' | 'to' | 'groupBy' | 'workspace' | 'language'>,
  labels: RowLabels,
): TimesheetRow[] {
  const kept = sessions.filter(
    (s) =>
      (request.workspace === undefined || (s.workspaceKey ?? '\uffffnone') === request.workspace) &&
      (request.language === undefined || s.language === request.language),
  );
  return timesheetRowsOf(kept, request, request.groupBy, labels);
}

/** The document an export writes: the reviewed rows billed under the rule, with their notes. */
export function timesheetDocument(
  rows: readonly TimesheetRow[],
  request: TimesheetRequest,
  timeZone: string,
  notes: Readonly<Record<string, string>> = {},
): TimesheetDocument {
  const billed = billedSeconds(rows, request.rule);
  const reviewed: ReviewedRow[] = rows.map((row, index) => {
    const note = notes[row.id];
    return note ? { ...row, billedSeconds: billed[index], note } : { ...row, billedSeconds: billed[index] };
  });
  return { from: request.from, to: request.to, groupBy: request.groupBy, rule: request.rule, timeZone, rows: reviewed };
}
