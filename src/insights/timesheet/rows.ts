// A timesheet's rows: each session cut at local midnights into the days it spans, then grouped by day and one more
// key (ticket, workspace, branch, file, or each session alone), with the files worked on and how many sessions. Pure.
import { addDays, dayKey, startOfDay } from '../calendar';
import type { InsightSession } from '../sessions';
import { workspaceLabel } from '../sessions';

export type GroupBy = 'ticket' | 'workspace' | 'branch' | 'file' | 'session';
export const GROUP_BYS: readonly GroupBy[] = ['ticket', 'workspace', 'branch', 'file', 'session'];

/** A session as the timesheet sees it: the branch comes from this machine's ledger, the ticket from the branch. */
export interface TimesheetSession extends InsightSession {
  branch?: string;
  ticket?: string;
}

/** The part of a session that falls on one local day. */
export interface DayPiece {
  session: TimesheetSession;
  day: string;
  start: number;
  end: number;
  seconds: number;
  /** The session crossed a midnight, so this is only part of it. */
  split: boolean;
}

export interface TimesheetRow {
  /** Stable within a range: the day and the group's key. */
  id: string;
  day: string;
  groupBy: GroupBy;
  /** The group's key ('' for sessions without a ticket or branch). */
  key: string;
  /** The group as a person reads it: the ticket, workspace, branch or file, or "No ticket". */
  label: string;
  /** Every ticket, branch, workspace and file of the row's sessions, sorted. */
  tickets: string[];
  branches: string[];
  workspaces: string[];
  files: string[];
  sessions: number;
  seconds: number;
  start: number;
  end: number;
  /** Part of a session that crossed midnight is in this row. */
  split: boolean;
  thisMachineSeconds: number;
  /** How many of the row's sessions this machine recorded. */
  thisMachineSessions: number;
}

/** Each day a session spans, with its active seconds shared in proportion to the time it spent in each. */
export function splitAtMidnight(session: TimesheetSession): DayPiece[] {
  const start = session.startedAt;
  const end = Math.max(start, session.lastActiveAt);
  const seconds = Math.max(0, Math.round(session.activeSeconds));
  const firstDay = dayKey(start);
  if (dayKey(end) === firstDay || end === start) {
    return [{ session, day: firstDay, start, end, seconds, split: false }];
  }
  const pieces: DayPiece[] = [];
  let given = 0;
  // A session of days is unusual; a year is the most any one can span here.
  for (let day = firstDay, from = start; from < end && pieces.length < 366; day = addDays(day, 1)) {
    const to = Math.min(end, startOfDay(addDays(day, 1)));
    const last = to >= end;
    const share = last ? seconds - given : Math.floor((seconds * (to - from)) / (end - start));
    given += share;
    pieces.push({ session, day, start: from, end: to, seconds: share, split: true });
    from = to;
  }
  return pieces;
}

function keyOf(session: TimesheetSession, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'ticket':
      return session.ticket ?? '';
    case 'branch':
      return session.branch ?? '';
    case 'workspace':
      return session.workspaceKey ?? session.workspace ?? '';
    case 'file':
      return session.activityId;
    case 'session':
      return session.id;
  }
}

export interface RowLabels {
  noTicket: string;
  noBranch: string;
}

function labelOf(session: TimesheetSession, groupBy: GroupBy, labels: RowLabels): string {
  switch (groupBy) {
    case 'ticket':
      return session.ticket ?? labels.noTicket;
    case 'branch':
      return session.branch ?? labels.noBranch;
    case 'workspace':
      return workspaceLabel(session);
    case 'file':
    case 'session':
      return session.file;
  }
}

/** The rows of the days from `from` to `to` (local day keys, both included), by day, then the most time first. */
export function timesheetRowsOf(
  sessions: readonly TimesheetSession[],
  range: { from: string; to: string },
  groupBy: GroupBy,
  labels: RowLabels,
): TimesheetRow[] {
  const rows = new Map<string, TimesheetRow & { sets: RowSets }>();
  for (const session of sessions) {
    for (const piece of splitAtMidnight(session)) {
      if (piece.day < range.from || piece.day > range.to) continue;
      const key = keyOf(session, groupBy);
      const id = `${piece.day}|${key}`;
      let row = rows.get(id);
      if (!row) {
        row = {
          ...{ id, day: piece.day, groupBy, key, label: labelOf(session, groupBy, labels) },
          ...{ tickets: [], branches: [], workspaces: [], files: [], sessions: 0, seconds: 0 },
          ...{ start: piece.start, end: piece.end, split: false, thisMachineSeconds: 0, thisMachineSessions: 0 },
          sets: {
            tickets: new Set(),
            branches: new Set(),
            workspaces: new Set(),
            files: new Set(),
            sessions: new Set(),
            mine: new Set(),
          },
        };
        rows.set(id, row);
      }
      const { sets } = row;
      if (session.ticket !== undefined) sets.tickets.add(session.ticket);
      if (session.branch !== undefined) sets.branches.add(session.branch);
      sets.workspaces.add(workspaceLabel(session));
      sets.files.add(session.file);
      sets.sessions.add(session.id);
      row.seconds += piece.seconds;
      if (session.thisMachine) {
        row.thisMachineSeconds += piece.seconds;
        sets.mine.add(session.id);
      }
      row.start = Math.min(row.start, piece.start);
      row.end = Math.max(row.end, piece.end);
      row.split ||= piece.split;
    }
  }
  return [...rows.values()]
    .map(({ sets, ...row }) => ({
      ...row,
      tickets: [...sets.tickets].sort(),
      branches: [...sets.branches].sort(),
      workspaces: [...sets.workspaces].sort(),
      files: [...sets.files].sort(),
      sessions: sets.sessions.size,
      thisMachineSessions: sets.mine.size,
    }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : b.seconds - a.seconds || (a.label < b.label ? -1 : 1)));
}

interface RowSets {
  tickets: Set<string>;
  branches: Set<string>;
  workspaces: Set<string>;
  files: Set<string>;
  sessions: Set<string>;
  mine: Set<string>;
}
