// The reviewed timesheet as files that paste cleanly: CSV written by csv-stringify (text that a spreadsheet would run
// as a formula is escaped, numbers stay numbers, decimals with a point or a comma), JSON that follows
// media/timesheet/timesheet.schema.json, and a Markdown table. Each states the rounding rule and the time zone. Pure.
import { stringify } from 'csv-stringify/sync';
import type { GroupBy, TimesheetRow } from './rows';
import { describeRule, type RoundingRule } from './rounding';
import type { DecimalMark } from './choices';
import { hours, hoursAndMinutes } from './units';

export { hours, hoursAndMinutes } from './units';
import { totalsOf } from './totals';

export { totalsOf, type Totals } from './totals';

/** A row as the person left it in the review: billed under the rule, maybe with a note. */
export interface ReviewedRow extends TimesheetRow {
  billedSeconds: number;
  note?: string;
}

export interface TimesheetDocument {
  from: string;
  to: string;
  groupBy: GroupBy;
  rule: RoundingRule;
  /** The IANA zone the days were cut in (their midnights are local). */
  timeZone: string;
  rows: readonly ReviewedRow[];
}

export type { DecimalMark, TimesheetFileFormat } from './choices';

export const TIMESHEET_SCHEMA_ID = 'https://activity-feed.github.io/schemas/timesheet-1.json';

const CSV_COLUMNS = [
  'day',
  'group',
  'tickets',
  'branches',
  'workspaces',
  'files',
  'sessions',
  'this_machine_sessions',
  'active_hours',
  'active_hmm',
  'billed_hours',
  'billed_hmm',
  'note',
  'split_at_midnight',
  'rounding',
  'time_zone',
] as const;

export function toCsv(document: TimesheetDocument, decimal: DecimalMark = '.'): string {
  const rule = describeRule(document.rule);
  const records = document.rows.map((row) => [
    row.day,
    row.label,
    row.tickets.join('; '),
    row.branches.join('; '),
    row.workspaces.join('; '),
    row.files.join('; '),
    row.sessions,
    row.thisMachineSessions,
    hours(row.seconds),
    hoursAndMinutes(row.seconds),
    hours(row.billedSeconds),
    hoursAndMinutes(row.billedSeconds),
    row.note ?? '',
    row.split ? 'yes' : 'no',
    rule,
    document.timeZone,
  ]);
  return stringify(records, {
    header: true,
    columns: CSV_COLUMNS.map((column) => (column === 'group' ? document.groupBy : column)),
    // A comma for decimals means a semicolon between cells, as spreadsheets in those locales expect.
    delimiter: decimal === ',' ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (value) => (decimal === ',' ? String(value).replace('.', ',') : String(value)) },
  });
}

export function toJson(document: TimesheetDocument): string {
  const totals = totalsOf(document.rows);
  const body = {
    $schema: TIMESHEET_SCHEMA_ID,
    version: 1,
    from: document.from,
    to: document.to,
    groupBy: document.groupBy,
    rounding: { ...document.rule, description: describeRule(document.rule) },
    timeZone: document.timeZone,
    rows: document.rows.map((row) => ({
      day: row.day,
      group: row.label,
      key: row.key,
      tickets: row.tickets,
      branches: row.branches,
      workspaces: row.workspaces,
      files: row.files,
      sessions: row.sessions,
      thisMachineSessions: row.thisMachineSessions,
      start: new Date(row.start).toISOString(),
      end: new Date(row.end).toISOString(),
      activeSeconds: row.seconds,
      activeHours: hours(row.seconds),
      billedSeconds: row.billedSeconds,
      billedHours: hours(row.billedSeconds),
      splitAtMidnight: row.split,
      ...(row.note ? { note: row.note } : {}),
    })),
    totals: {
      weeks: totals.weeks.map((week) => ({
        weekOf: week.weekOf,
        activeHours: hours(week.seconds),
        billedHours: hours(week.billedSeconds),
      })),
      activeHours: hours(totals.seconds),
      billedHours: hours(totals.billedSeconds),
    },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Text in a Markdown table cell: no pipe, line break or HTML can change the table around it. */
export function markdownCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\|`*_[\]<>]/g, (character) => `\\${character}`)
    .trim();
}

export interface MarkdownLabels {
  heading: string;
  columns: { day: string; group: string; files: string; sessions: string; active: string; billed: string; note: string };
  weekOf: string;
  total: string;
  rule: string;
  splitMark: string;
}

export function toMarkdown(document: TimesheetDocument, labels: MarkdownLabels): string {
  const { columns } = labels;
  const lines = [
    `### ${markdownCell(labels.heading)}`,
    '',
    `| ${[columns.day, columns.group, columns.files, columns.sessions, columns.active, columns.billed, columns.note].map(markdownCell).join(' | ')} |`,
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
    ...document.rows.map(
      (row) =>
        `| ${[
          row.day,
          `${markdownCell(row.label)}${row.split ? ` ${labels.splitMark}` : ''}`,
          row.files.map(markdownCell).join(', '),
          String(row.sessions),
          `${hours(row.seconds).toFixed(2)} (${hoursAndMinutes(row.seconds)})`,
          `${hours(row.billedSeconds).toFixed(2)} (${hoursAndMinutes(row.billedSeconds)})`,
          markdownCell(row.note ?? ''),
        ].join(' | ')} |`,
    ),
    '',
  ];
  const totals = totalsOf(document.rows);
  for (const week of totals.weeks)
    lines.push(
      `- ${markdownCell(labels.weekOf)} ${week.weekOf}: ${hours(week.billedSeconds).toFixed(2)} h (${hoursAndMinutes(week.billedSeconds)})`,
    );
  lines.push(
    `- **${markdownCell(labels.total)}: ${hours(totals.billedSeconds).toFixed(2)} h (${hoursAndMinutes(totals.billedSeconds)})**`,
  );
  lines.push('', `_${markdownCell(labels.rule)}_`, '');
  return lines.join('\n');
}
