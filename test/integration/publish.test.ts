// Publishing from the real editor to the emulator: what was done is what Graph holds, Publish Now, the interval
// automation, pause, and excluding the workspace. Runs after auth.test.js has signed in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, typeAndDeliver, typeInto, waitFor, workOn } from './helpers';

const GLOBAL = vscode.ConfigurationTarget.Global;

describe('publishing from the real editor', function () {
  this.timeout(120_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await publishNow();
  });

  it('typing makes a session, and after Publish Now Graph holds exactly that session', async () => {
    const file = await newFile('checkout.ts');
    const session = await workOn(api, file, 3);
    assert.ok(session.activeSeconds >= 2, `active ${session.activeSeconds} s`);
    const waiting = api.tracking.pendingSessions();
    assert.ok(waiting.some((s) => s.id === session.id));
    assert.match(
      api.publishing.statusText,
      new RegExp(`\\$\\(cloud-upload\\) ${waiting.length}$`),
      'the status bar counts what waits',
    );
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done');
    assert.ok(summary.sessions >= 1 && summary.remaining === 0, JSON.stringify(summary));
    const activity = (await admin.activities()).find((a) => a.historyItems.some((h) => h.id === session.id));
    assert.ok(activity, 'Graph holds the session as a history item');
    const item = activity.historyItems.find((h) => h.id === session.id);
    assert.equal(item?.startedDateTime, new Date(session.startedAt).toISOString());
    assert.equal(item?.lastActiveDateTime, new Date(session.lastActiveAt).toISOString());
    assert.equal(item?.activeDurationSeconds, Math.round(session.activeSeconds));
    assert.doesNotMatch(api.publishing.statusText, /cloud-upload/, 'nothing is shown as waiting any more');
  });

  it('Publish Now with nothing waiting sends nothing', async () => {
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    try {
      await publishNow();
      await admin.clearRequests();
      const summary = await publishNow();
      assert.deepEqual([summary.outcome, summary.activities], ['done', 0]);
      // "Sends nothing" means no write: a read the Published view scheduled after the first run may still land.
      const writes = (await admin.requests()).filter((r) => r.server === 'graph' && r.method !== 'GET');
      assert.deepEqual(
        writes.map((r) => `${r.method} ${r.url}`),
        [],
        'writes Graph received after the queue was empty',
      );
    } finally {
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    }
  });

  it('publishes the ongoing session at the configured interval, re-using its id on each update', async () => {
    const file = await newFile('interval.ts');
    await typeInto(file, 'x');
    const ongoing = await waitFor(
      'a session for interval.ts',
      () => (api.tracking.currentSession()?.documentUri === file.toString() ? api.tracking.currentSession() : undefined),
      30_000,
    );
    await vscode.workspace.getConfiguration('activityFeed.publish').update('intervalSeconds', 15, GLOBAL);
    await vscode.workspace.getConfiguration('activityFeed.publish').update('mode', 'automatic', GLOBAL);
    try {
      const keepTyping = setInterval(() => void typeInto(file, 'y'), 2_000);
      try {
        const held = await waitFor(
          'the interval run to publish the ongoing session',
          async () => (await admin.activities()).flatMap((a) => a.historyItems).find((h) => h.id === ongoing.id),
          40_000,
        );
        assert.equal(held.startedDateTime, new Date(ongoing.startedAt).toISOString());
      } finally {
        clearInterval(keepTyping);
      }
      assert.equal(api.tracking.currentSession()?.id, ongoing.id, 'the session goes on after being published');
    } finally {
      await vscode.workspace.getConfiguration('activityFeed.publish').update('mode', undefined, GLOBAL);
      await vscode.workspace.getConfiguration('activityFeed.publish').update('intervalSeconds', undefined, GLOBAL);
    }
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    assert.equal((await publishNow()).outcome, 'done');
    const copies = (await admin.activities()).flatMap((a) => a.historyItems).filter((h) => h.id === ongoing.id);
    assert.equal(copies.length, 1, 'one history item, updated in place');
  });

  it('records nothing while paused, and the status bar says so', async () => {
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    try {
      assert.match(api.publishing.statusText, /Paused/);
      const before = api.tracking.pendingSessions().length;
      await typeAndDeliver(await newFile('while-paused.ts'), 'typed while paused');
      assert.equal(api.tracking.currentSession(), undefined);
      assert.equal(api.tracking.pendingSessions().length, before);
    } finally {
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    }
    assert.doesNotMatch(api.publishing.statusText, /Paused/);
  });

  it('Exclude This Workspace stops tracking there and discards what it had queued from it', async () => {
    const queued = await workOn(api, await newFile('queued-before-exclusion.ts'));
    assert.ok(api.tracking.pendingSessions().some((s) => s.id === queued.id));
    const excluded = await vscode.commands.executeCommand<boolean>('activityFeed.excludeWorkspace', { confirmed: true });
    assert.equal(excluded, true);
    try {
      assert.equal(vscode.workspace.getConfiguration('activityFeed.tracking').inspect('enabled')?.workspaceValue, false);
      await waitFor(
        'the sessions queued from the workspace to be discarded',
        () => (api.tracking.pendingSessions().length === 0 ? true : undefined),
        15_000,
      );
      await typeAndDeliver(await newFile('after-exclusion.ts'), 'not tracked');
      assert.equal(api.tracking.currentSession(), undefined);
    } finally {
      await vscode.workspace
        .getConfiguration('activityFeed.tracking')
        .update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the workspace setting to be gone',
        () =>
          vscode.workspace.getConfiguration('activityFeed.tracking').inspect('enabled')?.workspaceValue === undefined
            ? true
            : undefined,
        15_000,
      );
    }
  });
});
