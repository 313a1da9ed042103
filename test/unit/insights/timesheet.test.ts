import * as assert from 'node:assert/strict';
import { startOfDay } from '../../../src/insights/calendar';
import type { InsightSession } from '../../../src/insights/sessions';
import { csvCell, timesheetRows, toCsv, toJson } from '../../../src/insights/timesheet';

const DAY = '2026-11-20';

function session(id: string, hour: number, seconds: number, more: Partial<InsightSession> = {}): InsightSession {
  const startedAt = startOfDay(DAY) + hour * 3_600_000;
  return {
    id,
    activityId: id,
    file: `${id}.ts`,
    workspaceKey: 'w:ab12cd34ef',
    language: 'TypeScript',
    thisMachine: false,
    startedAt,
    lastActiveAt: startedAt + 1_800_000,
    activeSeconds: seconds,
    ...more,
  };
}

describe('timesheet export', () => {
  const sessions = [
    session('late', 15, 90, { thisMachine: true, workspace: 'shop' }),
    session('early', 9, 1500),
    session('outside', -30, 60),
  ];
  const query = { from: DAY, to: DAY };

  it('has one row per session in the range, oldest first, with names resolved where known', () => {
    const rows = timesheetRows(sessions, query);
    assert.deepEqual(
      rows.map((r) => [r.day, r.workspace, r.file, r.language, r.activeMinutes, r.machine]),
      [
        [DAY, 'Workspace ab12cd', 'early.ts', 'TypeScript', 25, 'other'],
        [DAY, 'shop', 'late.ts', 'TypeScript', 1.5, 'this'],
      ],
    );
    assert.equal(rows[0].start, new Date(startOfDay(DAY) + 9 * 3_600_000).toISOString());
    assert.equal(rows[0].end, new Date(startOfDay(DAY) + 9 * 3_600_000 + 1_800_000).toISOString());
  });

  it('writes CSV with a header, quoted where needed, and defuses cells a spreadsheet would run as formulas', () => {
    for (const danger of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      assert.ok(csvCell(danger).replace(/^"/, '').startsWith("'"), `${JSON.stringify(danger)} is defused`);
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell(12.5), '12.5');
    const csv = toCsv(timesheetRows([session('=cmd|calc', 10, 60, { file: '=cmd|calc' })], query));
    const [header, row] = csv.trimEnd().split('\r\n');
    assert.equal(header, 'day,workspace,file,language,start,end,activeMinutes,machine');
    assert.ok(row.includes(",'=cmd|calc,"), row);
  });

  it('writes JSON with the range and the same rows', () => {
    const rows = timesheetRows(sessions, query);
    assert.deepEqual(JSON.parse(toJson(rows, query)), { from: DAY, to: DAY, rows });
  });
});
