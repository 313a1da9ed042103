import * as assert from 'node:assert/strict';
import {
  activeDurationSeconds,
  INT32_MAX,
  publishableSessions,
  toHistoryItem,
  toHistoryItems,
} from '../../../src/activity/historyItems';
import { formatDuration } from '../../../src/text/duration';
import { makeSession } from '../../support/sessions';

const SESSION = {
  id: '61fc8f36-919f-4b73-89d4-1cb7b159d912',
  documentUri: 'file:///a.ts',
  startedAt: Date.parse('2026-03-14T09:05:00.000Z'),
  lastActiveAt: Date.parse('2026-03-14T09:27:30.000Z'),
  activeSeconds: 1200.7,
};

describe('activity/historyItems', () => {
  it('maps a session to a history item with its GUID, UTC times, whole seconds and zone', () => {
    assert.deepEqual(toHistoryItem(makeSession(SESSION), 'Europe/Lisbon'), {
      id: '61fc8f36-919f-4b73-89d4-1cb7b159d912',
      startedDateTime: '2026-03-14T09:05:00.000Z',
      lastActiveDateTime: '2026-03-14T09:27:30.000Z',
      activeDurationSeconds: 1200,
      userTimezone: 'Europe/Lisbon',
    });
  });

  it('asks Graph to keep each session keepDays after its last activity, and never less than an hour after the write', () => {
    const written = Date.parse('2026-03-14T10:00:00.000Z');
    assert.equal(
      toHistoryItem(makeSession(SESSION), undefined, { keepDays: 90, now: written }).expirationDateTime,
      '2026-06-12T09:27:30.000Z',
    );
    const published90DaysLate = written + 95 * 24 * 60 * 60_000;
    assert.equal(
      toHistoryItem(makeSession(SESSION), undefined, { keepDays: 90, now: published90DaysLate }).expirationDateTime,
      new Date(published90DaysLate + 60 * 60_000).toISOString(),
      'a session published after its keepDays ran out is not asked to be deleted before it arrives',
    );
    assert.equal('expirationDateTime' in toHistoryItem(makeSession(SESSION), undefined, { keepDays: 0, now: written }), false);
    assert.equal('expirationDateTime' in toHistoryItem(makeSession(SESSION)), false, 'without keepDays the service decides');
  });

  it('sends an ongoing session with its lastActiveDateTime so far', () => {
    const item = toHistoryItem(makeSession({ ...SESSION, state: 'ongoing' }));
    assert.equal(item.lastActiveDateTime, '2026-03-14T09:27:30.000Z');
    assert.equal('userTimezone' in item, false);
  });

  it('never reports more active time than the wall span, nor negative time', () => {
    assert.equal(activeDurationSeconds(makeSession({ ...SESSION, activeSeconds: 99_999 })), 1350);
    assert.equal(activeDurationSeconds(makeSession({ ...SESSION, activeSeconds: -5 })), 0);
    assert.equal(activeDurationSeconds(makeSession({ ...SESSION, activeSeconds: Number.NaN })), 0);
    assert.equal(
      activeDurationSeconds(
        makeSession({ ...SESSION, lastActiveAt: Date.parse('2026-03-14T09:05:00.900Z'), activeSeconds: 0.9 }),
      ),
      0,
    );
  });

  it('stays within int32 and repairs a lastActiveAt before startedAt', () => {
    const huge = makeSession({ ...SESSION, startedAt: 0, lastActiveAt: 8.64e15, activeSeconds: 1e13 });
    assert.equal(activeDurationSeconds(huge), INT32_MAX);
    const backwards = toHistoryItem(makeSession({ ...SESSION, lastActiveAt: Date.parse('2026-03-14T09:00:00Z') }));
    assert.equal(backwards.lastActiveDateTime, backwards.startedDateTime);
    assert.equal(backwards.activeDurationSeconds, 0);
  });

  it('orders items oldest first', () => {
    const later = makeSession({
      ...SESSION,
      id: '00000000-0000-4000-8000-000000000002',
      startedAt: Date.parse('2026-03-15T09:00:00Z'),
      lastActiveAt: Date.parse('2026-03-15T09:10:00Z'),
    });
    const earlier = makeSession({ ...SESSION, id: '00000000-0000-4000-8000-000000000001' });
    assert.deepEqual(
      toHistoryItems([later, earlier]).map((item) => item.id),
      [earlier.id, later.id],
    );
  });

  it('keeps never-saved and excluded sessions on the machine', () => {
    const kept = makeSession(SESSION);
    const unsaved = makeSession({ ...SESSION, id: '00000000-0000-4000-8000-000000000003', publishable: false });
    const excluded = makeSession({ ...SESSION, id: '00000000-0000-4000-8000-000000000004', endReason: 'excluded' });
    assert.deepEqual(
      publishableSessions([kept, unsaved, excluded, makeSession({ ...SESSION, id: kept.id, publishable: true })]).length,
      2,
    );
    assert.deepEqual(publishableSessions([unsaved, excluded]), []);
  });

  it('formats durations for the card', () => {
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(720), '12 min');
    assert.equal(formatDuration(7500), '2 h 05 min');
  });
});
