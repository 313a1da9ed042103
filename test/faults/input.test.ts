// Faults tier, input phase: the editor starts with every contributed setting it may take from a person set to a
// value of the wrong type or out of range (only the four that point it at the emulator stay valid: see
// test/runners/faults.ts). The extension must say what is wrong, use the defaults, keep tracking odd documents
// without falling over, keep an excluded file's name on the machine, and handle a Graph 400 by its documented
// policy: Publish Now tries again, automatic runs skip an activity refused 3 times, and nothing loops.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_ACTIVITY_SOURCE_HOST } from '../../src/activity/activitySourceHost';
import type { Session } from '../../src/tracking/types';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import {
  activityFeed,
  newFile,
  publishNow,
  signInByDeviceCode,
  sleep,
  typeAndDeliver,
  waitFor,
  workOn,
} from '../integration/helpers';
import { isActivityPut } from './crashSupport';
import { BIG_FILE, BINARY_FILE, EXCLUDED_FOLDER, EXCLUDED_NAME, EXCLUDED_STEM, findEncodings } from './shared';
import type { ActivityFeedApi } from '../../src/app/api';

/** What the log must name, one line each, for the invalid values runFaults.ts writes into the user settings. */
export const EXPECTED_PROBLEMS = [
  'activityFeed.tracking.enabled:',
  'activityFeed.tracking.exclude:',
  'idleTimeoutSeconds:',
  'switchGraceSeconds:',
  'blurGraceSeconds:',
  'minimumSessionSeconds:',
  'checkpointIntervalSeconds:',
  'activityFeed.privacy:',
  'activityFeed.workspaceAlias:',
  'activityFeed.displayTextTemplate:',
  'activityFeed.descriptionTemplate:',
  'activityFeed.backgroundColor:',
  'activityFeed.iconUrl:',
  'activityFeed.timezone:',
  'activityFeed.activitySourceHost:',
  'activityFeed.auth.tenant:',
  'activityFeed.publish.mode:',
  'activityFeed.publish.finishedDelaySeconds:',
  'activityFeed.publish.intervalSeconds:',
  'activityFeed.publish.onWindowBlur:',
  'activityFeed.publish.onShutdown:',
  'activityFeed.publish.maxQueuedSessions:',
  'activityFeed.graph.writesPerFiveMinutes:',
  'activityFeed.graph.writesPerDay:',
  'activityFeed.graph.requestTimeoutSeconds:',
  'activityFeed.graph.maxAttempts:',
];

function ownLog(api: ActivityFeedApi): string {
  const read = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? read(path.join(dir, e.name)) : [fs.readFileSync(path.join(dir, e.name), 'utf8')]))
      : [];
  return read(api.logDirectory).join('\n');
}

/** A fault-rule pattern matching exactly this path. */
function exactPath(text: string): string {
  return `^${text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')}$`;
}

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

