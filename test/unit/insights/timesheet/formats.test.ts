// The exported files: CSV read back by the same library's parser (formulas escaped, numbers as numbers, a comma for
// decimals with semicolons between cells), JSON valid against the shipped schema, Markdown no cell can break.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  hoursAndMinutes,
  markdownCell,
  toCsv,
  toJson,
  toMarkdown,
  TIMESHEET_SCHEMA_ID,
  type ReviewedRow,
  type TimesheetDocument,
} from '../../../../src/insights/timesheet/formats';

const SCHEMA = path.resolve(__dirname, '../../../../media/insights/timesheet.schema.json');
const LABELS = {
  heading: 'Timesheet 2026-12-07 to 2026-12-08',
  columns: {
    day: 'Day',
    group: 'Ticket',
    files: 'Files',
    sessions: 'Sessions',
    active: 'Active (h)',
    billed: 'Billed (h)',
    note: 'Note',
  },
  weekOf: 'Week of',
  total: 'Total',
  rule: 'Rounding: 15 min, up, per row. Days in Europe/Berlin.',
  splitMark: '(split at midnight)',
};

function row(day: string, label: string, seconds: number, billedSeconds: number, more: Partial<ReviewedRow> = {}): ReviewedRow {
  return {
    id: `${day}|${label}`,
    day,
    groupBy: 'ticket',
    key: label,
    label,
    tickets: [label],
    branches: [`feature/${label}`],
    workspaces: ['shop'],
    files: ['src/cart.ts', 'src/api.ts'],
    sessions: 2,
    seconds,
    billedSeconds,
    start: Date.parse(`${day}T09:00:00Z`),
    end: Date.parse(`${day}T10:00:00Z`),
    split: false,
    thisMachineSeconds: seconds,
    thisMachineSessions: 1,
    ...more,
  };
}

const DOCUMENT: TimesheetDocument = {
  from: '2026-12-07',
  to: '2026-12-08',
  groupBy: 'ticket',
  rule: { minutes: 15, mode: 'up', per: 'row' },
  timeZone: 'Europe/Berlin',
  rows: [
    row('2026-12-07', 'ABC-1', 2_700, 2_700, { note: '=HYPERLINK("http://evil.example","x")' }),
    row('2026-12-07', '+SUM(A1)', 1_000, 1_800, { files: ['@cmd|calc.ts', 'a,b "c".ts'], split: true }),
    row('2026-12-08', '-1', 5_430, 5_400),
  ],
};

/** Any text, often starting as a formula would (or with the apostrophe that defuses one). */
const cellText = fc
  .tuple(fc.constantFrom('', '', '=', '+', '-', '@', '\t', '\r', "'", "'="), fc.string({ maxLength: 60 }))
  .map(([start, rest]) => `${start}${rest}`);

describe('timesheet files', () => {
  it('CSV: a reader gets back every cell, formulas escaped, numbers as numbers, the rule and the zone on each row', () => {
    const records = parse<Record<string, unknown>>(toCsv(DOCUMENT), { columns: true, cast: true });
    assert.equal(records.length, 3);
    assert.deepEqual(Object.keys(records[0]).slice(0, 2), ['day', 'ticket'], 'the group column is named by the grouping');
    assert.equal(records[0].note, `'=HYPERLINK("http://evil.example","x")`);
    assert.equal(records[1].ticket, "'+SUM(A1)");
    assert.equal(records[1].files, '\'@cmd|calc.ts; a,b "c".ts');
    assert.equal(records[2].ticket, "'-1");
    assert.equal(records[0].active_hours, 0.75);
    assert.equal(records[2].billed_hours, 1.5);
    assert.equal(records[2].active_hmm, '1:31');
    assert.equal(records[1].split_at_midnight, 'yes');
    assert.equal(records[0].rounding, '15 min, up, per row');
    assert.equal(records[0].time_zone, 'Europe/Berlin');
  });

  it('CSV with a comma for decimals: semicolons between cells, and a reader of that locale gets the same numbers', () => {
    const text = toCsv(DOCUMENT, ',');
    assert.match(text.split('\r\n')[1], /;0,75;0:45;0,75;/);
    const records = parse<Record<string, string>>(text, { columns: true, delimiter: ';' });
    assert.equal(Number(records[2].billed_hours.replace(',', '.')), 1.5);
    assert.equal(records[1].files, '\'@cmd|calc.ts; a,b "c".ts');
  });

  it('CSV holds any text a repository can put in a file or branch name (generated)', () => {
    fc.assert(
      fc.property(cellText, cellText, (label, note) => {
        const one = { ...DOCUMENT, rows: [row('2026-12-07', label, 60, 900, { note, files: [label] })] };
        const [record] = parse<Record<string, string>>(toCsv(one), { columns: true, relax_quotes: false });
        // A text a spreadsheet would run gets exactly one leading apostrophe; any other text is written as it is.
        const written = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        assert.equal(record.ticket, written(label));
        assert.equal(record.note, written(note));
        assert.ok(!/^[=+\-@]/.test(record.ticket), 'no cell starts a formula');
      }),
    );
  });

  it('JSON: valid against the shipped schema, with totals per week and for the range', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
    const body = JSON.parse(toJson(DOCUMENT)) as {
      $schema: string;
      rounding: { description: string };
      totals: { weeks: { weekOf: string; billedHours: number }[]; billedHours: number };
      rows: { note?: string }[];
    };
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.equal(body.$schema, TIMESHEET_SCHEMA_ID);
    assert.equal(body.rounding.description, '15 min, up, per row');
    assert.deepEqual(body.totals.weeks, [{ weekOf: '2026-12-07', activeHours: 2.54, billedHours: 2.75 }]);
    assert.equal(body.totals.billedHours, 2.75);
    assert.equal(body.rows[0].note, DOCUMENT.rows[0].note, 'JSON keeps text as it is');
    assert.ok(!validate({ ...body, rows: [{ ...body.rows[0], sessions: 0 }] }), 'the schema refuses a row of no sessions');
  });

  it('Markdown: one table row per row, no cell able to break the table, totals and the rule below', () => {
    const text = toMarkdown(DOCUMENT, LABELS);
    const tableRows = text.split('\n').filter((line) => line.startsWith('| 2026'));
    assert.equal(tableRows.length, 3);
    for (const line of tableRows) assert.equal(line.split(/(?<!\\)\|/).length, 9, line);
    assert.match(
      text,
      /\| 2026-12-07 \| \+SUM\(A1\) \(split at midnight\) \| @cmd\\\|calc\.ts, a,b "c"\.ts \| 2 \| 0\.28 \(0:17\) \| 0\.50 \(0:30\) \|/,
    );
    assert.match(text, /- Week of 2026-12-07: 2\.75 h \(2:45\)/);
    assert.match(text, /\*\*Total: 2\.75 h \(2:45\)\*\*/);
    assert.match(text, /_Rounding: 15 min, up, per row\. Days in Europe\/Berlin\._/);
    assert.equal(markdownCell('a|b\nc<script>`d`'), 'a\\|b c\\<script\\>\\`d\\`');
    assert.equal(hoursAndMinutes(5_430), '1:31');
  });
});
