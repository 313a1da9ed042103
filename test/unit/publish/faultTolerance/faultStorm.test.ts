// Case 1: the real Publisher, the real Outbox on disk and the real Graph client, over real sockets to the emulator,
// while Graph misbehaves in every way the client must survive: 429 storms with Retry-After, 5xx, answers slower
// than the client's timeout (the write still lands), dropped connections, cut-off JSON, and writes whose answer is
// lost. The faults are drawn by a seeded PRNG; sessions arrive in waves (some sessions again, with later times, as
// checkpoints do) and publishing runs again until nothing is left. Retry waits go through a virtual clock, which
// the emulator shares, so minutes of Retry-After cost nothing and "sent too early" can be checked.
//
// The storm runs under both service profiles, with the publisher knowing nothing about the service or knowing what
// Check Microsoft Graph would have found, and under random mixes of the profile switches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GraphClient } from '../../../../src/graph/client';
import { Outbox } from '../../../../src/outbox/outbox';
import { PublishedIndex } from '../../../../src/outbox/publishedIndex';
import type { PublishSummary } from '../../../../src/publish/publisher';
import { MemoryServiceFacts, type ServiceFacts } from '../../../../src/publish/serviceFacts';
import type { Session } from '../../../../src/tracking/types';
import {
  describeSwitches,
  PROFILES,
  RunningEmulator,
  SWITCH_NAMES,
  SWITCHES,
  type Fault,
  type ServiceSwitches,
} from '../../../../tools/graph-emulator';
import {
  assertNothingSentBeforeRetryAfter,
  assertPublishedExactlyOnce,
  emulatorTarget,
  heldItems,
  makePublisher,
  seededRandom,
} from './support';
import { VirtualClock } from '../../../support/clock';
import { silentLogger } from '../../../support/logger';
import { useEmulator } from '../../../support/emulator';
import { endedSession } from '../../../support/sessions';

const SEED = 0x5eed_2026;
const FILES = 12;
const WAVES = 8;
const SESSIONS_PER_WAVE = 9;
const CLIENT_TIMEOUT_MS = 1_000;

/** Each request meets at most one of these; the rest go through. Rates are per matching request. */
function faultRules(random: () => number): { fault: Fault; rate: number }[] {
  const retryAfter = () => String(1 + Math.floor(random() * 120));
  return [
    { fault: { kind: 'status', status: 429, retryAfter: retryAfter(), code: 'TooManyRequests' }, rate: 0.1 },
    { fault: { kind: 'status', status: 503, retryAfter: '2.128' }, rate: 0.05 },
    { fault: { kind: 'status', status: 500 }, rate: 0.04 },
    { fault: { kind: 'status', status: 504 }, rate: 0.03 },
    { fault: { kind: 'delay', ms: CLIENT_TIMEOUT_MS * 2 }, rate: 0.03 },
    { fault: { kind: 'drop' }, rate: 0.05 },
    { fault: { kind: 'truncate' }, rate: 0.05 },
    { fault: { kind: 'lostAnswer' }, rate: 0.05 },
  ];
}

/** What Check Microsoft Graph finds against these switches. */
function checkedFacts(switches: ServiceSwitches): Partial<ServiceFacts> {
  return { historyIds: switches.historyIds, replace: switches.replace, encodedSlash: switches.encodedSlash };
}

function randomSwitches(random: () => number): ServiceSwitches {
  const switches = { ...PROFILES.documented };
  for (const name of SWITCH_NAMES)
    (switches as Record<string, string>)[name] = SWITCHES[name].values[Math.floor(random() * SWITCHES[name].values.length)];
  return switches;
}

const mixes = seededRandom(SEED ^ 0x5a5a);
const scenarios: { name: string; switches: ServiceSwitches; facts: Partial<ServiceFacts> }[] = [
  { name: 'documented, unchecked', switches: PROFILES.documented, facts: {} },
  { name: 'documented, checked', switches: PROFILES.documented, facts: checkedFacts(PROFILES.documented) },
  { name: 'pessimistic, unchecked', switches: PROFILES.pessimistic, facts: {} },
  { name: 'pessimistic, checked', switches: PROFILES.pessimistic, facts: checkedFacts(PROFILES.pessimistic) },
  ...[1, 2].map((n) => {
    const switches = randomSwitches(mixes);
    return { name: `random mix ${n}, unchecked`, switches, facts: {} };
  }),
];

