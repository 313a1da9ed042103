// Faults tier, crash phase 3 (the editor restarted a second time, publishing automatic): whatever the two kills
// left behind goes out by itself, and Graph ends up with every session of the run exactly once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toHistoryItem } from '../../src/activity/historyItems';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, waitFor } from '../integration/helpers';
import * as vscode from 'vscode';
import type { Session } from '../../src/tracking/types';
import { laterSessions, timesOf, type CrashTruth } from './crashSupport';
import { readMarker, writeMarker } from './shared';

describe('crash 3: the second restart', function () {
  this.timeout(200_000);

  it('publishes what the kills left behind by itself: every session in Graph exactly once, the outbox empty', async () => {
    const admin = new EmulatorAdminClient();
    const api = await activityFeed();
    const finishedHere: Session[] = [];
    const subscription = api.tracking.onDidFinishSession((s) => finishedHere.push(s));
    const runningAtStart = api.tracking.currentSession();
    // Ends a session a restored editor may have started, so that everything of the run is known and goes out.
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    subscription.dispose();
    const previous = readMarker<CrashTruth & { heldBeforeKill: string[] }>('crash2');
    const { heldBeforeKill } = previous;
    await waitFor('the outbox to empty', () => (api.tracking.pendingSessions().length === 0 ? true : undefined), 120_000);
    assert.equal(api.publishing.lastRun?.summary.outcome, 'done');
    const here = [
      ...finishedHere,
      ...(runningAtStart && !finishedHere.some((s) => s.id === runningAtStart.id) ? [runningAtStart] : []),
    ];
    const truth: CrashTruth = {
      sessions: [...previous.sessions, ...laterSessions(here, previous.sessions, previous.at)],
      at: Date.now(),
    };

    const items = (await admin.activities()).flatMap((a) => a.historyItems);
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.id.toLowerCase(), (counts.get(item.id.toLowerCase()) ?? 0) + 1);
    assert.deepEqual(
      [...counts].filter(([, n]) => n !== 1),
      [],
      'no session is held twice',
    );
    assert.deepEqual(
      [...counts.keys()].sort(),
      truth.sessions.map((s) => s.id.toLowerCase()).sort(),
      'Graph holds exactly the sessions of the run',
    );
    for (const session of truth.sessions) {
      const expected = toHistoryItem(session);
      const item = items.find((i) => i.id.toLowerCase() === session.id.toLowerCase());
      assert.deepEqual(
        [item?.startedDateTime, item?.lastActiveDateTime, item?.activeDurationSeconds],
        [expected.startedDateTime, expected.lastActiveDateTime, expected.activeDurationSeconds],
      );
    }
    // By times, not ids: under a service that assigns its own ids the items of the lost answer had other ids.
    const timesCount = new Map<string, number>();
    for (const item of items) timesCount.set(timesOf(item), (timesCount.get(timesOf(item)) ?? 0) + 1);
    assert.deepEqual(
      [...timesCount].filter(([, n]) => n !== 1),
      [],
      'no two held items share the same times',
    );
    assert.ok(
      heldBeforeKill.every((times) => timesCount.get(times) === 1),
      'the sessions Graph already held before the second kill were not duplicated',
    );
    // The harness checks the same ground truth against what Graph holds, with the unit storm's check.
    writeMarker('crash3', truth);
    const sessionsDir = path.join(api.publishing.outboxDirectory, 'sessions');
    assert.deepEqual(fs.existsSync(sessionsDir) ? fs.readdirSync(sessionsDir) : [], [], 'no file is left in the outbox');
    const requests = await admin.requests();
    assert.deepEqual(
      requests.filter((r) => r.url.includes('devicecode')),
      [],
      'nobody was asked to sign in again',
    );
    console.log(
      `crash 3: ${truth.sessions.length} sessions of the run in Graph once each; ${requests.filter((r) => r.method === 'PUT').length} PUT(s) since crash 2 began`,
    );
  });
});
