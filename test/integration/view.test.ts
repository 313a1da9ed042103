// The Published Activity view in the real editor, against the emulator: it lists what a scripted run published
// (pending sessions apart), opens a file where it was left, and Forget on a session, an activity and the workspace
// removes exactly those from Graph and from the outbox. Its states are photographed into test-artifacts/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { ForgetOutcome } from '../../src/feed/forgetCommands.vscode';
import type { ViewSnapshot } from '../../src/feed/viewNodes';
import type { Session } from '../../src/tracking/types';
import { EmulatorAdminClient, EmulatorActivity } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, screenshot, signInByDeviceCode, sleep, typeInto, waitFor, workOn } from './helpers';

const GLOBAL = vscode.ConfigurationTarget.Global;

function flatten(nodes: ViewSnapshot[]): ViewSnapshot[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function activityNode(api: ActivityFeedApi, fileName: string): ViewSnapshot {
  const node = flatten(api.publishedView.snapshot()).find((n) => n.contextValue === 'activity' && n.label.includes(fileName));
  assert.ok(
    node,
    `the view lists ${fileName}; it shows: ${flatten(api.publishedView.snapshot())
      .map((n) => n.label)
      .join(' | ')}`,
  );
  return node;
}

const sessionIds = (node: ViewSnapshot) => node.children.map((c) => (c.node.type === 'session' ? c.node.session.id : ''));

const holding = (activities: EmulatorActivity[], sessionId: string) =>
  activities.find((a) => a.historyItems.some((h) => h.id === sessionId));

describe('the Published Activity view', function () {
  this.timeout(180_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();
  let alpha: vscode.Uri;
  let beta: vscode.Uri;
  const sessions: Record<'alpha1' | 'alpha2' | 'beta1' | 'alphaPending', Session | undefined> = {
    alpha1: undefined,
    alpha2: undefined,
    beta1: undefined,
    alphaPending: undefined,
  };

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await publishNow();
    await vscode.commands.executeCommand('activityFeed.published.focus');
  });

  it('lists what was published, by day, each file with its time and sessions, and what waits apart', async () => {
    alpha = await newFile('view-alpha.ts', 'one\ntwo\nthree\n');
    beta = await newFile('view-beta.md', '# notes\n');
    sessions.alpha1 = await workOn(api, alpha, 2);
    sessions.beta1 = await workOn(api, beta, 2);
    sessions.alpha2 = await workOn(api, alpha, 2);
    assert.equal((await publishNow()).outcome, 'done');
    sessions.alphaPending = await workOn(api, alpha, 1);

    assert.equal(await api.publishedView.refresh(true), 'ok');
    const roots = api.publishedView.snapshot();
    assert.equal(roots[0].contextValue, 'pending', 'what waits comes first, apart from what was published');
    const pendingIds = flatten(roots[0].children)
      .filter((n) => n.contextValue === 'pendingSession')
      .map((n) => (n.node.type === 'pendingSession' ? n.node.session.id : ''));
    assert.ok(pendingIds.includes(sessions.alphaPending.id));
    assert.equal(roots[1].contextValue, 'day', 'then the days, newest first');
    // Resuming after each scripted session may start a short one in the focused file (the harness sets no minimum
    // session), so count what the view lists.
    const alphaNode = activityNode(api, 'view-alpha.ts');
    const shownIds = sessionIds(alphaNode);
    assert.ok(
      shownIds.includes(sessions.alpha1.id) && shownIds.includes(sessions.alpha2.id),
      'both published sessions of the file are under it',
    );
    assert.match(
      alphaNode.description ?? '',
      new RegExp(`^(\\d+h )?\\d+[ms] · ${shownIds.length} sessions$`),
      'time spent and the number of sessions',
    );
    const betaNode = activityNode(api, 'view-beta.md');
    const betaIds = sessionIds(betaNode);
    assert.ok(betaIds.includes(sessions.beta1.id), 'the published session of the other file is under it');
    assert.match(
      betaNode.description ?? '',
      new RegExp(`^(\\d+h )?\\d+[ms] · ${betaIds.length} sessions?$`),
      'its time and number of sessions',
    );
    assert.match(api.publishedView.message ?? '', /^Read from Microsoft Graph at /);
    await screenshot('view-published');
  });

  it('opens the file of an activity where it was left', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const node = activityNode(api, 'view-alpha.ts');
    assert.equal(await vscode.commands.executeCommand('activityFeed.published.open', node.node), true);
    const editor = await waitFor('the file to open', () => vscode.window.activeTextEditor, 15_000);
    assert.equal(editor.document.uri.toString(), alpha.toString());
    const cursor = sessions.alpha2?.cursor;
    assert.ok(cursor, 'the session recorded a cursor');
    assert.equal(editor.selection.active.line, cursor.line, 'at the line of the last activity that was published');
  });

  it('Forget on a session deletes exactly that history item; the other session and the queue stay', async () => {
    const alphaNode = activityNode(api, 'view-alpha.ts');
    const before = sessionIds(alphaNode);
    const target = alphaNode.children.find((c) => c.node.type === 'session' && c.node.session.id === sessions.alpha1?.id);
    assert.ok(target, 'the first session is listed under its file');
    const outcome = await vscode.commands.executeCommand<ForgetOutcome>('activityFeed.forgetSession', target.node, {
      confirmed: true,
    });
    assert.deepEqual([outcome.sessionsDeleted, outcome.activitiesDeleted, outcome.pendingDiscarded], [1, 0, 0]);
    const held = await admin.activities();
    assert.equal(holding(held, sessions.alpha1?.id ?? ''), undefined, 'Graph no longer holds the forgotten session');
    assert.ok(holding(held, sessions.alpha2?.id ?? ''), 'the other session of the file is still there');
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.id === sessions.alphaPending?.id),
      'the unpublished session still waits',
    );
    const after = sessionIds(activityNode(api, 'view-alpha.ts'));
    assert.equal(after.length, before.length - 1, 'the view shows the change without reading again');
    assert.ok(!after.includes(sessions.alpha1?.id ?? ''));
  });

  it('Forget on an activity deletes it from Graph and discards its waiting sessions', async () => {
    const outcome = await vscode.commands.executeCommand<ForgetOutcome>(
      'activityFeed.forgetActivity',
      activityNode(api, 'view-alpha.ts').node,
      { confirmed: true },
    );
    assert.equal(outcome.activitiesDeleted, 1);
    // The scripted session, and any short one that resuming started in the same file.
    assert.ok(outcome.pendingDiscarded >= 1, JSON.stringify(outcome));
    assert.ok(
      !api.tracking.pendingSessions().some((s) => s.documentUri === alpha.toString()),
      'nothing of the file waits any more',
    );
    const held = await admin.activities();
    assert.equal(holding(held, sessions.alpha2?.id ?? ''), undefined, 'the activity is gone from Graph');
    assert.ok(holding(held, sessions.beta1?.id ?? ''), 'other files are untouched');
    assert.ok(
      !api.tracking.pendingSessions().some((s) => s.id === sessions.alphaPending?.id),
      'its waiting session is discarded',
    );
    assert.equal((await publishNow()).sessions, 0, 'the discarded session is not published later');
    assert.equal(holding(await admin.activities(), sessions.alphaPending?.id ?? ''), undefined);
  });

  it('Forget a Time Range works from the Command Palette with the view closed', async () => {
    const delta = await newFile('view-delta.ts');
    const recent = await workOn(api, delta, 1);
    assert.equal((await publishNow()).outcome, 'done');
    assert.ok(holding(await admin.activities(), recent.id));
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      const outcome = await vscode.commands.executeCommand<ForgetOutcome>('activityFeed.forgetTimeRange', {
        from: recent.startedAt - 1,
        to: Date.now() + 1,
        confirmed: true,
      });
      assert.ok(outcome.activitiesDeleted + outcome.sessionsDeleted >= 1, JSON.stringify(outcome));
      const held = await admin.activities();
      assert.equal(holding(held, recent.id), undefined, 'the session of that range is gone');
      assert.ok(holding(held, sessions.beta1?.id ?? ''), 'what was published before the range stays');
    } finally {
      await vscode.commands.executeCommand('activityFeed.published.focus');
    }
  });

  it('a session forgotten while it still runs stays forgotten: Publish Now does not send it again', async () => {
    const epsilon = await newFile('view-epsilon.ts');
    const running = await waitFor(
      'a running session in the new file',
      async () => {
        const current = api.tracking.currentSession();
        if (current?.documentUri === epsilon.toString()) return current;
        await typeInto(epsilon, 'a');
        return undefined;
      },
      30_000,
    );
    // Publish Now sends the running session once it has an active second.
    await waitFor(
      'an active second in the running session',
      async () => {
        if ((api.tracking.currentSession()?.activeSeconds ?? 0) >= 1) return true;
        await sleep(500);
        await typeInto(epsilon, 'b');
        return undefined;
      },
      30_000,
    );
    assert.equal((await publishNow()).outcome, 'done');
    assert.ok(holding(await admin.activities(), running.id), 'Publish Now sent the running session');
    assert.equal(await api.publishedView.refresh(true), 'ok');
    const node = activityNode(api, 'view-epsilon.ts').children.find(
      (c) => c.node.type === 'session' && c.node.session.id === running.id,
    );
    assert.ok(node, 'the running session is listed under its file');
    await vscode.commands.executeCommand<ForgetOutcome>('activityFeed.forgetSession', node.node, { confirmed: true });
    assert.equal(holding(await admin.activities(), running.id), undefined, 'Forget removed it from Graph');

    await typeInto(epsilon, 'c');
    assert.equal(api.tracking.currentSession()?.id, running.id, 'the same session runs on after Forget');
    await publishNow();
    assert.equal(holding(await admin.activities(), running.id), undefined, 'Graph does not hold the forgotten session again');
    assert.ok(!api.tracking.pendingSessions().some((s) => s.id === running.id), 'and it does not wait to be sent either');
  });

  it('Forget on the workspace deletes everything published from it, and the empty view says what to do', async () => {
    const gamma = await newFile('view-gamma.ts');
    const gammaSession = await workOn(api, gamma, 1);
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    try {
      await api.publishedView.refresh(true);
      const fromHere = (await admin.activities()).length;
      assert.ok(fromHere >= 1);
      const outcome = await vscode.commands.executeCommand<ForgetOutcome>('activityFeed.forgetWorkspace', { confirmed: true });
      assert.equal(outcome.activitiesDeleted, fromHere, 'every activity published from this workspace');
      assert.deepEqual(await admin.activities(), [], 'Graph holds nothing from this workspace');
      assert.ok(!api.tracking.pendingSessions().some((s) => s.id === gammaSession.id), 'nothing from it waits either');
      assert.equal(await api.publishedView.refresh(true), 'empty');
      await screenshot('view-empty');
    } finally {
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    }
  });

  it('shows an error, offline and signed-out state, each with the way out', async () => {
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const graph = vscode.workspace.getConfiguration('activityFeed.graph');
    try {
      await admin.addFault({
        method: 'GET',
        path: '^/me/activities',
        sequence: [{ kind: 'status', status: 403, code: 'accessDenied' }],
      });
      assert.equal(await api.publishedView.refresh(true), 'error');
      await screenshot('view-error');

      // The connection drops before any answer, as on a lost network.
      await graph.update('maxAttempts', 1, GLOBAL);
      await admin.addFault({ method: 'GET', path: '^/me/activities', fault: { kind: 'drop' }, times: 5 });
      assert.equal(await api.publishedView.refresh(true), 'offline');
      await screenshot('view-offline');
      await admin.clearFaults();
      await graph.update('maxAttempts', undefined, GLOBAL);

      await vscode.commands.executeCommand('activityFeed.signOut');
      await waitFor('the signed-out state', () => (api.publishedView.state === 'signedOut' ? true : undefined), 10_000);
      await screenshot('view-signed-out');
    } finally {
      await graph.update('maxAttempts', undefined, GLOBAL);
      await admin.clearFaults();
      if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    }
    assert.notEqual(await api.publishedView.refresh(true), 'signedOut', 'signing in again brings the list back');
    await typeInto(alpha, '');
  });
});
