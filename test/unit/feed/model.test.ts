import * as assert from 'node:assert/strict';
import type { UserActivityResponse } from '../../../src/graph/types';
import { groupActivities, groupPending, toPublishedActivities } from '../../../src/feed/model';
import type { Session } from '../../../src/tracking/types';

const day = (iso: string) => iso.slice(0, 10);
const grouping = {
  dayOf: (ms: number) => day(new Date(ms).toISOString()),
  workspaceOf: (uri: string) =>
    uri.startsWith('file:///work/alpha/') ? 'alpha' : uri.startsWith('file:///work/beta/') ? 'beta' : undefined,
};

function activity(appActivityId: string, items: [string, string, string, number?][]): UserActivityResponse {
  return {
    id: `srv-${appActivityId}`,
    appActivityId,
    activitySourceHost: 'https://activity-feed.github.io',
    activationUrl: 'vscode://file/x',
    visualElements: { displayText: `${appActivityId}.ts` },
    historyItems: items.map(([id, start, end, seconds]) => ({
      id,
      startedDateTime: start,
      lastActiveDateTime: end,
      ...(seconds !== undefined && { activeDurationSeconds: seconds }),
    })),
  };
}

const feed = [
  activity('a', [
    ['a1', '2026-11-25T09:00:00Z', '2026-11-25T09:30:00Z', 1500],
    ['a2', '2026-11-26T10:00:00Z', '2026-11-26T10:10:00Z', 600],
  ]),
  activity('b', [['b1', '2026-11-26T11:00:00Z', '2026-11-26T11:05:00Z']]),
  activity('c', []),
];
const where: Record<string, string> = { a: 'file:///work/alpha/a.ts', b: 'file:///work/beta/b.ts' };

describe('Published activity model', () => {
  const published = toPublishedActivities(feed, (a) => where[a.appActivityId]);

  it('totals active time from the history items, falling back to start→last active', () => {
    const [b, a] = published;
    assert.equal(a.appActivityId, 'a');
    assert.equal(a.activeSeconds, 2100);
    assert.equal(b.activeSeconds, 300);
    assert.deepEqual(
      a.sessions.map((s) => s.id),
      ['a2', 'a1'],
    );
  });

  it('by day: newest day first, each day with only its own sessions of a file', () => {
    const groups = groupActivities(published, 'day', grouping);
    assert.deepEqual(groups.map((g) => g.key).slice(0, 2), ['2026-11-26', '2026-11-25']);
    const today = groups[0];
    assert.deepEqual(
      today.activities.map((e) => [e.activity.appActivityId, e.sessions.map((s) => s.id)]),
      [
        ['b', ['b1']],
        ['a', ['a2']],
      ],
    );
    assert.equal(today.activeSeconds, 900);
    assert.deepEqual(
      groups[1].activities.map((e) => e.sessions.map((s) => s.id)),
      [['a1']],
    );
  });

  it('by workspace: named workspaces by name, files of no open workspace last', () => {
    const groups = groupActivities(published, 'workspace', grouping);
    assert.deepEqual(
      groups.map((g) => g.label),
      ['alpha', 'beta', undefined],
    );
    assert.equal(groups[0].activeSeconds, 2100);
  });

  it('groups pending sessions by file, most recently active first', () => {
    const s = (id: string, uri: string, at: number): Session => ({
      id,
      documentUri: uri,
      languageId: 'ts',
      startedAt: at - 60_000,
      lastActiveAt: at,
      activeSeconds: 60,
      state: 'ended',
    });
    const files = groupPending([s('1', 'file:///x', 1_000_000), s('2', 'file:///y', 3_000_000), s('3', 'file:///x', 2_000_000)]);
    assert.deepEqual(
      files.map((f) => [f.documentUri, f.sessions.map((x) => x.id), f.activeSeconds]),
      [
        ['file:///y', ['2'], 60],
        ['file:///x', ['3', '1'], 120],
      ],
    );
  });
});
