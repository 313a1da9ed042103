// Case 1: the real Publisher, the real Outbox on disk and the real Graph client, over real sockets to the emulator,
// while Graph misbehaves in every way the client must survive: 429 storms with Retry-After, 5xx, answers slower
// than the client's timeout (the write still lands), dropped connections, cut-off JSON, and writes whose answer is
// lost. The faults are drawn by a seeded PRNG; sessions arrive in waves and publishing runs again until nothing is
// left. Retry waits go through a virtual clock, so minutes of Retry-After cost nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Outbox } from '../../../src/outbox';
import type { PublishSummary } from '../../../src/publish/publisher';
import type { Session } from '../../../src/tracking/types';
import { RunningEmulator, startEmulator, type Fault } from '../../emulator';
import { assertPublishedExactlyOnce, emulatorTarget, endedSession, heldItems, makePublisher, seededRandom, silent, VirtualClock } from './support';

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

describe('publishing through a storm of Graph faults (seeded)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dir: string;

  before(async () => {
    emulator = await startEmulator({ throttling: { enabled: false }, random: seededRandom(SEED) });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.admin.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-storm-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('publishes every session exactly once, with its times, and acknowledges nothing Graph does not hold', async () => {
    const random = seededRandom(SEED);
    const clock = new VirtualClock();
    const outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silent });
    const publisher = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock, timeoutMs: CLIENT_TIMEOUT_MS, random });
    const files = Array.from({ length: FILES }, (_, i) => `file:///work/storm/file-${i}.ts`);
    const truth: Session[] = [];
    // A storm: the first writes all meet 429 with a long Retry-After, whatever the dice say.
    emulator.admin.addFault({ method: 'PUT', sequence: Array.from({ length: 6 }, () => ({ kind: 'status', status: 429, retryAfter: '300' })) });
    for (const { fault, rate } of faultRules(random)) emulator.admin.addFault({ method: 'PUT', path: '^/me/activities/', fault, rate });

    const outcomes: Record<string, number> = {};
    const started = Date.now();
    let runs = 0;
    const runOnce = async (): Promise<PublishSummary> => {
      const summary = await publisher.run();
      runs++;
      outcomes[summary.outcome] = (outcomes[summary.outcome] ?? 0) + 1;
      // Whatever has left the outbox, Graph holds: an acknowledgement is never ahead of the service.
      const held = heldItems(emulator);
      const waiting = new Set(outbox.list().map((e) => e.session.id));
      const acknowledgedButMissing = truth.filter((s) => !waiting.has(s.id) && !held.has(s.id.toLowerCase())).map((s) => s.id);
      assert.deepEqual(acknowledgedButMissing, [], `after run ${runs} (${summary.outcome})`);
      assert.notEqual(summary.outcome, 'partial', `nothing here is refused for good: ${JSON.stringify(summary.failures)}`);
      if (summary.retryAt !== undefined) clock.advanceTo(summary.retryAt);
      return summary;
    };

    for (let wave = 0; wave < WAVES; wave++) {
      for (let i = 0; i < SESSIONS_PER_WAVE; i++) {
        const session = endedSession(files[Math.floor(random() * FILES)], (WAVES - wave) * 10 - i, 30 + Math.floor(random() * 60));
        truth.push(session);
        assert.equal(outbox.put(session), 'stored');
      }
      await runOnce();
    }
    for (let extra = 0; outbox.count() > 0; extra++) {
      assert.ok(extra < 60, `the outbox did not empty after ${runs} runs (${outbox.count()} left)`);
      await runOnce();
    }

    assertPublishedExactlyOnce(emulator, truth);
    assert.equal(outbox.count(), 0, 'nothing is left in the outbox');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'sessions')), [], 'no temporary or claimed files are left');

    const puts = emulator.admin.requests().filter((r) => r.method === 'PUT');
    const failed = puts.filter((r) => r.status === 0 || r.status >= 400 || r.lostAnswer).length;
    assert.ok(failed >= 20, `the storm really happened: ${failed} of ${puts.length} PUTs failed`);
    console.log(
      `      storm: ${truth.length} sessions in ${FILES} files, ${runs} runs ${JSON.stringify(outcomes)}, ${puts.length} PUTs of which ${failed} met a fault, ` +
        `${Math.round(clock.slept / 1000)} s of virtual waiting, ${Date.now() - started} ms real`,
    );
  });
});
