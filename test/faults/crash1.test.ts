// Faults tier, crash phase 1 (first editor run): sessions are queued, publishing starts, the emulator holds the
// first PUT open, and the harness kills the extension host with SIGKILL while that request is in flight.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, typeAndDeliver, waitFor, workOn } from '../integration/helpers';
import { awaitKill, isActivityPut, type CrashTruth } from './crashSupport';
import { EXCLUDED_FOLDER, EXCLUDED_NAME, writeMarker } from './shared';

describe('crash 1: killed while a PUT is in flight', function () {
  this.timeout(400_000);

  it('queues its sessions, starts publishing and is killed mid-request', async () => {
    const admin = new EmulatorAdminClient();
    const api = await activityFeed();
    assert.equal((await signInByDeviceCode(admin)).kind, 'signedIn');
    const worked = [];
    for (const name of ['crash-a.ts', 'crash-b.ts', 'crash-c.ts']) worked.push(await workOn(api, await newFile(name)));
    // Work in the excluded file too (activityFeed.tracking.exclude): the harness checks no byte names it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const secret = vscode.Uri.joinPath(folder.uri, EXCLUDED_FOLDER, EXCLUDED_NAME);
    for (let i = 0; i < 3; i++) {
      await typeAndDeliver(secret, 'x');
    }
    assert.notEqual(api.tracking.currentSession()?.documentUri, secret.toString(), 'no session runs for the excluded file');
    // Nothing may run on into the next editor run: pause (ends any session) and close every editor.
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const queued = api.tracking.pendingSessions();
    assert.ok(
      worked.every((s) => queued.some((q) => q.id === s.id)),
      'every session of the run is queued',
    );
    assert.ok(
      queued.every((s) => s.documentUri !== secret.toString()),
      'nothing of the excluded file is queued',
    );

    await admin.clearRequests();
    await admin.addFault({
      method: 'PUT',
      path: '^/me/activities/',
      fault: { kind: 'delay', ms: 600_000, applyIfGone: false },
      times: 1,
    });
    void publishNow();
    await waitFor(
      'the first PUT to be held open by Graph',
      async () => ((await admin.requests()).some((r) => isActivityPut(r) && r.status === 0) ? true : undefined),
      60_000,
    );
    const truth: CrashTruth = { sessions: queued, at: Date.now() };
    writeMarker('crash1', truth);
    await awaitKill();
  });
});
