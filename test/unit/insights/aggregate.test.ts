import * as assert from 'node:assert/strict';
import { computeInsights, MAX_STACKS, NO_BRANCH, OTHER_STACK } from '../../../src/insights/aggregate';
import { addDays, dayKey, startOfDay } from '../../../src/insights/calendar';
import { InsightSession, toInsightSessions } from '../../../src/insights/sessions';
import type { UserActivityResponse } from '../../../src/graph/types';

const TODAY = '2026-11-26'; // a Thursday
const NOW = startOfDay(TODAY) + 15 * 3_600_000;

function at(day: string, hour: number, minute = 0): number {
  return startOfDay(day) + hour * 3_600_000 + minute * 60_000;
}

let next = 0;
function session(day: string, hour: number, seconds: number, more: Partial<InsightSession> = {}): InsightSession {
  const startedAt = at(day, hour);
  next += 1;
  return {
    id: `s${next}`,
    activityId: 'a:main.ts',
    file: 'main.ts',
    workspaceKey: 'w:shop',
    workspace: 'shop',
    language: 'TypeScript',
    thisMachine: false,
    startedAt,
    lastActiveAt: startedAt + seconds * 1000 + 60_000,
    activeSeconds: seconds,
    ...more,
  };
}

describe('Insights aggregation', () => {
  const sessions = [
    session(TODAY, 9, 1200, { thisMachine: true }),
    session(TODAY, 14, 600, { activityId: 'a:notes.md', file: 'notes.md', language: 'Markdown' }),
    session(addDays(TODAY, -1), 9, 1800, { workspaceKey: 'w:blog', workspace: undefined }),
    session(addDays(TODAY, -3), 23, 300),
    session(addDays(TODAY, -10), 10, 3600, { thisMachine: true }),
    session(addDays(TODAY, -40), 10, 9999),
  ];

  it('totals today, this week (from Monday), the range and the daily average', () => {
    const insights = computeInsights(sessions, { from: addDays(TODAY, -6), to: TODAY }, NOW);
    assert.equal(insights.totals.today, 1800);
    assert.equal(insights.totals.week, 1800 + 1800 + 300, 'Monday 23 November to Thursday');
    assert.equal(insights.totals.range, 1800 + 1800 + 300);
    assert.equal(insights.totals.days, 7);
    assert.equal(insights.totals.dailyAverage, Math.round(3900 / 7));
  });

  it('gives every day of the range a bar, stacked by workspace, with unresolved tags shortened', () => {
    const insights = computeInsights(sessions, { from: addDays(TODAY, -6), to: TODAY }, NOW);
    assert.deepEqual(
      insights.days.map((d) => d.day),
      [-6, -5, -4, -3, -2, -1, 0].map((n) => addDays(TODAY, n)),
    );
    assert.deepEqual(
      insights.days.map((d) => d.seconds),
      [0, 0, 0, 300, 0, 1800, 1800],
    );
    assert.equal(insights.stackBy, 'workspace');
    assert.deepEqual(insights.days[5].byStack, { 'w:blog': 1800 });
    assert.deepEqual(
      insights.stacks.map((s) => s.label),
      ['shop', 'Workspace blog'],
    );
  });

  it('stacks by language when no session carries a workspace', () => {
    const noWorkspaces = sessions.map(({ workspaceKey: _k, workspace: _w, ...rest }) => rest);
    const insights = computeInsights(noWorkspaces, { from: TODAY, to: TODAY }, NOW);
    assert.equal(insights.stackBy, 'language');
    assert.deepEqual(insights.days[0].byStack, { TypeScript: 1200, Markdown: 600 });
  });

  it('folds the smallest stacks into Other so the chart stays readable', () => {
    const many = Array.from({ length: MAX_STACKS + 3 }, (_, i) =>
      session(TODAY, 10, 100 + i, { workspaceKey: `w:${i}`, workspace: `ws${i}` }),
    );
    const insights = computeInsights(many, { from: TODAY, to: TODAY }, NOW);
    assert.equal(insights.stacks.length, MAX_STACKS);
    assert.equal(insights.stacks.at(-1)?.key, OTHER_STACK);
    assert.equal(insights.stacks.at(-1)?.seconds, 100 + 101 + 102 + 103);
    assert.equal(
      Object.values(insights.days[0].byStack).reduce((a, b) => a + b, 0),
      insights.totals.range,
    );
  });

  it('ranks files, workspaces and the longest sessions; puts time in the weekday × hour heat map', () => {
    const insights = computeInsights(sessions, { from: addDays(TODAY, -30), to: TODAY }, NOW);
    assert.deepEqual(
      insights.topFiles.map((f) => [f.label, f.seconds, f.sessions]),
      [
        ['main.ts', 1200 + 1800 + 300 + 3600, 4],
        ['notes.md', 600, 1],
      ],
    );
    assert.deepEqual(
      insights.topWorkspaces.map((w) => [w.label, w.seconds]),
      [
        ['shop', 5700],
        ['Workspace blog', 1800],
      ],
    );
    assert.deepEqual(
      insights.longestSessions.map((s) => s.seconds),
      [3600, 1800, 1200, 600, 300],
    );
    assert.equal(insights.heatmap[3][9], 1200, 'Thursday 09:00');
    assert.equal(insights.heatmap[0][23], 300, 'Monday 23:00');
    assert.equal(
      insights.heatmap.flat().reduce((a, b) => a + b, 0),
      insights.totals.range,
    );
  });

  it("puts this machine's share next to all machines", () => {
    const insights = computeInsights(sessions, { from: addDays(TODAY, -30), to: TODAY }, NOW);
    assert.deepEqual(insights.machines, { thisMachine: 4800, all: 7500 });
  });

  it('filters by workspace and language update every figure at once, and the options stay complete', () => {
    const insights = computeInsights(
      sessions,
      { from: addDays(TODAY, -30), to: TODAY, workspace: 'w:shop', language: 'TypeScript' },
      NOW,
    );
    assert.equal(insights.totals.range, 1200 + 300 + 3600);
    assert.equal(insights.totals.today, 1200);
    assert.deepEqual(
      insights.topFiles.map((f) => f.label),
      ['main.ts'],
    );
    assert.equal(insights.machines.all, 5100);
    assert.deepEqual(
      insights.options.languages.map((l) => l.key),
      ['TypeScript', 'Markdown'],
      'languages of the chosen workspace',
    );
    assert.deepEqual(
      insights.options.workspaces.map((w) => w.key),
      ['w:shop', 'w:blog'],
      'workspaces of the chosen language',
    );
  });

  it('reads the feed: language and workspace tag from contentInfo, names and machine from the resolver', () => {
    const feed: UserActivityResponse[] = [
      {
        id: 'g1',
        appActivityId: 'h:abc',
        activitySourceHost: 'https://x.test',
        activationUrl: 'vscode://x',
        visualElements: { displayText: 'Editing a Rust file' },
        contentInfo: { programmingLanguage: 'Rust', isPartOf: { identifier: 'w:feed' } },
        historyItems: [
          {
            id: 'mine',
            startedDateTime: new Date(at(TODAY, 8)).toISOString(),
            lastActiveDateTime: new Date(at(TODAY, 9)).toISOString(),
            activeDurationSeconds: 3000,
          },
          {
            id: 'theirs',
            startedDateTime: new Date(at(TODAY, 10)).toISOString(),
            lastActiveDateTime: new Date(at(TODAY, 11)).toISOString(),
            activeDurationSeconds: 2000,
          },
        ],
      },
      {
        id: 'g2',
        appActivityId: 'h:def',
        activitySourceHost: 'https://x.test',
        activationUrl: 'vscode://y',
        visualElements: { displayText: 'lib.py' },
        historyItems: [{ id: 'x', startedDateTime: new Date(at(TODAY, 12)).toISOString(), activeDurationSeconds: 60 }],
      },
    ];
    const flat = toInsightSessions(feed, {
      fileOf: (id) => (id === 'h:abc' ? 'src/main.rs' : undefined),
      workspaceOf: (tag) => (tag === 'w:feed' ? 'engine' : undefined),
      isThisMachine: (id) => id === 'mine',
    });
    const byId = new Map(flat.map((s) => [s.id, s]));
    assert.deepEqual(
      {
        file: byId.get('mine')?.file,
        workspace: byId.get('mine')?.workspace,
        language: byId.get('mine')?.language,
        thisMachine: byId.get('mine')?.thisMachine,
      },
      { file: 'src/main.rs', workspace: 'engine', language: 'Rust', thisMachine: true },
    );
    assert.equal(byId.get('theirs')?.thisMachine, false);
    assert.equal(byId.get('x')?.file, 'lib.py', 'an unknown file keeps its published name');
    assert.equal(byId.get('x')?.workspaceKey, undefined);
    assert.equal(dayKey(byId.get('x')?.startedAt ?? 0), TODAY);
  });
});

