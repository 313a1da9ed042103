// Sign-in inside the real editor: the real @azure/identity gets a device code from the emulator's HTTPS token
// endpoint (its CA trusted through NODE_EXTRA_CA_CERTS), and every publish carries the token it got.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, waitFor, workOn } from './helpers';

describe('sign-in in the real editor', function () {
  this.timeout(90_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();

  before(async () => {
    api = await activityFeed();
    await admin.clearRequests();
  });

  it('waits with "sign-in required" before anyone signed in, keeping every session and never prompting', async () => {
    assert.equal(api.auth.state.kind, 'signedOut');
    const session = await workOn(api, await newFile('before-sign-in.ts'));
    const summary = await publishNow();
    assert.equal(summary.outcome, 'signInRequired');
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.id === session.id),
      'the session is still queued',
    );
    assert.match(api.publishing.statusText, /Sign in/);
    const requests = await admin.requests();
    assert.deepEqual(
      requests.filter((r) => r.server === 'graph' || r.url.includes('devicecode')),
      [],
      'no Graph call and no device code without a person asking',
    );
  });

  it('signs in by device code with the real @azure/identity, and the queued session goes out with the token', async () => {
    const state = await signInByDeviceCode(admin);
    assert.deepEqual(state, { kind: 'signedIn', username: 'alice@example.org', flow: 'deviceCode' });
    const queued = api.tracking.pendingSessions().map((s) => s.id);
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    assert.deepEqual(api.tracking.pendingSessions(), []);
    const puts = (await admin.requests()).filter((r) => r.server === 'graph' && r.method === 'PUT');
    assert.ok(
      puts.length > 0 && puts.every((r) => r.headers.authorization === '[present]' && r.status < 300),
      JSON.stringify(puts.map((r) => [r.status, r.url])),
    );
    const items = (await admin.activities()).flatMap((a) => a.historyItems.map((h) => h.id));
    for (const id of queued) assert.ok(items.includes(id), `history item ${id} reached Graph`);
    assert.match(api.publishing.statusTooltip.join('\n'), /alice@example\.org/);
  });

  it('refreshes a token that expired mid-run silently, and publishing continues', async () => {
    await admin.expireAccessTokens();
    await admin.clearRequests();
    const session = await workOn(api, await newFile('after-expiry.ts'));
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    const log = (await admin.requests()).map((r) => `${r.server} ${r.method} ${r.status}`);
    const puts = log.filter((l) => l.startsWith('graph PUT'));
    assert.equal(puts[0], 'graph PUT 401', `Graph first refused the expired token: ${log.join(', ')}`);
    assert.match(puts[1] ?? '', /^graph PUT 20[01]$/, 'the same request succeeded with a fresh token');
    assert.ok(log.includes('auth POST 200'), `a refresh-token grant happened: ${log.join(', ')}`);
    assert.ok((await admin.activities()).some((a) => a.historyItems.some((h) => h.id === session.id)));
    assert.equal(api.auth.state.kind, 'signedIn');
  });

  it('turns a revoked refresh token into "sign-in required", with every pending session still queued', async () => {
    await admin.revokeRefreshTokens();
    await admin.expireAccessTokens();
    const first = await workOn(api, await newFile('revoked-1.ts'));
    const second = await workOn(api, await newFile('revoked-2.ts'));
    const summary = await publishNow();
    assert.equal(summary.outcome, 'signInRequired');
    assert.equal(api.auth.state.kind, 'signInRequired');
    const pending = api.tracking.pendingSessions().map((s) => s.id);
    assert.ok(pending.includes(first.id) && pending.includes(second.id), 'both sessions wait');
    assert.equal(api.publishing.statusText, `$(account) Sign in · $(cloud-upload) ${pending.length}`);

    assert.equal((await signInByDeviceCode(admin)).kind, 'signedIn');
    assert.equal((await publishNow()).outcome, 'done');
    assert.deepEqual(api.tracking.pendingSessions(), []);
  });

  it('ignores a workspace’s .vscode/settings.json that points the endpoint, authority or client id elsewhere', async () => {
    let strayRequests = 0;
    const stray = http.createServer((_req, res) => {
      strayRequests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => stray.listen(0, '127.0.0.1', resolve));
    const strayPort = (stray.address() as AddressInfo).port;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    await vscode.workspace.fs.writeFile(
      settingsFile,
      Buffer.from(
        JSON.stringify({
          'activityFeed.graph.endpoint': `http://127.0.0.1:${strayPort}/v1.0`,
          'activityFeed.auth.authorityHost': `https://127.0.0.1:${strayPort}`,
          'activityFeed.auth.clientId': '99999999-9999-4999-8999-999999999999',
          'activityFeed.auth.tenant': 'organizations',
          // A window-scoped marker: the settings above are application-scoped, so the editor never shows them at
          // workspace scope; this one tells the test when the editor has read the file.
          'editor.rulers': [101],
        }),
      ),
    );
    try {
      // Once the marker shows at workspace scope the editor has read the file, and the settings change event that
      // the extension listens to has fired.
      await waitFor(
        'the workspace settings to be read',
        () => (vscode.workspace.getConfiguration('editor').inspect('rulers')?.workspaceValue !== undefined ? true : undefined),
        15_000,
      );
      const session = await workOn(api, await newFile('workspace-settings.ts'));
      const summary = await publishNow();
      assert.equal(summary.outcome, 'done', JSON.stringify(summary));
      assert.equal(strayRequests, 0, 'nothing went to the host the workspace named');
      assert.ok(
        (await admin.activities()).some((a) => a.historyItems.some((h) => h.id === session.id)),
        'the session went to the user’s Graph endpoint',
      );
      assert.equal(api.auth.state.kind, 'signedIn');
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      stray.close();
    }
  });
});
