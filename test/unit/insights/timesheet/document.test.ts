// From sessions to the exported document: tickets from branches, the command's arguments checked one by one, and the
// review's edits (leave out, merge, rename, note) applied before the rounding rule.
import * as assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';
import fc from 'fast-check';
import { startOfDay } from '../../../../src/insights/calendar';
import { draftRows, reviewRows, timesheetDocument, withTickets } from '../../../../src/insights/timesheet/document';
import { exportRequestOf, ruleOf } from '../../../../src/insights/timesheet/exportArgs';
import type { TimesheetSession } from '../../../../src/insights/timesheet/rows';
import { DEFAULT_TICKET_PATTERN, ticketMatcher, type TicketMatcher } from '../../../../src/insights/timesheet/tickets';

const LABELS = { noTicket: 'No ticket', noBranch: 'No branch' };
const DAY = startOfDay('2026-12-07');
const MIN = 60_000;

function session(id: string, minutes: number, branch?: string, at = 9): TimesheetSession {
  const startedAt = DAY + at * 3_600_000;
  return {
    id,
    activityId: `a:${id}`,
    file: `${id}.ts`,
    workspaceKey: 'w:shop',
    workspace: 'shop',
    language: 'TypeScript',
    thisMachine: true,
    startedAt,
    lastActiveAt: startedAt + minutes * MIN,
    activeSeconds: minutes * 60,
    ...(branch ? { branch } : {}),
  };
}

describe('timesheet document', () => {
  const matcher = ticketMatcher(DEFAULT_TICKET_PATTERN) as TicketMatcher;
  const request = { from: '2026-12-07', to: '2026-12-07', groupBy: 'ticket' as const };

  it('works out sessions in, rows out: tickets from branches, rounding per row', () => {
    const sessions = withTickets(
      [
        session('cart', 50, 'feature/ABC-12-cart'),
        session('api', 20, 'feature/ABC-12-api', 11),
        session('login', 7, 'fix/#88-login', 13),
        session('readme', 4, 'main', 14),
      ],
      matcher,
    );
    const rows = draftRows(sessions, request, LABELS);
    const document = timesheetDocument(rows, { ...request, rule: { minutes: 15, mode: 'up', per: 'row' } }, 'UTC');
    assert.deepEqual(
      document.rows.map((r) => [r.label, r.seconds / 60, r.billedSeconds / 60, r.files]),
      [
        ['ABC-12', 70, 75, ['api.ts', 'cart.ts']],
        ['#88', 7, 15, ['login.ts']],
        ['No ticket', 4, 15, ['readme.ts']],
      ],
    );
  });

  it('takes the ticket from the commit line when the branch has none, and from the branch first', () => {
    const sessions = withTickets(
      [
        { ...session('fix', 10, 'main'), commitSubject: 'Fix rounding (closes #812)' },
        { ...session('both', 10, 'feature/ABC-3'), commitSubject: 'Refs XYZ-9' },
        { ...session('none', 10, 'main'), commitSubject: 'Tidy up' },
      ],
      matcher,
    );
    assert.deepEqual(
      sessions.map((s) => s.ticket),
      ['#812', 'ABC-3', undefined],
    );
  });

  it('applies the review: a row left out, two merged, one renamed, a note; then bills the result', () => {
    const sessions = withTickets(
      [session('a', 30, 'feature/ABC-1'), session('b', 10, 'feature/ABC-2', 10), session('c', 5, 'main', 11)],
      matcher,
    );
    const rows = draftRows(sessions, request, LABELS);
    const [abc1, abc2, none] = rows.map((r) => r.id);
    const reviewed = reviewRows(rows, { left: [none], merged: [[abc1, abc2]], renamed: { [abc1]: 'ABC-1 and 2' } });
    assert.deepEqual(
      reviewed.map((r) => [r.label, r.seconds / 60, r.sessions, r.tickets]),
      [['ABC-1 and 2', 40, 2, ['ABC-1', 'ABC-2']]],
    );
    const document = timesheetDocument(reviewed, { ...request, rule: { minutes: 30, mode: 'nearest', per: 'day' } }, 'UTC', {
      [abc1]: 'Checkout work',
    });
    assert.deepEqual(
      document.rows.map((r) => [r.billedSeconds / 60, r.note]),
      [[30, 'Checkout work']],
    );
  });

  it('ignores edits that name no row, or a row left out, and never counts a row twice (generated)', () => {
    const sessions = withTickets(
      Array.from({ length: 12 }, (_, i) => session(`s${i}`, 5 + i, i % 4 === 0 ? 'main' : `feature/T-${i % 5}`, 8 + (i % 9))),
      matcher,
    );
    const rows = draftRows(sessions, request, LABELS);
    const ids = [...rows.map((r) => r.id), 'nonsense', '__proto__'];
    fc.assert(
      fc.property(fc.subarray(ids), fc.array(fc.subarray(ids), { maxLength: 3 }), (left, merged) => {
        const reviewed = reviewRows(rows, { left, merged });
        const kept = rows.filter((r) => !left.includes(r.id));
        assert.equal(
          reviewed.reduce((n, r) => n + r.seconds, 0),
          kept.reduce((n, r) => n + r.seconds, 0),
          'every kept second once',
        );
        assert.ok(reviewed.every((r) => !left.includes(r.id)));
      }),
    );
  });

  it('checks every argument of the command and names the one that is wrong', () => {
    const now = DAY + 12 * 3_600_000;
    const ok = exportRequestOf(
      { from: '2026-11-01', to: '2026-11-30', groupBy: 'branch', rounding: { minutes: 6 }, format: 'markdown', decimal: ',' },
      now,
      isAbsolute,
    );
    assert.deepEqual(ok, {
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'branch',
      rule: { minutes: 6, mode: 'up', per: 'row' },
      format: 'markdown',
      decimal: ',',
    });
    const defaults = exportRequestOf(undefined, now, isAbsolute);
    assert.ok(
      typeof defaults === 'object' &&
        defaults.groupBy === 'ticket' &&
        defaults.rule.minutes === 0 &&
        defaults.to === '2026-12-07',
    );
    const wrong: [unknown, RegExp][] = [
      [{ from: '2026-13-01' }, /YYYY-MM-DD/],
      [{ from: '2026-12-07', to: '2026-12-01' }, /before it starts/],
      [{ groupBy: 'project' }, /groupBy is one of/],
      [{ rounding: { minutes: 10 } }, /rounding.minutes is one of/],
      [{ rounding: { minutes: 15, mode: 'down' } }, /rounding.mode/],
      [{ rounding: { minutes: 15, per: 'week' } }, /rounding.per/],
      [{ rounding: 15 }, /rounding is an object/],
      [{ format: 'xlsx' }, /format is one of/],
      [{ decimal: ';' }, /decimal is/],
      [{ path: 'relative/sheet.csv' }, /must be absolute/],
      [{ path: { toString: () => '/etc/passwd' } }, /must be absolute/],
    ];
    for (const [args, message] of wrong) {
      const result = exportRequestOf(args, now, isAbsolute);
      assert.equal(typeof result, 'string', JSON.stringify(args));
      assert.match(result as string, message);
    }
    assert.deepEqual(ruleOf('none'), { minutes: 0, mode: 'up', per: 'row' });
    const fromPath = exportRequestOf({ path: '/tmp/sheet.MD' }, now, isAbsolute);
    assert.ok(typeof fromPath === 'object' && fromPath.format === 'markdown', 'the path’s extension names the format');
  });
});
