// The publisher against services that answer the undocumented questions against it: it finds out from the
// answers, never duplicates or drops a session, keeps one activity per file across the change of id scheme, and
// never sends before a Retry-After has ended, however long.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { legacyAppActivityId } from '../../../src/activity/appActivityId';
import { toHistoryItem } from '../../../src/activity/historyItems';
import { GraphClient } from '../../../src/graph/client';
import { RequestBudget } from '../../../src/graph/budget';
import { MAX_SERVER_DELAY_MS } from '../../../src/graph/serverDelay';
import { encodeAppActivityId } from '../../../src/graph/paths';
import { Outbox } from '../../../src/outbox/outbox';
import { PublishedIndex } from '../../../src/outbox/publishedIndex';
import { planRequests } from '../../../src/publish/plan';
import { MemoryServiceFacts } from '../../../src/publish/serviceFacts';
import type { Session } from '../../../src/tracking/types';
import { RunningEmulator } from '../../../tools/graph-emulator';
import { assertPublishedExactlyOnce, emulatorTarget, heldItems, makePublisher, mappingOptions } from './faultTolerance/support';
import { VirtualClock } from '../../support/clock';
import { silentLogger } from '../../support/logger';
import { useEmulator } from '../../support/emulator';
import { endedSession } from '../../support/sessions';

