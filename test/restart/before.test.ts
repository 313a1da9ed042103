// First editor run: sign in, work on two files, and stop with both sessions queued (publishing is manual here).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, signInByDeviceCode, workOn } from '../integration/helpers';

export const QUEUED_FILE = 'restart-queued.json';

describe('before a restart', function () {
  this.timeout(60_000);

  it('signs in and leaves its finished sessions in the outbox on disk', async () => {
    const admin = new EmulatorAdminClient();
    const api = await activityFeed();
    assert.equal((await signInByDeviceCode(admin)).kind, 'signedIn');
    const first = await workOn(api, await newFile('restart-a.ts'));
    const second = await workOn(api, await newFile('restart-b.ts'));
    // Resuming may have started a session in the focused editor (reading counts); pausing ends it, so that nothing
    // is still running when the editor stops and every session of this run is known here.
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const queued = api.tracking.pendingSessions();
    const ids = queued.map((s) => s.id);
    assert.ok(ids.includes(first.id) && ids.includes(second.id), 'both working sessions are queued');
    const onDisk = fs.readdirSync(path.join(api.publishing.outboxDirectory, 'sessions')).filter((f) => f.endsWith('.json'));
    assert.deepEqual(
      onDisk.map((f) => f.replace(/\.json$/, '')).sort(),
      [...ids].sort(),
      'each queued session is a file on disk',
    );
    assert.deepEqual(await admin.activities(), [], 'nothing was published yet');
    fs.writeFileSync(path.join(process.env.AF_TEST_ARTIFACTS ?? '.', QUEUED_FILE), JSON.stringify(queued));
    await admin.clearRequests();
  });
});
