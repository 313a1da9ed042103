// Other machines' sessions from the feed into this machine's copy and back: only other machines', whatever the
// service answers; after the feed forgets them the copy still counts them, once, under the names this machine uses.
import * as assert from 'node:assert/strict';
import type { UserActivityResponse } from '../../../src/graph/types';
import { computeInsights } from '../../../src/insights/aggregate';
import { dayKey } from '../../../src/insights/calendar';
import { feedCopyEntries, withFeedCopy } from '../../../src/insights/feedCopy';
import { toInsightSessions, type Resolver } from '../../../src/insights/sessions';
import { FEED_COPY_ENTRY, MAX_COPY_TEXT } from '../../../src/ledger/feedCopyEntry';

const DAY = 24 * 3_600_000;
const NOW = new Date(2026, 11, 7, 12).getTime();

function activity(
  appActivityId: string,
  items: { id: string; daysAgo: number; seconds: number }[],
  more: Partial<UserActivityResponse> = {},
): UserActivityResponse {
  return {
    id: `srv-${appActivityId}`,
    appActivityId,
    activitySourceHost: 'https://activity-feed.example',
    appDisplayName: 'Activity Feed',
    activationUrl: 'vscode://activity-feed.graph-activity-feed/open',
    visualElements: { displayText: `${appActivityId}.ts` },
    contentInfo: {
      '@context': 'https://schema.org',
      isPartOf: { identifier: 'w:0a1b2c', name: 'shop' },
      programmingLanguage: 'TypeScript',
    },
    expirationDateTime: new Date(NOW + 20 * DAY).toISOString(),
    historyItems: items.map((item) => ({
      id: item.id,
      startedDateTime: new Date(NOW - item.daysAgo * DAY).toISOString(),
      lastActiveDateTime: new Date(
        NOW - item.daysAgo * DAY + (Number.isFinite(item.seconds) ? item.seconds : 0) * 1000,
      ).toISOString(),
      activeDurationSeconds: item.seconds,
    })),
    ...more,
  };
}

const resolver: Resolver = {
  fileOf: (id) => (id === 'h!cart' ? 'src/cart.ts' : undefined),
  workspaceOf: () => undefined,
  isThisMachine: (id) => id.startsWith('mine'),
};

describe("other machines' sessions kept from the feed, beside it", () => {
  it('keeps only other machines’ sessions, not forgotten ones, each as the copy can read it back', () => {
    const feed = [
      activity('h!cart', [
        { id: 'mine-1', daysAgo: 1, seconds: 600 },
        { id: 'laptop-1', daysAgo: 2, seconds: 300 },
        { id: 'forgotten-1', daysAgo: 2, seconds: 300 },
      ]),
    ];
    const entries = feedCopyEntries(feed, (id) => resolver.isThisMachine(id) || id.startsWith('forgotten'));
    assert.deepEqual(
      entries.map((e) => e.id),
      ['laptop-1'],
    );
    assert.equal(entries[0].displayText, 'h!cart.ts', 'the published name, not this machine’s local one');
    assert.equal(entries[0].workspaceName, 'shop');
  });

  it('takes whatever the service answers without keeping anything it could not read back', () => {
    const hostile = [
      activity('x'.repeat(MAX_COPY_TEXT + 1), [{ id: 'too-long-activity', daysAgo: 1, seconds: 60 }]),
      activity(
        'h!odd',
        [
          { id: 'bad id with spaces', daysAgo: 1, seconds: 60 },
          { id: 'negative', daysAgo: 1, seconds: -60 },
          { id: 'fine', daysAgo: 1, seconds: 60 },
        ],
        {
          visualElements: { displayText: '='.repeat(50_000) },
          contentInfo: { isPartOf: { identifier: 'k'.repeat(5_000), name: 7 }, programmingLanguage: { no: 1 } },
          expirationDateTime: 'never',
        },
      ),
      activity('h!nan', [{ id: 'nan', daysAgo: 1, seconds: Number.NaN }]),
    ];
    const entries = feedCopyEntries(hostile, () => false);
    for (const entry of entries) assert.deepEqual(FEED_COPY_ENTRY.decode(FEED_COPY_ENTRY.encode(entry)), entry);
    assert.deepEqual(entries.map((e) => e.id).sort(), ['fine', 'nan', 'negative']);
    const fine = entries.find((e) => e.id === 'fine');
    assert.equal(fine?.displayText.length, MAX_COPY_TEXT);
    assert.equal(entries.find((e) => e.id === 'nan')?.activeSeconds, 0);
  });

  it('counts a session the feed has dropped from the copy, and one in both once', () => {
    const read45DaysAgo = [
      activity('h!cart', [
        { id: 'laptop-old', daysAgo: 50, seconds: 1_800 },
        { id: 'laptop-recent', daysAgo: 3, seconds: 600 },
      ]),
      activity('h!notes', [{ id: 'LAPTOP-NOTES', daysAgo: 40, seconds: 1_200 }]),
    ];
    const copy = feedCopyEntries(read45DaysAgo, () => false);
    const feedNow = toInsightSessions([activity('h!cart', [{ id: 'laptop-recent', daysAgo: 3, seconds: 600 }])], resolver);
    const sessions = withFeedCopy(feedNow, copy, resolver);
    assert.deepEqual(sessions.map((s) => s.id).sort(), ['LAPTOP-NOTES', 'laptop-old', 'laptop-recent']);
    const old = sessions.find((s) => s.id === 'laptop-old');
    assert.equal(old?.file, 'src/cart.ts', 'named as this machine names the file');
    assert.equal(old?.workspace, 'shop');
    assert.equal(old?.thisMachine, false);
    const insights = computeInsights(sessions, { from: dayKey(NOW - 89 * DAY), to: dayKey(NOW) }, NOW);
    assert.equal(insights.totals.range, 1_800 + 600 + 1_200);
    assert.equal(insights.machines.thisMachine, 0);
    const sameId = withFeedCopy(
      feedNow,
      feedCopyEntries([activity('h!cart', [{ id: 'LAPTOP-RECENT', daysAgo: 3, seconds: 600 }])], () => false),
      resolver,
    );
    assert.equal(sameId.length, 1, 'the feed’s copy of a session wins over the kept one, whatever the case of its id');
  });
});