describe('Publisher: verifies every answer and adapts to the service', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;
  let outbox: Outbox;
  let clock: VirtualClock;

  useEmulator({ throttling: { enabled: false }, now: () => clock.now() }, (started) => (emulator = started));
  beforeEach(() => {
    clock = new VirtualClock();
    emulator.admin.reset();
    emulator.admin.setProfile({ profile: 'documented' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adaptive-'));
    outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const client = () =>
    new GraphClient({
      baseUrl: emulator.graphUrl,
      userAgent: 'test',
      credential: {
        getToken: () => Promise.resolve({ token: emulatorTarget(emulator).token(), expiresOnTimestamp: clock.now() + 3_600_000 }),
      },
      clock,
    });
  const index = () => new PublishedIndex({ dir, clock: { now: Date.now }, logger: silentLogger });
  const put = (...sessions: Session[]) => sessions.forEach((s) => assert.equal(outbox.put(s), 'stored'));

  it('finds out from the first answer that the service ignores history item ids, and leaves each session once under its own id', async () => {
    emulator.admin.setProfile({ profile: 'pessimistic' });
    const facts = new MemoryServiceFacts();
    const publisher = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, service: facts, confirmAfterMs: 0 });
    const a = endedSession('file:///w/a.ts', 30);
    const b = endedSession('file:///w/a.ts', 20);
    put(a, b);
    assert.equal((await publisher.run()).outcome, 'done');
    assert.equal(facts.get().historyIds, 'ignored', 'learnt from the answer');
    const c = endedSession('file:///w/a.ts', 10);
    put(c);
    assert.equal((await publisher.run()).outcome, 'done');
    assertPublishedExactlyOnce(emulator, [a, b, c]);
    assert.equal(emulator.state.all().length, 1, 'one activity for the file');
    const entry = [...index().all().values()][0];
    assert.equal(
      await client().deleteHistoryItem(entry.serverId as string, b.id),
      true,
      'Forget deletes the session by its own id',
    );
    assert.deepEqual([...heldItems(emulator).keys()].sort(), [a.id, c.id].sort());
  });

  it('never sends a replacing PUT to a published activity while it is unknown whether that drops items', async () => {
    emulator.admin.setProfile({ profile: 'documented', replace: 'drops' });
    const publisher = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, service: new MemoryServiceFacts() });
    const first = endedSession('file:///w/b.ts', 30);
    put(first);
    await publisher.run();
    const later = endedSession('file:///w/b.ts', 5);
    const again = { ...first, lastActiveAt: first.lastActiveAt + 60_000, activeSeconds: first.activeSeconds + 60 };
    put(later, again);
    assert.equal((await publisher.run()).outcome, 'done');
    assertPublishedExactlyOnce(emulator, [again, later]);
    const activityPuts = emulator.admin.requests().filter((r) => r.method === 'PUT' && !r.url.includes('/historyItems/'));
    assert.equal(activityPuts.length, 1, 'the activity itself was PUT once, when it was new');
  });

  it('a write whose answer was lost is read back before the session counts as published', async () => {
    emulator.admin.setProfile({ profile: 'pessimistic' });
    const facts = new MemoryServiceFacts({ historyIds: 'ignored', replace: 'drops' });
    const publisher = makePublisher({
      target: emulatorTarget(emulator),
      dir,
      outbox,
      clock,
      service: facts,
      maxAttempts: 1,
      confirmAfterMs: 60_000,
    });
    const s = endedSession('file:///w/c.ts', 30);
    put(s);
    emulator.admin.addFault({ method: 'PUT', path: '/historyItems/', sequence: [{ kind: 'lostAnswer' }] });
    const lost = await publisher.run();
    assert.equal(lost.outcome, 'retryLater');
    assert.equal(outbox.count(), 1, 'not acknowledged: the answer never came');
    const resent = await publisher.run();
    assert.equal(resent.outcome, 'retryLater', 'written again, but not confirmed before the lost write could still land');
    assert.equal(outbox.count(), 1);
    clock.advanceTo(resent.retryAt as number);
    const reads = emulator.admin.requests().filter((r) => r.method === 'GET').length;
    assert.equal((await publisher.run()).outcome, 'done');
    assert.ok(emulator.admin.requests().filter((r) => r.method === 'GET').length > reads, 'read back');
    assert.equal(outbox.count(), 0);
    assertPublishedExactlyOnce(emulator, [s]);
  });

  for (const [known, replace] of [
    [false, 'drops'],
    [true, 'drops'],
    [false, 'keeps'],
    [true, 'keeps'],
  ] as const) {
    it(`restarted after a deep insert whose answer was lost, against a service that ignores ids and ${replace} items a replacing PUT leaves out (${known ? 'known' : 'not known yet'}): each session once`, async () => {
      emulator.admin.setProfile({ profile: 'pessimistic', replace });
      const facts = new MemoryServiceFacts(known ? { historyIds: 'ignored' } : {});
      const first = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, service: facts, maxAttempts: 1 });
      const a = endedSession('file:///w/g.ts', 30);
      const b = endedSession('file:///w/g.ts', 20);
      put(a, b);
      emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'lostAnswer' }] });
      assert.equal((await first.run()).outcome, 'retryLater');
      assert.equal(outbox.count(), 2);
      // The editor restarts: a new publisher, nothing in memory about the lost answer.
      const second = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, service: facts, confirmAfterMs: 0 });
      for (let run = 0; outbox.count() > 0; run++) {
        assert.ok(run < 5, 'drained');
        const summary = await second.run();
        if (summary.retryAt) clock.advanceTo(summary.retryAt);
      }
      assertPublishedExactlyOnce(emulator, [a, b]);
    });
  }

  it('keeps one activity per file across the change of ids: an activity published under an earlier id stays the file’s activity', async () => {
    const publisher = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, service: new MemoryServiceFacts() });
    const earlier = endedSession('file:///w/d.ts', 60);
    const [request] = planRequests(
      [{ documentUri: earlier.documentUri, languageId: 'typescript', sessions: [earlier] }],
      mappingOptions(),
      emulator.graphUrl,
    ).requests;
    const oldId = legacyAppActivityId(request.body.appActivityId) as string;
    assert.match(oldId, /^h:/, 'what earlier versions made');
    const old = await client().upsertActivity({ ...request.body, appActivityId: oldId });
    index().record(oldId, { serverId: old.id, documentUri: earlier.documentUri, historyItemIds: [earlier.id], at: Date.now() });
    const now = endedSession('file:///w/d.ts', 5);
    put(now);
    assert.equal((await publisher.run()).outcome, 'done');
    assert.deepEqual(
      emulator.state.all().map((a) => a.appActivityId),
      [oldId],
      'no second activity for the file',
    );
    assertPublishedExactlyOnce(emulator, [earlier, now]);
  });

  it('an earlier readable id that needs %2F is reached by its server id when the service refuses %2F', async () => {
    emulator.admin.setProfile({ profile: 'pessimistic' });
    const mapping = { privacy: 'full' as const };
    const publisher = makePublisher({
      target: emulatorTarget(emulator),
      dir,
      outbox,
      clock,
      service: new MemoryServiceFacts(),
      mapping,
      confirmAfterMs: 0,
    });
    const earlier = endedSession('file:///w/src/e.ts', 60);
    const [request] = planRequests(
      [{ documentUri: earlier.documentUri, languageId: 'typescript', sessions: [earlier] }],
      { ...mappingOptions(), ...mapping },
      emulator.graphUrl,
    ).requests;
    const oldId = legacyAppActivityId(request.body.appActivityId) as string;
    assert.equal(oldId, 'file:///w/src/e.ts');
    // Published back when the service took %2F.
    emulator.admin.setProfile({ encodedSlash: 'accepted' });
    const old = await client().upsertActivity({ ...request.body, appActivityId: oldId, historyItems: undefined });
    await client().putHistoryItem(old.id, { ...toHistoryItem(earlier), id: earlier.id });
    emulator.admin.setProfile({ encodedSlash: 'rejected' });
    index().record(oldId, { serverId: old.id, documentUri: earlier.documentUri, historyItemIds: [earlier.id], at: Date.now() });
    emulator.admin.clearRequests();
    const now = endedSession('file:///w/src/e.ts', 5);
    put(now);
    assert.equal((await publisher.run()).outcome, 'done');
    assert.deepEqual(
      emulator.state.all().map((a) => a.appActivityId),
      [oldId],
      'still one activity',
    );
    assertPublishedExactlyOnce(emulator, [earlier, now]);
    assert.deepEqual(
      emulator.admin.requests().filter((r) => r.url.includes('%2F')),
      [],
      'nothing was sent with %2F',
    );
    assert.equal(encodeAppActivityId(request.body.appActivityId), request.body.appActivityId, 'the new id needs no escaping');
  });

  it('honours a Retry-After of 15 minutes in full: the run hands the wait to the scheduler, nothing goes early, the throttled attempt counts', async () => {
    const budget = new RequestBudget([{ max: 60, windowMs: 3_600_000 }], clock);
    const publisher = makePublisher({
      target: emulatorTarget(emulator),
      dir,
      outbox,
      clock,
      budget,
      service: new MemoryServiceFacts(),
    });
    put(endedSession('file:///w/f.ts', 30));
    emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'status', status: 429, retryAfter: '900' }] });
    const started = clock.now();
    const throttled = await publisher.run();
    assert.equal(throttled.outcome, 'retryLater');
    assert.equal(throttled.retryAt, started + 900_000);
    assert.equal(budget.nextSlotAt(), started + 900_000);
    clock.advanceTo(started + 600_000);
    const early = await publisher.run();
    assert.equal(early.outcome, 'budget', 'still waiting');
    assert.equal(early.retryAt, started + 900_000);
    assert.equal(emulator.admin.requests().filter((r) => r.server === 'graph').length, 1, 'nothing sent before the wait ended');
    clock.advanceTo(started + 900_000);
    assert.equal((await publisher.run()).outcome, 'done');
    assert.equal(budget.remaining(), 60 - 2, 'the throttled attempt took a slot like the one that went through');
  });

  it('holds for a Retry-After of 999999999 seconds one day at most, says until when, and sends nothing before', async () => {
    const budget = new RequestBudget([{ max: 60, windowMs: 3_600_000 }], clock);
    const publisher = makePublisher({
      target: emulatorTarget(emulator),
      dir,
      outbox,
      clock,
      budget,
      service: new MemoryServiceFacts(),
    });
    put(endedSession('file:///w/g.ts', 30));
    emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'status', status: 429, retryAfter: '999999999' }] });
    const started = clock.now();
    const throttled = await publisher.run();
    assert.deepEqual(
      [throttled.outcome, throttled.retryAt, throttled.heldUntil],
      ['retryLater', started + MAX_SERVER_DELAY_MS, started + MAX_SERVER_DELAY_MS],
    );
    clock.advanceTo(started + MAX_SERVER_DELAY_MS - 1);
    const early = await publisher.run();
    assert.deepEqual(
      [early.outcome, early.retryAt, early.heldUntil],
      ['budget', started + MAX_SERVER_DELAY_MS, started + MAX_SERVER_DELAY_MS],
    );
    assert.equal(emulator.admin.requests().filter((r) => r.server === 'graph').length, 1, 'nothing sent while held');
    clock.advanceTo(started + MAX_SERVER_DELAY_MS);
    const after = await publisher.run();
    assert.equal(after.outcome, 'done');
    assert.equal(after.heldUntil, undefined);
  });
});
