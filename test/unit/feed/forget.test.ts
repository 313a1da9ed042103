// Forget end to end below the editor: activities published to the strict emulator over a socket, read back through
// empty pages, a plan made from what was read, and the deletes sent by the real client within its write budget.
import type { UserActivityResponse } from '../../../src/graph/types';
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { GraphClient } from '../../../src/graph/client';
import { RequestBudget } from '../../../src/graph/budget';
import type { UserActivityRequest } from '../../../src/graph/types';
import { PublishedFeed } from '../../../src/feed/publishedFeed';
import { planForget } from '../../../src/feed/forgetPlan';
import { runForget } from '../../../src/feed/forgetRun';
import { PublishedActivity, toPublishedActivities } from '../../../src/feed/model';
import type { Session } from '../../../src/tracking/types';
import { DEFAULT_CLIENT_ID, DEFAULT_USER, RunningEmulator, startEmulator } from '../../../tools/graph-emulator';
import { EmulatorCredential } from '../graph/testSupport';

const HOUR = 3_600_000;
const base = Date.parse('2026-11-26T08:00:00Z');

function activity(name: string, sessions: { id: string; at: number }[]): UserActivityRequest {
  return {
    appActivityId: `file-${name}`,
    activitySourceHost: 'https://activity-feed.github.io',
    activationUrl: `vscode://file/work/${name}.ts:1:1`,
    visualElements: { displayText: `${name}.ts`, content: { type: 'AdaptiveCard', body: [] } },
    historyItems: sessions.map((s) => ({
      id: s.id,
      startedDateTime: new Date(s.at).toISOString(),
      lastActiveDateTime: new Date(s.at + 600_000).toISOString(),
      activeDurationSeconds: 500,
    })),
  };
}

