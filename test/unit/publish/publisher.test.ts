// A publishing run end to end below the editor: the real outbox on disk, the real Graph client over a socket to the
// strict emulator. What leaves the outbox is exactly what Graph acknowledged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GraphClient } from '../../../src/graph/client';
import { RequestBudget } from '../../../src/graph/budget';
import { Outbox } from '../../../src/outbox/outbox';
import { PublishedIndex } from '../../../src/outbox/publishedIndex';
import { PublishLock } from '../../../src/outbox/publishLock';
import { planRequests, sessionsByDocument, type PlannedRequest } from '../../../src/publish/plan';
import { Publisher } from '../../../src/publish/publisher';
import { runPolicyFor } from '../../../src/publish/runPolicy';
import { DEFAULT_CLIENT_ID, RunningEmulator } from '../../../tools/graph-emulator';
import { mappingOptions } from './faultTolerance/support';
import { silentLogger } from '../../support/logger';
import { useEmulator } from '../../support/emulator';
import { endedSession } from '../../support/sessions';

describe('Publisher', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let dir: string;
  let outbox: Outbox;
  let token: () => string;
  let budget: RequestBudget;

  /** Where each file's user left off, as the editor would tell the plan: a line per file, so each is its own. */
  const cursorOf = (documentUri: string) => ({
    line: documentUri.length,
    character: documentUri.charCodeAt(documentUri.length - 4),
  });

  const publisher = (lock = new PublishLock({ dir, clock: { now: Date.now } }), onWritten?: (request: PlannedRequest) => void) =>
    new Publisher({
      outbox,
      lock,
      published: new PublishedIndex({ dir, clock: { now: Date.now }, logger: silentLogger }),
      graph: () =>
        new GraphClient({
          baseUrl: emulator.graphUrl,
          userAgent: 'publisher-test',
          credential: { getToken: () => Promise.resolve({ token: token(), expiresOnTimestamp: Date.now() + 3_600_000 }) },
          retry: { maxAttempts: 1 },
          writeBudget: budget,
        }),
      writeBudget: budget,
      plan: (sessions) => {
        return planRequests(
          [...sessionsByDocument(sessions)].map(([documentUri, group]) => ({
            documentUri,
            languageId: 'typescript',
            sessions: group,
            cursor: cursorOf(documentUri),
            workspaceFolderName: 'shop',
          })),
          mappingOptions(),
          emulator.graphUrl,
        );
      },
      onWritten,
      now: Date.now,
      log: silentLogger,
    });

  useEmulator({ throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    emulator.admin.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publisher-'));
    outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger });
    token = () => emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID });
    budget = new RequestBudget([{ max: 60, windowMs: 300_000 }]);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const heldItems = () => emulator.state.all().flatMap((a) => a.historyItems.map((h) => h.id));

  it('sends one PUT per file with all its sessions deep-inserted, and empties the outbox', async () => {
    const a1 = endedSession('file:///w/a.ts', 30);
    const a2 = endedSession('file:///w/a.ts', 10);
    const b1 = endedSession('file:///w/b.ts', 5);
    for (const s of [a1, a2, b1]) outbox.put(s);
    const summary = await publisher().run();
    assert.deepEqual(
      [summary.outcome, summary.activities, summary.sessions, summary.remaining],
      ['done', 2, 3, 0],
      JSON.stringify(summary.failures),
    );
    assert.equal(emulator.admin.requests().filter((r) => r.method === 'PUT').length, 2);
    assert.deepEqual(heldItems().sort(), [a1.id, a2.id, b1.id].sort());
  });

  it('remembers each written activity with the cursor and folder its own planned request carried', async () => {
    const sessions = ['file:///w/a.ts', 'file:///w/b.py', 'file:///w/c.md'].map((uri) => endedSession(uri, 10));
    for (const s of sessions) outbox.put(s);
    const written: PlannedRequest[] = [];
    assert.equal((await publisher(undefined, (request) => written.push(request)).run()).outcome, 'done');
    assert.deepEqual(
      written.map((r) => [r.documentUri, r.origin]).sort(),
      sessions.map((s) => [s.documentUri, { cursor: cursorOf(s.documentUri), workspaceFolderName: 'shop' }]).sort(),
    );
  });

  it("a run woken by a finished session leaves a running session alone unless its file's write goes out anyway", async () => {
    const finished = endedSession('file:///w/a.ts', 10);
    const runningHere = endedSession('file:///w/a.ts', 1, { state: 'ongoing', endReason: undefined });
    const runningElsewhere = endedSession('file:///w/b.ts', 1, { state: 'ongoing', endReason: undefined });
    for (const s of [finished, runningHere, runningElsewhere]) outbox.put(s);
    const policy = runPolicyFor('finished');
    assert.equal(policy.snapshotRunning, false);
    const summary = await publisher().run({ ongoing: policy.ongoing });
    assert.deepEqual(
      [summary.activities, summary.sessions, summary.remaining],
      [1, 2, 1],
      'one write: the finished session and the checkpoint of the same file',
    );
    assert.deepEqual(heldItems().sort(), [finished.id, runningHere.id].sort());
    assert.deepEqual(
      outbox.list().map((e) => e.session.id),
      [runningElsewhere.id],
      'the other running session waits for the interval',
    );
    assert.equal((await publisher().run({ ongoing: runPolicyFor('interval').ongoing })).sessions, 1);
  });

  it('re-uses the session id when an ongoing session is published again, so Graph holds it once', async () => {
    const ongoing = endedSession('file:///w/a.ts', 1, { state: 'ongoing', endReason: undefined, activeSeconds: 30 });
    outbox.put(ongoing);
    await publisher().run();
    outbox.put({ ...ongoing, activeSeconds: 95, lastActiveAt: ongoing.lastActiveAt + 65_000, state: 'ended', endReason: 'idle' });
    await publisher().run();
    const items = emulator.state.all().flatMap((a) => a.historyItems);
    assert.equal(items.length, 1);
    assert.equal(items[0].activeDurationSeconds, 95);
  });

  it('keeps a newer checkpoint written while its older revision was being sent', async () => {
    const ongoing = endedSession('file:///w/a.ts', 1, { state: 'ongoing', endReason: undefined, activeSeconds: 30 });
    outbox.put(ongoing);
    const realToken = token;
    token = () => {
      // The tracker checkpoints the session again while the request is in flight.
      outbox.put({ ...ongoing, activeSeconds: 60 });
      return realToken();
    };
    await publisher().run();
    assert.equal(outbox.list().length, 1, 'the newer revision is still queued');
    assert.equal(outbox.list()[0].session.activeSeconds, 60);
  });

  it('stops at "sign-in required" with everything still queued', async () => {
    outbox.put(endedSession('file:///w/a.ts', 3));
    outbox.put(endedSession('file:///w/b.ts', 2));
    token = () => 'not-a-token';
    const summary = await publisher().run();
    assert.equal(summary.outcome, 'signInRequired');
    assert.equal(summary.remaining, 2);
    const puts = emulator.admin
      .requests()
      .filter((r) => r.method === 'PUT')
      .map((r) => r.url);
    assert.equal(puts.length, 2, 'the first activity was tried once more with a fresh token, the second not at all');
    assert.equal(puts[0], puts[1]);
  });

  it('waits for the network: an unreachable Graph keeps every session and says when to try again', async () => {
    outbox.put(endedSession('file:///w/a.ts', 3));
    const unreachable = new Publisher({
      outbox,
      lock: new PublishLock({ dir, clock: { now: Date.now } }),
      published: new PublishedIndex({ dir, clock: { now: Date.now }, logger: silentLogger }),
      graph: () =>
        new GraphClient({
          baseUrl: 'http://127.0.0.1:9/v1.0',
          userAgent: 't',
          credential: { getToken: () => Promise.resolve({ token: token(), expiresOnTimestamp: Date.now() + 3_600_000 }) },
          retry: { maxAttempts: 1 },
        }),
      writeBudget: budget,
      plan: (sessions) =>
        planRequests(
          [{ documentUri: 'file:///w/a.ts', languageId: 'typescript', sessions }],
          mappingOptions(),
          'http://127.0.0.1:9/v1.0',
        ),
      now: Date.now,
      log: silentLogger,
    });
    const summary = await unreachable.run();
    assert.equal(summary.outcome, 'retryLater');
    assert.ok((summary.retryAt ?? 0) > Date.now());
    assert.equal(outbox.count(), 1);
  });

  it('records a refusal for good on the sessions it concerns, publishes the rest, and reports it', async () => {
    outbox.put(endedSession('file:///w/a.ts', 3));
    const b = endedSession('file:///w/b.ts', 2);
    outbox.put(b);
    emulator.admin.addFault({
      method: 'PUT',
      path: '^/me/activities/',
      fault: { kind: 'status', status: 400, code: 'invalidRequest' },
      times: 1,
    });
    const summary = await publisher().run();
    assert.equal(summary.outcome, 'partial');
    assert.equal(summary.failures.length, 1);
    assert.equal(outbox.count(), 1, 'the refused session stays queued');
    assert.match(outbox.list()[0].lastError ?? '', /400/);
    assert.equal(outbox.list()[0].attempts, 1);
  });

  it('stops when the write budget is spent and says when it frees up', async () => {
    budget = new RequestBudget([{ max: 1, windowMs: 300_000 }]);
    outbox.put(endedSession('file:///w/a.ts', 3));
    outbox.put(endedSession('file:///w/b.ts', 2));
    const summary = await publisher().run();
    assert.equal(summary.outcome, 'budget');
    assert.equal(summary.activities, 1);
    assert.equal(outbox.count(), 1);
    assert.ok((summary.retryAt ?? 0) > Date.now() + 290_000);
  });

  it('does nothing while another window holds the publish lock', async () => {
    outbox.put(endedSession('file:///w/a.ts', 3));
    const other = new PublishLock({ dir, clock: { now: Date.now } });
    assert.ok(other.tryAcquire());
    const summary = await publisher().run();
    assert.equal(summary.outcome, 'busy');
    assert.equal(emulator.admin.requests().length, 0);
    other.release();
    assert.equal((await publisher().run()).outcome, 'done');
  });
});
