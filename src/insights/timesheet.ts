// The timesheet export: one row per session, as CSV (safe to open in a spreadsheet) or JSON.
import { dayKey } from './calendar';
import { InsightsQuery, selectSessions } from './aggregate';
import { InsightSession, workspaceLabel } from './sessions';

export type TimesheetFormat = 'csv' | 'json';

export interface TimesheetRow {
  day: string;
  workspace: string;
  file: string;
  language: string;
  /** ISO 8601, UTC. */
  start: string;
  end: string;
  activeMinutes: number;
  machine: 'this' | 'other';
}

export const TIMESHEET_COLUMNS: readonly (keyof TimesheetRow)[] = [
  'day',
  'workspace',
  'file',
  'language',
  'start',
  'end',
  'activeMinutes',
  'machine',
];

/** Active minutes with two decimals, so a day's rows add up to its total within rounding. */
export function activeMinutes(seconds: number): number {
  return Math.round((seconds / 60) * 100) / 100;
}

export function timesheetRows(sessions: readonly InsightSession[], query: InsightsQuery): TimesheetRow[] {
  return selectSessions(sessions, query)
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
    .map((s) => ({
      day: dayKey(s.startedAt),
      workspace: workspaceLabel(s),
      file: s.file,
      language: s.language,
      start: new Date(s.startedAt).toISOString(),
      end: new Date(s.lastActiveAt).toISOString(),
      activeMinutes: activeMinutes(s.activeSeconds),
      machine: s.thisMachine ? 'this' : 'other',
    }));
}

/**
 * One CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula, so such text gets a leading apostrophe; every cell is quoted when it holds a separator, quote or line break.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly TimesheetRow[]): string {
  const lines = [
    TIMESHEET_COLUMNS.join(','),
    ...rows.map((row) => TIMESHEET_COLUMNS.map((column) => csvCell(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly TimesheetRow[], query: InsightsQuery): string {
  return `${JSON.stringify({ from: query.from, to: query.to, rows }, null, 2)}\n`;
}

export function renderTimesheet(rows: readonly TimesheetRow[], query: InsightsQuery, format: TimesheetFormat): string {
  return format === 'csv' ? toCsv(rows) : toJson(rows, query);
}