describe('Forget against the emulator', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let client: GraphClient;
  let writes: RequestBudget;
  const ids = { a1: randomUUID(), a2: randomUUID(), b1: randomUUID(), c1: randomUUID() };
  const where: Record<string, string> = {
    'file-a': 'file:///work/alpha/a.ts',
    'file-b': 'file:///work/alpha/b.ts',
    'file-c': 'file:///work/beta/c.ts',
  };

  beforeEach(async () => {
    emulator = await startEmulator({ auth: false, paging: { pageSize: 1, emptyPagesBetween: 2 } });
    writes = new RequestBudget([{ windowMs: 300_000, max: 60 }]);
    client = new GraphClient({
      credential: new EmulatorCredential(emulator, DEFAULT_CLIENT_ID),
      userAgent: 'test',
      baseUrl: emulator.graphUrl,
      writeBudget: writes,
    });
    await client.upsertActivity(
      activity('a', [
        { id: ids.a1, at: base },
        { id: ids.a2, at: base + 3 * HOUR },
      ]),
    );
    await client.upsertActivity(activity('b', [{ id: ids.b1, at: base + HOUR }]));
    await client.upsertActivity(activity('c', [{ id: ids.c1, at: base + 4 * HOUR }]));
  });
  afterEach(() => emulator.close());

  async function readBack(): Promise<PublishedActivity[]> {
    return toPublishedActivities(await client.listActivities(), (a) => where[a.appActivityId]);
  }
  const held = () =>
    emulator.state
      .activitiesOfUser(DEFAULT_USER.oid)
      .map(
        (a) =>
          `${a.appActivityId}:${emulator.state
            .liveHistoryItems(a)
            .map((h) => h.id)
            .sort()
            .join(',')}`,
      )
      .sort();

  it('reads everything back through empty pages', async () => {
    const read = await readBack();
    assert.deepEqual(read.map((a) => a.appActivityId).sort(), ['file-a', 'file-b', 'file-c']);
    assert.equal(
      read.reduce((n, a) => n + a.sessions.length, 0),
      4,
    );
  });

  it('forgets one session and leaves the activity with its other session', async () => {
    const read = await readBack();
    const a = read.find((x) => x.appActivityId === 'file-a')!;
    const plan = planForget({ kind: 'session', activity: a, sessionId: ids.a1 }, read, []);
    assert.deepEqual([plan.activities.length, plan.sessions.length, plan.writes], [0, 1, 1]);
    const result = await runForget(plan, client);
    assert.deepEqual(result.sessionsGone, [ids.a1]);
    assert.deepEqual(held(), [`file-a:${ids.a2}`, `file-b:${ids.b1}`, `file-c:${ids.c1}`]);
  });

  it("forgetting an activity's only session deletes the activity", async () => {
    const read = await readBack();
    const b = read.find((x) => x.appActivityId === 'file-b')!;
    const plan = planForget({ kind: 'session', activity: b, sessionId: ids.b1 }, read, []);
    assert.deepEqual(
      plan.activities.map((x) => x.appActivityId),
      ['file-b'],
    );
    await runForget(plan, client);
    assert.deepEqual(held(), [`file-a:${[ids.a1, ids.a2].sort().join(',')}`, `file-c:${ids.c1}`]);
  });

  it('forgets a workspace: its activities go whole, its pending sessions are discarded, others stay', async () => {
    const read = await readBack();
    const pending: Session[] = [
      {
        id: randomUUID(),
        documentUri: 'file:///work/alpha/new.ts',
        languageId: 'ts',
        startedAt: base,
        lastActiveAt: base + 1000,
        activeSeconds: 1,
        state: 'ended',
      },
      {
        id: randomUUID(),
        documentUri: 'file:///work/beta/c.ts',
        languageId: 'ts',
        startedAt: base,
        lastActiveAt: base + 1000,
        activeSeconds: 1,
        state: 'ended',
      },
    ];
    const plan = planForget(
      { kind: 'workspace', name: 'alpha', contains: (uri) => uri.startsWith('file:///work/alpha/') },
      read,
      pending,
    );
    assert.deepEqual(plan.activities.map((x) => x.appActivityId).sort(), ['file-a', 'file-b']);
    assert.deepEqual(
      plan.pending.map((s) => s.documentUri),
      ['file:///work/alpha/new.ts'],
    );
    const before = writes.remaining();
    const progress: string[] = [];
    const result = await runForget(plan, client, { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    assert.deepEqual(result.activitiesGone.sort(), ['file-a', 'file-b']);
    assert.deepEqual(held(), [`file-c:${ids.c1}`]);
    assert.equal(before - writes.remaining(), 2, 'each DELETE takes one slot of the write budget');
    assert.deepEqual(progress, ['0/2', '1/2', '2/2']);
  });

  it('forgets a time range: whole activities inside it, single sessions of activities that reach outside', async () => {
    const read = await readBack();
    // 08:30 → 11:30 covers a1? no (08:00–08:10); b1 (09:00) fully; a2 (11:00) of a.
    const plan = planForget({ kind: 'range', from: base + 30 * 60_000, to: base + 3.5 * HOUR }, read, []);
    assert.deepEqual(
      plan.activities.map((x) => x.appActivityId),
      ['file-b'],
    );
    assert.deepEqual(
      plan.sessions.map((s) => s.sessionId),
      [ids.a2],
    );
    await runForget(plan, client);
    assert.deepEqual(held(), [`file-a:${ids.a1}`, `file-c:${ids.c1}`]);
  });

  it('stops without retrying in a loop when Graph cannot be reached, and says how many were not attempted', async () => {
    const read = await readBack();
    const plan = planForget({ kind: 'range', from: 0, to: Date.now() }, read, []);
    const offline = new GraphClient({
      credential: new EmulatorCredential(emulator, DEFAULT_CLIENT_ID),
      userAgent: 'test',
      baseUrl: 'http://127.0.0.1:9/v1.0',
      retry: { maxAttempts: 1 },
    });
    const result = await runForget(plan, offline);
    assert.equal(result.stopped, 'offline');
    assert.equal(result.notAttempted, 3);
    assert.equal(held().length, 3, 'nothing was deleted');
  });

  it('an activity already gone counts as forgotten; a refusal is reported and the rest goes on', async () => {
    const read = await readBack();
    await client.deleteActivity(read.find((x) => x.appActivityId === 'file-c')!.id);
    const plan = planForget({ kind: 'range', from: 0, to: Date.now() }, read, []);
    assert.deepEqual(plan.activities.map((x) => x.appActivityId).sort(), ['file-a', 'file-b', 'file-c']);
    const refused = read.find((x) => x.appActivityId === 'file-a')!.id;
    emulator.admin.addFault({
      method: 'DELETE',
      path: refused,
      sequence: [{ kind: 'status', status: 403, code: 'accessDenied' }],
    });
    const result = await runForget(plan, client);
    assert.equal(result.failures.length, 1);
    assert.match(result.failures[0].message, /403|accessDenied/);
    assert.deepEqual(result.activitiesGone.sort(), ['file-b', 'file-c']);
    assert.deepEqual(held(), [`file-a:${[ids.a1, ids.a2].sort().join(',')}`], 'only the refused activity is still held');
  });
});

describe('PublishedFeed', () => {
  const budget = (remaining: number) => ({ remaining: () => remaining, nextSlotAt: () => 42 });

  it('leaves out the probes Check Microsoft Graph left behind, for every part that shows the feed', async () => {
    const activity = (appActivityId: string) => ({ appActivityId, historyItems: [] }) as unknown as UserActivityResponse;
    const feed = new PublishedFeed({
      list: () =>
        Promise.resolve([
          activity('activity-feed-check-0a1b2c3d4e5f-a'),
          activity('h!cart'),
          activity('activity-feed-check-x-b'),
        ]),
      auth: () => 'signedIn',
      readBudget: budget(10),
      now: () => 0,
      onChange: () => undefined,
    });
    assert.equal((await feed.refresh()).kind, 'ok');
    assert.deepEqual(
      feed.cached.map((a) => a.appActivityId),
      ['h!cart'],
    );
  });

  it('reads once, serves the copy while fresh, and reads again when forced', async () => {
    let reads = 0;
    let now = 0;
    const feed = new PublishedFeed({
      list: () => (reads++, Promise.resolve([])),
      auth: () => 'signedIn',
      readBudget: budget(10),
      now: () => now,
      onChange: () => undefined,
    });
    assert.equal((await feed.refresh()).kind, 'ok');
    now += 60_000;
    await feed.refresh();
    assert.equal(reads, 1);
    await feed.refresh({ force: true });
    assert.equal(reads, 2);
    now += 11 * 60_000;
    await feed.refresh();
    assert.equal(reads, 3, 'a copy older than ten minutes is read again');
  });

  it('does not read when signed out or not set up, nor when the read budget is spent', async () => {
    let reads = 0;
    const list = () => (reads++, Promise.resolve([]));
    assert.equal(
      (
        await new PublishedFeed({
          list,
          auth: () => 'signInRequired',
          readBudget: budget(10),
          now: () => 0,
          onChange: () => undefined,
        }).refresh()
      ).kind,
      'signedOut',
    );
    assert.equal(
      (
        await new PublishedFeed({
          list,
          auth: () => 'notConfigured',
          readBudget: budget(10),
          now: () => 0,
          onChange: () => undefined,
        }).refresh()
      ).kind,
      'notConfigured',
    );
    assert.deepEqual(
      await new PublishedFeed({
        list,
        auth: () => 'signedIn',
        readBudget: budget(0),
        now: () => 0,
        onChange: () => undefined,
      }).refresh(),
      { kind: 'budget', retryAt: 42 },
    );
    assert.equal(reads, 0);
  });

  it('keeps the last good copy through a failed read, and names the failure', async () => {
    let fail = false;
    const one = [
      { id: 's', appActivityId: 'x', activitySourceHost: 'h', activationUrl: 'u', visualElements: { displayText: 'x' } },
    ];
    const feed = new PublishedFeed({
      list: () => (fail ? Promise.reject(new Error('socket hang up')) : Promise.resolve(one)),
      auth: () => 'signedIn',
      readBudget: budget(10),
      now: () => 0,
      onChange: () => undefined,
    });
    await feed.refresh();
    fail = true;
    const state = await feed.refresh({ force: true });
    assert.deepEqual(state, { kind: 'error', message: 'socket hang up' });
    assert.equal(feed.cached.length, 1);
    feed.removeLocally(['x'], []);
    assert.equal(feed.cached.length, 0);
  });
});