describe('publishing through a storm of Graph faults (seeded)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dir: string;
  let clock = new VirtualClock();

  useEmulator(
    { throttling: { enabled: false }, random: seededRandom(SEED), now: () => clock.now() },
    (started) => (emulator = started),
  );
  beforeEach(async () => {
    await emulator.admin.settled();
    emulator.admin.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-storm-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const scenario of scenarios) {
    it(`${describeSwitches(scenario.switches)}, ${scenario.name}: every session exactly once with its latest times, nothing acknowledged early, nothing sent early, Forget removes what it names`, async () => {
      emulator.admin.setProfile({ ...scenario.switches });
      // While the client sleeps, writes held up on the way (delay faults) land, as they would in real time.
      clock = new VirtualClock({ whileAsleep: () => emulator.admin.settled() });
      const random = seededRandom(SEED);
      const outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger });
      const service = new MemoryServiceFacts(scenario.facts);
      const publisher = makePublisher({
        target: emulatorTarget(emulator),
        dir,
        outbox,
        clock,
        timeoutMs: CLIENT_TIMEOUT_MS,
        random,
        service,
        confirmAfterMs: 4 * CLIENT_TIMEOUT_MS,
      });
      const files = Array.from({ length: FILES }, (_, i) => `file:///work/storm/file-${i}.ts`);
      const truth = new Map<string, Session>();
      // A storm: the first writes all meet 429 with a long Retry-After, whatever the dice say.
      emulator.admin.addFault({
        method: 'PUT',
        sequence: Array.from({ length: 6 }, () => ({ kind: 'status', status: 429, retryAfter: '300' })),
      });
      for (const { fault, rate } of faultRules(random)) emulator.admin.addFault({ path: '^/me/activities/', fault, rate });

      const outcomes: Record<string, number> = {};
      const started = Date.now();
      let runs = 0;
      const runOnce = async (): Promise<PublishSummary> => {
        const summary = await publisher.run();
        runs++;
        outcomes[summary.outcome] = (outcomes[summary.outcome] ?? 0) + 1;
        // Whatever has left the outbox, Graph holds with the times it was last given: an acknowledgement is never ahead.
        const held = heldItems(emulator);
        const waiting = new Set(outbox.list().map((e) => e.session.id));
        const acknowledgedButMissing = [...truth.values()]
          .filter(
            (s) =>
              !waiting.has(s.id) && held.get(s.id.toLowerCase())?.lastActiveDateTime !== new Date(s.lastActiveAt).toISOString(),
          )
          .map((s) => s.id);
        assert.deepEqual(acknowledgedButMissing, [], `after run ${runs} (${summary.outcome})`);
        assert.notEqual(summary.outcome, 'partial', `nothing here is refused for good: ${JSON.stringify(summary.failures)}`);
        // Time passes: writes held up on the way (delay faults) land before the virtual clock moves on.
        await emulator.admin.settled();
        if (summary.retryAt !== undefined) clock.advanceTo(summary.retryAt);
        return summary;
      };

      for (let wave = 0; wave < WAVES; wave++) {
        for (let i = 0; i < SESSIONS_PER_WAVE; i++) {
          const session = endedSession(files[Math.floor(random() * FILES)], (WAVES - wave) * 10 - i, {
            activeSeconds: 30 + Math.floor(random() * 60),
          });
          truth.set(session.id, session);
          assert.equal(outbox.put(session), 'stored');
        }
        // A checkpoint: an earlier session again, with later times (it may already be published).
        const earlier = [...truth.values()][Math.floor(random() * truth.size)];
        const later = { ...earlier, lastActiveAt: earlier.lastActiveAt + 45_000, activeSeconds: earlier.activeSeconds + 45 };
        truth.set(later.id, later);
        assert.equal(outbox.put(later), 'stored');
        await runOnce();
      }
      for (let extra = 0; outbox.count() > 0; extra++) {
        assert.ok(extra < 80, `the outbox did not empty after ${runs} runs (${outbox.count()} left)`);
        await runOnce();
      }

      assertPublishedExactlyOnce(emulator, [...truth.values()]);
      assert.equal(outbox.count(), 0, 'nothing is left in the outbox');
      assert.deepEqual(fs.readdirSync(path.join(dir, 'sessions')), [], 'no temporary or claimed files are left');
      assertNothingSentBeforeRetryAfter(emulator);

      const writes = emulator.admin.requests().filter((r) => r.method === 'PUT' || r.method === 'DELETE');
      const failed = writes.filter((r) => r.status === 0 || r.status >= 400 || r.lostAnswer).length;
      assert.ok(failed >= 10, `the storm really happened: ${failed} of ${writes.length} writes failed`);

      // Forget, as the view does it: DELETE …/historyItems/{session id} under the activity's server id.
      emulator.admin.clearFaults();
      const index = new PublishedIndex({ dir, clock: { now: Date.now }, logger: silentLogger });
      const graph = new GraphClient({
        baseUrl: emulator.graphUrl,
        userAgent: 'storm',
        credential: {
          getToken: () =>
            Promise.resolve({ token: emulatorTarget(emulator).token(), expiresOnTimestamp: clock.now() + 3_600_000 }),
        },
        clock,
      });
      const forgotten = [...index.all().values()]
        .slice(0, 3)
        .map((entry) => ({ serverId: entry.serverId as string, sessionId: entry.historyItemIds[0] }));
      for (const { serverId, sessionId } of forgotten)
        assert.equal(await graph.deleteHistoryItem(serverId, sessionId), true, `Graph deleted session ${sessionId}`);
      const held = heldItems(emulator);
      assert.deepEqual(
        forgotten.filter(({ sessionId }) => held.has(sessionId.toLowerCase())),
        [],
        'a forgotten session is gone',
      );
      assert.equal(held.size, truth.size - forgotten.length, 'and nothing else went');

      console.log(
        `      storm (${scenario.name}): ${truth.size} sessions in ${FILES} files, ${runs} runs ${JSON.stringify(outcomes)}, ${writes.length} writes of which ${failed} met a fault, ` +
          `facts then ${JSON.stringify(service.get())}, ${Math.round(clock.slept / 1000)} s of virtual waiting, ${Date.now() - started} ms real`,
      );
    });
  }
});