describe('bad input', function () {
  this.timeout(240_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;
  /** The ground truth: every session this phase produced that may leave the machine. */
  const produced: Session[] = [];

  before(async () => {
    api = await activityFeed();
    api.tracking.onDidFinishSession((session) => produced.push(session));
  });

  /** Ends whatever runs (so the ground truth is complete), publishes, and resumes. */
  async function publishSettled() {
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    try {
      return await publishNow();
    } finally {
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    }
  }

  it('activates with every setting invalid and names each one in its log, with what it uses instead', async () => {
    assert.equal((await signInByDeviceCode(admin)).kind, 'signedIn', 'the routing settings still work');
    // Exclusion settings are per document, so they are read (and reported) when a document opens.
    await vscode.window.showTextDocument(workspaceFile('README.md'));
    const log = await waitFor(
      'every problem in the log',
      () => {
        const text = ownLog(api);
        return EXPECTED_PROBLEMS.every((p) => text.includes(p)) ? text : undefined;
      },
      30_000,
    ).catch(() => ownLog(api));
    const lines = log.split('\n').filter((line) => line.includes('setting ignored:'));
    const missing = EXPECTED_PROBLEMS.filter((p) => !lines.some((line) => line.includes(p)));
    assert.deepEqual(missing, [], `problems not reported; the log has:\n${lines.join('\n')}`);
    const messages = lines.map((line) => line.slice(line.indexOf('setting ignored:')));
    assert.deepEqual(
      messages.filter((m, i) => messages.indexOf(m) !== i),
      [],
      'each problem is logged once',
    );
    for (const line of lines)
      assert.match(line, /(using|read as|ignored|nothing is excluded)/, `says what happens instead: ${line}`);
    assert.equal(api.auth.state.kind, 'signedIn');
  });

  it('still tracks and publishes, with the defaults (and the most private level for an unknown privacy value)', async () => {
    const ordinary = await newFile('ordinary.ts');
    const session = await workOn(api, ordinary);
    const summary = await publishSettled();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    const put = (await admin.requests()).filter(isActivityPut).find((r) => r.body.includes(session.id));
    assert.ok(put, 'the session was sent');
    const body = JSON.parse(put.body) as {
      activitySourceHost: string;
      visualElements: { backgroundColor?: string; displayText: string };
    };
    assert.equal(body.activitySourceHost, DEFAULT_ACTIVITY_SOURCE_HOST);
    assert.equal(body.visualElements.backgroundColor, '#1F3B57');
    assert.ok(
      !put.body.includes('ordinary'),
      'an unknown privacy value falls back to the most private level: no file name is sent',
    );
  });

  it('handles untitled buffers, odd file names, a 20 MB file and a binary file without falling over', async () => {
    const untitled = await vscode.workspace.openTextDocument({ content: 'scratch\n', language: 'plaintext' });
    const scratch = await workOn(api, untitled.uri);
    assert.equal(scratch.publishable, false, 'a never-saved buffer is tracked but marked as not publishable');

    const odd = await newFile('odd name %41 #frag ü 日本 (1).ts');
    await workOn(api, odd);

    const big = workspaceFile(BIG_FILE);
    const bigDocument = await vscode.workspace.openTextDocument(big);
    assert.ok(bigDocument.getText().length >= 20_000_000, 'the 20 MB file reached the extension host');
    await workOn(api, big);

    const binary = workspaceFile(BINARY_FILE);
    let binaryOutcome: string;
    try {
      await vscode.window.showTextDocument(binary, { preview: false });
      await sleep(1_000);
      binaryOutcome = 'opened as text';
    } catch (error) {
      binaryOutcome = `refused by the editor: ${String(error).slice(0, 80)}`;
    }
    console.log(`binary file: ${binaryOutcome}`);

    const summary = await publishSettled();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    assert.equal(api.tracking.pendingSessions().length, 0);
    const held = new Set((await admin.activities()).flatMap((a) => a.historyItems.map((h) => h.id.toLowerCase())));
    assert.ok(!held.has(scratch.id.toLowerCase()), 'the untitled buffer never left the machine');
    assert.doesNotMatch(ownLog(api), /\[error\]/, 'nothing failed');
  });

  it('never tracks the excluded file, so nothing about it reaches Graph', async () => {
    const secret = workspaceFile(EXCLUDED_FOLDER, EXCLUDED_NAME);
    for (let i = 0; i < 3; i++) {
      await typeAndDeliver(secret, 'x');
    }
    assert.notEqual(api.tracking.currentSession()?.documentUri, secret.toString(), 'no session runs for it');
    const summary = await publishSettled();
    assert.equal(summary.outcome, 'done');
    assert.ok(
      produced.every((s) => s.documentUri !== secret.toString()),
      'no session was ever made for it',
    );
    assert.deepEqual(findEncodings(await admin.received(), EXCLUDED_STEM), [], 'the emulator received nothing naming it');
  });

  it('reports a Graph 400 for one activity, publishes the others, and follows the retry policy without looping', async () => {
    const refused = await newFile('refused.ts');
    const other = await newFile('accepted.ts');
    const refusedSession = await workOn(api, refused);
    const otherSession = await workOn(api, other);
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const request = api.planRequests().requests.find((r) => r.documentUri === refused.toString());
    assert.ok(request, 'the refused file has a planned request');
    const refusedPath = new URL(request.url).pathname.replace(/^\/v1\.0/, '');
    await admin.addFault({
      method: 'PUT',
      path: exactPath(refusedPath),
      fault: { kind: 'status', status: 400, code: 'invalidRequest' },
    });
    const refusedPuts = async () =>
      (await admin.requests()).filter((r) => isActivityPut(r) && r.url.split('?')[0] === `/v1.0${refusedPath}`).length;
    const before = await refusedPuts();

    const first = await publishSettled();
    assert.equal(first.outcome, 'partial');
    assert.deepEqual(
      first.failures.map((f) => f.documentUri),
      [refused.toString()],
    );
    assert.match(first.failures[0].message, /refused the request \(400 invalidRequest\)/, 'a message a person can act on');
    assert.match(ownLog(api), /Graph refused the activity for .*refused\.ts/);
    const held = () =>
      admin.activities().then((all) => new Set(all.flatMap((a) => a.historyItems.map((h) => h.id.toLowerCase()))));
    assert.ok((await held()).has(otherSession.id.toLowerCase()), 'the other activity was published');

    // Publish Now is a person asking: it tries again each time.
    for (let i = 0; i < 2; i++) assert.equal((await publishSettled()).outcome, 'partial');
    assert.equal((await refusedPuts()) - before, 3, 'one PUT per Publish Now, no retries within a run');
    const entry = JSON.parse(
      fs.readFileSync(path.join(api.publishing.outboxDirectory, 'sessions', `${refusedSession.id}.json`), 'utf8'),
    ) as { attempts: number; lastError: string };
    assert.equal(entry.attempts, 3, 'the refusals are counted on the queued session');
    assert.match(entry.lastError, /400/);

    // An automatic run (30 s after a session ends: finishedDelaySeconds is invalid here, so its default) skips it.
    const finishedRuns = () => (ownLog(api).match(/Publish \(finished\)/g) ?? []).length;
    const runsBefore = finishedRuns();
    const later = await workOn(api, await newFile('later.ts'));
    await waitFor('an automatic run after the session ended', () => (finishedRuns() > runsBefore ? true : undefined), 120_000);
    await waitFor(
      'the later session to be published',
      async () => ((await held()).has(later.id.toLowerCase()) ? true : undefined),
      30_000,
    );
    assert.equal(
      (await refusedPuts()) - before,
      3,
      'the automatic run did not send the activity refused 3 times, and nothing retried it by itself',
    );
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.id === refusedSession.id),
      'it stays queued for a person to look at',
    );

    // Once Graph accepts it, Publish Now gets it out.
    await admin.clearFaults();
    assert.equal((await publishSettled()).outcome, 'done');
    assert.ok((await held()).has(refusedSession.id.toLowerCase()));
    console.log(`400 policy: ${(await refusedPuts()) - before} PUTs for the refused activity over the phase`);
  });

  it('leaves Graph holding exactly the publishable sessions of this phase, once each', async () => {
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done');
    const truth = produced.filter((s) => s.publishable !== false && s.endReason !== 'excluded').map((s) => s.id.toLowerCase());
    const items = (await admin.activities()).flatMap((a) => a.historyItems.map((h) => h.id.toLowerCase()));
    assert.deepEqual(
      items.filter((id, i) => items.indexOf(id) !== i),
      [],
      'nothing is held twice',
    );
    assert.deepEqual([...new Set(items)].sort(), [...new Set(truth)].sort());
    assert.equal(api.tracking.pendingSessions().length, 0);
    console.log(`input phase: ${truth.length} sessions published, ${(await admin.requests()).filter(isActivityPut).length} PUTs`);
  });
});
