import * as assert from 'node:assert/strict';
import type { UserActivityRequest } from '../../../src/graph/types';
import type { Session } from '../../../src/tracking/types';
import { buildActivityPayloads, splitActivity } from '../../../src/activity/payloads';
import { LIMITS, payloadByteLength } from '../../../src/activity/limits';
import { validateUserActivity } from '../../../src/activity/validate';
import type { MappingOptions } from '../../../src/activity/types';
import { makeSession } from '../../support/sessions';

function guid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function sessions(count: number): Session[] {
  const start = Date.parse('2026-03-01T08:00:00Z');
  return Array.from({ length: count }, (_, n) =>
    makeSession({
      id: guid(n),
      documentUri: 'file:///w/a.ts',
      startedAt: start + n * 3_600_000,
      activeSeconds: 500,
      state: n === count - 1 ? 'ongoing' : 'ended',
    }),
  );
}

const options: MappingOptions = {
  privacy: 'full',
  activitySourceHost: 'https://activity-feed.github.io',
  uriScheme: 'vscode',
  appName: 'Visual Studio Code',
  idKey: '0123456789abcdef0123',
  timezone: 'UTC',
  now: Date.parse('2026-03-20T00:00:00Z'),
};

describe('activity/payloads', () => {
  it('sends one payload without history items when there is no session', () => {
    const payloads = buildActivityPayloads({ documentUri: '/w/a.ts', languageId: 'typescript', sessions: [] }, options);
    assert.equal(payloads.length, 1);
    assert.equal(payloads[0]?.historyItems, undefined);
  });

  it('spreads many sessions over payloads of at most the item cap, oldest first, each valid', () => {
    const all = sessions(60);
    const payloads = buildActivityPayloads(
      { documentUri: '/w/a.ts', languageId: 'typescript', sessions: [...all].reverse() },
      options,
    );
    assert.deepEqual(
      payloads.map((payload) => payload.historyItems?.length),
      [LIMITS.historyItemsPerPayload, LIMITS.historyItemsPerPayload, 10],
    );
    assert.deepEqual(
      payloads.flatMap((payload) => payload.historyItems?.map((item) => item.id)),
      all.map((session) => session.id),
    );
    for (const payload of payloads) {
      assert.deepEqual(validateUserActivity(payload), []);
      assert.equal(payload.appActivityId, payloads[0]?.appActivityId);
    }
  });

  it('maps an activity whose sessions exceed one request, and splits it into valid requests', () => {
    const payloads = buildActivityPayloads(
      { documentUri: '/w/a.ts', languageId: 'typescript', sessions: sessions(400) },
      options,
    );
    assert.equal(payloads.length, 16);
    for (const payload of payloads) {
      assert.ok(payloadByteLength(payload) <= LIMITS.payloadBytes);
      assert.deepEqual(validateUserActivity(payload), []);
    }
  });

  it('keeps every payload within the byte cap', () => {
    const base: UserActivityRequest = {
      appActivityId: 'file:///w/a.ts',
      activitySourceHost: 'https://activity-feed.github.io',
      activationUrl: 'vscode://file/w/a.ts',
      visualElements: { displayText: 'a.ts' },
      contentInfo: { note: 'x'.repeat(LIMITS.payloadBytes - 1_000) },
      historyItems: sessions(10).map((session) => ({
        id: session.id,
        startedDateTime: new Date(session.startedAt).toISOString(),
        lastActiveDateTime: new Date(session.lastActiveAt).toISOString(),
      })),
    };
    const payloads = splitActivity(base);
    assert.ok(payloads.length > 1);
    for (const payload of payloads) assert.ok(payloadByteLength(payload) <= LIMITS.payloadBytes);
    assert.equal(payloads.flatMap((payload) => payload.historyItems ?? []).length, 10);
  });
});
