// Hostile tier, first window: Graph (or a gateway in front of it) answers a PUT with a page that echoes the request,
// its Authorization header and body included, plus more secret shapes. Nothing secret may be stored or shown.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { publishNow, waitFor } from '../integration/helpers';
import { ECHO_EXTRA, ECHO_SECRETS, HOSTILE_FOLDER } from './shared';
import { fileIn, INVISIBLE, ownLogText, session, signedInApi } from './support';

const ECHO_FILE = 'echo-target-h3.ts';
const TOKEN_SHAPES = [
  /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/,
  /Bearer\s+(?!\[redacted)[A-Za-z0-9._~+/-]{12,}/i,
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function assertNoSecret(where: string, text: string): void {
  for (const secret of ECHO_SECRETS) assert.ok(!text.includes(secret), `${where} holds ${secret}`);
  for (const shape of TOKEN_SHAPES) assert.doesNotMatch(text, shape, where);
}

describe('hostile repository: secrets stay out of every sink', function () {
  this.timeout(240_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;

  before(async () => {
    api = await signedInApi(admin);
  });

  after(async () => {
    await admin.clearFaults();
  });

  it('keeps a server’s echo of the request out of the outbox: lastError is redacted and one line', async () => {
    // Everything else is published first, so the one PUT the server echoes is the echo file's (publishing also
    // sends the running session, which is then the echo file's too).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal((await publishNow()).outcome, 'done');
    await session(api, fileIn(HOSTILE_FOLDER, ECHO_FILE));
    await admin.addFault({
      method: 'PUT',
      path: '^/me/activities/',
      fault: { kind: 'echo', status: 400, extra: ECHO_EXTRA },
      times: 1,
    });
    const since = Date.now();
    const summary = await publishNow();
    assert.equal(summary.outcome, 'partial', JSON.stringify(summary));
    // Only this test's requests: other files of the window meet gateways of their own.
    const echoed = (await admin.requests()).filter((r) => r.method === 'PUT' && r.status === 400 && Date.parse(r.at) >= since);
    assert.equal(echoed.length, 1, 'the server echoed one request');
    const files = filesUnder(api.publishing.outboxDirectory).filter((f) => f.endsWith('.json'));
    const withError = files.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.includes('lastError'));
    assert.ok(withError.length > 0, 'the failure was recorded in the outbox');
    for (const text of withError) {
      assertNoSecret('an outbox file', text);
      const lastError = (JSON.parse(text) as { lastError: string }).lastError;
      assert.match(lastError, /\[redacted/, 'the redaction shows where the secrets were');
      assert.match(lastError, /Your request was: PUT/, 'the rest of the echo is kept, for support');
      assert.doesNotMatch(lastError, INVISIBLE);
    }
  });

  it('shows the pending sessions and their last error without a secret', async () => {
    await vscode.commands.executeCommand('activityFeed.showPending');
    const report = await waitFor(
      'the pending report',
      () => vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('pending-sessions.md')),
      10_000,
    );
    const shown = report.getText();
    assert.match(shown, /echo-target-h3/, `the pending report lists the refused file: ${shown.slice(0, 2000)}`);
    assertNoSecret('the pending report', shown);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('writes no secret to its log', () => {
    const log = ownLogText(api);
    assert.match(log, /Graph refused the activity/, 'the log covers the refusal');
    assertNoSecret('the log', log);
  });

  it('publishes the refused file once the server behaves', async () => {
    await admin.clearFaults();
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    assert.equal(api.tracking.pendingSessions().filter((s) => s.documentUri.includes('echo-target-h3')).length, 0);
  });
});