describe('Insights aggregation against a plain recount', () => {
  // The figures compare instants with each day's midnight instead of building a day key per session; a day key per
  // session, counted the slow way, must give the same figures on any day, in a zone with daylight saving time.
  const zone = process.env.TZ;
  before(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  function recount(all: readonly InsightSession[], from: string, to: string, today: string) {
    const inRange = all.filter((s) => dayKey(s.startedAt) >= from && dayKey(s.startedAt) <= to);
    const perDay = new Map<string, number>();
    for (const s of inRange) perDay.set(dayKey(s.startedAt), (perDay.get(dayKey(s.startedAt)) ?? 0) + s.activeSeconds);
    const heat = new Map<string, number>();
    for (const s of inRange) {
      const key = `${(new Date(s.startedAt).getDay() + 6) % 7}:${new Date(s.startedAt).getHours()}`;
      heat.set(key, (heat.get(key) ?? 0) + s.activeSeconds);
    }
    const monday = addDays(today, -((new Date(startOfDay(today)).getDay() + 6) % 7));
    const total = (list: readonly InsightSession[]) => list.reduce((n, s) => n + s.activeSeconds, 0);
    return {
      perDay,
      heat,
      today: total(all.filter((s) => dayKey(s.startedAt) === today)),
      week: total(all.filter((s) => dayKey(s.startedAt) >= monday && dayKey(s.startedAt) <= today)),
      longest: [...inRange]
        .sort((a, b) => b.activeSeconds - a.activeSeconds || a.startedAt - b.startedAt)
        .slice(0, 10)
        .map((s) => s.id),
    };
  }

  it('gives every day, the heat map, today, the week and the longest sessions as counted day key by day key', () => {
    let seed = 20261208;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Around both of Berlin's clock changes of 2026 (29 March, 25 October), at any minute of the day.
    for (const around of ['2026-03-29', '2026-10-25', '2026-12-31']) {
      const base = startOfDay(around);
      const all: InsightSession[] = Array.from({ length: 600 }, (_, i) => {
        const anyInstant = base + Math.floor((random() - 0.5) * 20 * 86_400_000);
        // One in ten starts on the stroke of a midnight, where a day ends and the next begins.
        const startedAt = random() < 0.1 ? startOfDay(dayKey(anyInstant)) : anyInstant;
        const seconds = Math.floor(random() * 8) * 300;
        return { ...session(TODAY, 0, seconds), id: `r${i}`, startedAt, lastActiveAt: startedAt + seconds * 1000 };
      });
      const from = addDays(around, -Math.floor(random() * 8));
      const to = addDays(around, Math.floor(random() * 8));
      const today = addDays(around, 3);
      const insights = computeInsights(all, { from, to }, startOfDay(today) + 13 * 3_600_000);
      const expected = recount(all, from, to, today);
      for (const day of insights.days) assert.equal(day.seconds, expected.perDay.get(day.day) ?? 0, `${around}: ${day.day}`);
      assert.equal(
        insights.days.reduce((n, d) => n + d.seconds, 0),
        [...expected.perDay.values()].reduce((n, v) => n + v, 0),
        `${around}: no session falls outside the days`,
      );
      insights.heatmap.forEach((hours, weekday) =>
        hours.forEach((seconds, hour) =>
          assert.equal(seconds, expected.heat.get(`${weekday}:${hour}`) ?? 0, `${around}: ${weekday} ${hour}h`),
        ),
      );
      assert.equal(insights.totals.today, expected.today, `${around}: today`);
      assert.equal(insights.totals.week, expected.week, `${around}: this week`);
      assert.deepEqual(
        insights.longestSessions.map((s) => s.id),
        expected.longest,
        `${around}: the longest sessions`,
      );
    }
  });
});

describe('Insights by branch and by ticket', () => {
  const branched = [
    session(TODAY, 9, 1200, { thisMachine: true, branch: 'feature/ABC-1-cart', ticket: 'ABC-1' }),
    session(TODAY, 10, 600, { thisMachine: true, branch: 'feature/ABC-1-api', ticket: 'ABC-1' }),
    session(TODAY, 11, 300, { thisMachine: true, branch: 'main' }),
    session(TODAY, 12, 900),
  ];

  it('totals each branch and ticket, with the sessions that have none (other machines’) under No branch / No ticket', () => {
    const insights = computeInsights(branched, { from: TODAY, to: TODAY }, NOW);
    assert.deepEqual(
      insights.topTickets.map((t) => [t.label, t.seconds]),
      [
        ['ABC-1', 1800],
        ['No ticket', 1200],
      ],
    );
    assert.deepEqual(
      insights.topBranches.map((b) => [b.label, b.seconds]),
      [
        ['feature/ABC-1-cart', 1200],
        ['No branch', 900],
        ['feature/ABC-1-api', 600],
        ['main', 300],
      ],
    );
  });

  it('filters by ticket and by branch like any other filter, and the options stay complete', () => {
    const byTicket = computeInsights(branched, { from: TODAY, to: TODAY, ticket: 'ABC-1' }, NOW);
    assert.equal(byTicket.totals.range, 1800);
    assert.deepEqual(
      byTicket.options.tickets.map((t) => t.label),
      ['ABC-1', 'No ticket'],
    );
    const noBranch = computeInsights(branched, { from: TODAY, to: TODAY, branch: NO_BRANCH }, NOW);
    assert.equal(noBranch.totals.range, 900);
    assert.equal(noBranch.machines.thisMachine, 0);
  });
});
