// Hostile tier, second window (the user's privacy at "full", so every git fact is read): folders whose .git leads to
// /dev/zero, a FIFO or a file outside the repository, and a service that asks for a pause of 31 years. Last in the
// window on purpose: the pause it leaves behind holds for the rest of this window.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { publishNow, waitFor } from '../integration/helpers';
import { GIT_TRAPS, OUTSIDE_COMMIT } from './shared';
import { ownLogText, session, signedInApi, withHostLag } from './support';

function trapFile(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0];
  assert.ok(root, 'the second window has its folder');
  return vscode.Uri.joinPath(root.uri, name, 'trap.ts');
}

const publishRuns = (api: ActivityFeedApi) => (ownLogText(api).match(/ Publish \(\w+\): /g) ?? []).length;

describe('hostile repository: git traps and a service asking for an endless pause', function () {
  this.timeout(240_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;

  before(async () => {
    api = await signedInApi(admin);
  });

  after(async () => {
    await admin.clearFaults();
    await vscode.workspace.getConfiguration('activityFeed.publish').update('mode', undefined, vscode.ConfigurationTarget.Global);
  });

  it('publishes files whose .git points at /dev/zero, a FIFO or outside, without blocking and without their facts', async () => {
    for (const trap of GIT_TRAPS) await session(api, trapFile(trap));
    const { result: summary, worstLagMs } = await withHostLag(() => publishNow());
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    assert.ok(worstLagMs < 2_000, `the extension host was blocked for ${worstLagMs.toFixed(0)} ms`);
    const puts = (await admin.requests()).filter((r) => r.method === 'PUT');
    for (const trap of GIT_TRAPS)
      assert.ok(
        puts.some((r) => r.url.includes(trap) || r.body.includes(trap)),
        `the session in ${trap} was published`,
      );
    assert.ok(!puts.some((r) => r.body.includes(OUTSIDE_COMMIT)), 'a commit read from outside the repository was published');
  });

  it('holds publishing at most a day for Retry-After: 999999999, says until when, and wakes once per scheduled time', async () => {
    await session(api, trapFile(GIT_TRAPS[0]));
    await admin.addFault({
      method: 'PUT',
      path: '^/me/activities/',
      fault: { kind: 'status', status: 429, retryAfter: '999999999' },
      times: 1,
    });
    const before = Date.now();
    const summary = await publishNow();
    assert.notEqual(summary.outcome, 'done', JSON.stringify(summary));
    assert.ok(summary.heldUntil !== undefined, `the run says until when it is held: ${JSON.stringify(summary)}`);
    assert.ok(
      summary.heldUntil <= Date.now() + 24 * 60 * 60_000 + 60_000,
      `held until ${new Date(summary.heldUntil).toISOString()}`,
    );
    assert.ok(summary.heldUntil >= before + 60 * 60_000, 'held for the ceiling, not cut short to minutes');
    await waitFor(
      'the status bar to say until when',
      () => /Paused by Microsoft Graph until/.test(api.publishing.statusText) || undefined,
      10_000,
    );

    // Automatic publishing now: each wake finds the hold and sleeps until it ends, instead of running again at once.
    const runsBefore = publishRuns(api);
    await vscode.workspace
      .getConfiguration('activityFeed.publish')
      .update('mode', 'automatic', vscode.ConfigurationTarget.Global);
    await session(api, trapFile(GIT_TRAPS[1]));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const runs = publishRuns(api) - runsBefore;
    assert.ok(runs <= 2, `${runs} publish runs in 5 s while Graph asked for a pause`);
    const puts = (await admin.requests()).filter((r) => r.method === 'PUT' && Date.parse(r.at) > before);
    assert.equal(puts.length, 1, `only the refused PUT was sent: ${puts.map((r) => `${r.method} ${r.status}`).join(', ')}`);
  });
});
