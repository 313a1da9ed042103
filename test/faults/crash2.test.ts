// Faults tier, crash phase 2 (the editor restarted on the same user data): the first kill lost nothing and wrote
// nothing. Then a write lands at Graph but its answer never arrives, the client retries, and the harness kills the
// extension host while that retry is in flight: Graph now holds sessions the outbox still has.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, publishNow, waitFor } from '../integration/helpers';
import { toHistoryItem } from '../../src/activity/historyItems';
import {
  awaitKill,
  heldIds,
  heldTimes,
  isActivityPut,
  laterSessions,
  signedInFromCache,
  timesOf,
  type CrashTruth,
} from './crashSupport';
import { readMarker, writeMarker } from './shared';

describe('crash 2: killed after a write landed whose answer was lost', function () {
  this.timeout(400_000);

  it('finds every session still queued, then is killed while retrying a write Graph already holds', async () => {
    const admin = new EmulatorAdminClient();
    const api = await activityFeed();
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const truth = readMarker<CrashTruth>('crash1');
    const pendingNow = api.tracking.pendingSessions();
    const pendingIds = new Set(pendingNow.map((s) => s.id));
    assert.deepEqual(
      truth.sessions.filter((s) => !pendingIds.has(s.id)).map((s) => s.id),
      [],
      'every queued session survived the kill',
    );
    const extra = laterSessions(pendingNow, truth.sessions, truth.at);
    assert.deepEqual(await heldIds(admin), [], 'the request cut by the kill wrote nothing');
    await signedInFromCache(api);

    await admin.clearRequests();
    await admin.addFault({
      method: 'PUT',
      path: '^/me/activities/',
      sequence: [{ kind: 'lostAnswer' }, { kind: 'delay', ms: 600_000, applyIfGone: false }],
    });
    void publishNow();
    await waitFor(
      'a write to land with its answer lost, and its retry to be held open',
      async () => {
        const puts = (await admin.requests()).filter(isActivityPut);
        return puts.length >= 2 && puts[0].lostAnswer === true && puts[1].status === 0 && puts[1].url === puts[0].url
          ? true
          : undefined;
      },
      60_000,
    );
    // Compared by times: a service that ignores client ids holds them under ids of its own.
    const held = await heldTimes(admin);
    assert.ok(held.length > 0, 'Graph holds the sessions of the write whose answer was lost');
    const pending = new Set(api.tracking.pendingSessions().map((s) => timesOf(toHistoryItem(s))));
    assert.deepEqual(
      held.filter((times) => !pending.has(times)),
      [],
      'and the outbox still has them: nothing was acknowledged',
    );
    const next: CrashTruth & { heldBeforeKill: string[] } = {
      sessions: [...truth.sessions, ...extra],
      at: Date.now(),
      heldBeforeKill: held,
    };
    writeMarker('crash2', next);
    await awaitKill();
  });
});
