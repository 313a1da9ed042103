// Timesheet rows: sessions cut at local midnights (daylight saving days included), grouped by day and a key, with
// every second of the range's sessions in exactly one row.
import * as assert from 'node:assert/strict';
import { startOfDay } from '../../../../src/insights/calendar';
import { splitAtMidnight, timesheetRowsOf, GROUP_BYS, type TimesheetSession } from '../../../../src/insights/timesheet/rows';

const LABELS = { noTicket: 'No ticket', noBranch: 'No branch' };
const HOUR = 3_600_000;

function session(id: string, start: number, minutes: number, more: Partial<TimesheetSession> = {}): TimesheetSession {
  return {
    id,
    activityId: `a:${more.file ?? 'cart.ts'}`,
    file: 'cart.ts',
    workspaceKey: 'w:shop',
    workspace: 'shop',
    language: 'TypeScript',
    thisMachine: true,
    startedAt: start,
    lastActiveAt: start + minutes * 60_000,
    activeSeconds: minutes * 60,
    ...more,
  };
}

describe('timesheet rows', () => {
  const zone = process.env.TZ;
  before(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('cuts a session at midnight, sharing its active time by the time spent on each side, and says so', () => {
    const start = startOfDay('2026-12-07') + 23 * HOUR; // 23:00 to 01:00, 100 minutes active
    const pieces = splitAtMidnight({ ...session('s', start, 120), activeSeconds: 6_000 });
    assert.deepEqual(
      pieces.map((p) => [p.day, p.seconds, p.split]),
      [
        ['2026-12-07', 3_000, true],
        ['2026-12-08', 3_000, true],
      ],
    );
    assert.equal(pieces[0].end, startOfDay('2026-12-08'));
  });

  it('cuts at the real midnights of a day with 23 or 25 hours (clocks changing)', () => {
    const saturday = startOfDay('2026-03-28') + 22 * HOUR;
    const across = splitAtMidnight({ ...session('dst', saturday, 27 * 60), activeSeconds: 27 * 60 * 60 });
    assert.deepEqual(
      across.map((p) => [p.day, (p.end - p.start) / HOUR]),
      [
        ['2026-03-28', 2],
        ['2026-03-29', 23],
        ['2026-03-30', 2],
      ],
    );
    assert.equal(
      across.reduce((n, p) => n + p.seconds, 0),
      27 * 3_600,
      'no second lost or added',
    );
  });

  it('groups by day and ticket, listing files, sessions and machines; sessions without a ticket share a row', () => {
    const day = startOfDay('2026-12-07');
    const sessions = [
      session('1', day + 9 * HOUR, 30, { ticket: 'ABC-1', branch: 'feature/ABC-1' }),
      session('2', day + 10 * HOUR, 15, { ticket: 'ABC-1', branch: 'feature/ABC-1', file: 'api.ts', thisMachine: false }),
      session('3', day + 11 * HOUR, 20),
      session('4', day + 12 * HOUR, 10, { ticket: '#7', branch: 'fix/#7' }),
      session('5', day + 24 * HOUR + 9 * HOUR, 5, { ticket: 'ABC-1' }),
    ];
    const rows = timesheetRowsOf(sessions, { from: '2026-12-07', to: '2026-12-08' }, 'ticket', LABELS);
    assert.deepEqual(
      rows.map((r) => [r.day, r.label, r.seconds / 60, r.sessions, r.files, r.thisMachineSeconds / 60]),
      [
        ['2026-12-07', 'ABC-1', 45, 2, ['api.ts', 'cart.ts'], 30],
        ['2026-12-07', 'No ticket', 20, 1, ['cart.ts'], 20],
        ['2026-12-07', '#7', 10, 1, ['cart.ts'], 10],
        ['2026-12-08', 'ABC-1', 5, 1, ['cart.ts'], 5],
      ],
    );
    assert.deepEqual(rows[0].branches, ['feature/ABC-1']);
  });

  it('puts every second of the range in exactly one row, whatever the grouping (generated)', () => {
    let seed = 99;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const base = startOfDay('2026-10-20');
    const sessions = Array.from({ length: 300 }, (_, i) =>
      session(`g${i}`, base + Math.floor(random() * 10 * 24 * HOUR), Math.floor(random() * 600), {
        ...(random() < 0.6 ? { ticket: `T-${Math.floor(random() * 4)}` } : {}),
        ...(random() < 0.7 ? { branch: `b${Math.floor(random() * 3)}` } : {}),
        file: `f${Math.floor(random() * 5)}.ts`,
      }),
    );
    const inRange = sessions
      .flatMap(splitAtMidnight)
      .filter((p) => p.day >= '2026-10-22' && p.day <= '2026-10-27')
      .reduce((n, p) => n + p.seconds, 0);
    for (const groupBy of GROUP_BYS) {
      const rows = timesheetRowsOf(sessions, { from: '2026-10-22', to: '2026-10-27' }, groupBy, LABELS);
      assert.equal(
        rows.reduce((n, r) => n + r.seconds, 0),
        inRange,
        groupBy,
      );
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `${groupBy}: one row per day and key`);
    }
  });
});
