// Case 4, extending test/unit/outbox/outbox.multiWindow.test.ts (outbox only) and the restart phase's two windows
// (no faults): two real publisher processes share one outbox and race to publish it to the emulator while Graph
// drops connections, loses answers, cuts off JSON and answers 503, and while new sessions keep arriving.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Outbox } from '../../../../src/outbox/outbox';
import type { Session } from '../../../../src/tracking/types';
import { RunningEmulator } from '../../../../tools/graph-emulator';
import { assertPublishedExactlyOnce, seededRandom } from './support';
import { silentLogger } from '../../../support/logger';
import { useEmulator } from '../../../support/emulator';
import { endedSession } from '../../../support/sessions';

const REGISTER_TS = path.resolve(__dirname, '../../../../scripts/register-ts.cjs');
const WORKER = path.join(__dirname, 'publisherWorker.ts');

function runWorker(args: string[]): Promise<{ runs: number; outcomes: Record<string, number>; sessions: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', REGISTER_TS, WORKER, ...args], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { runs: number; outcomes: Record<string, number>; sessions: number });
    });
  });
}

describe('two windows publishing the same outbox through Graph faults', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dir: string;

  useEmulator({ throttling: { enabled: false }, random: seededRandom(42) }, (started) => (emulator = started));
  beforeEach(() => {
    emulator.admin.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'racing-publishers-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gets every session into Graph exactly once and empties the outbox', async () => {
    const random = seededRandom(7);
    const outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger });
    const files = Array.from({ length: 8 }, (_, i) => `file:///work/race/file-${i}.ts`);
    const truth: Session[] = [];
    const add = (count: number, minutesAgo: number) => {
      for (let i = 0; i < count; i++) {
        const session = endedSession(files[Math.floor(random() * files.length)], minutesAgo - i / 10);
        truth.push(session);
        assert.equal(outbox.put(session), 'stored');
      }
    };
    add(40, 120);
    for (const fault of [
      { kind: 'drop' },
      { kind: 'lostAnswer' },
      { kind: 'truncate' },
      { kind: 'status', status: 503, retryAfter: '5' },
    ] as const) {
      emulator.admin.addFault({ method: 'PUT', path: '^/me/activities/', fault, rate: 0.08 });
    }

    const stopFile = path.join(dir, 'stop');
    const workers = Promise.all([
      runWorker([dir, emulator.origin, stopFile, '1']),
      runWorker([dir, emulator.origin, stopFile, '2']),
    ]);
    // The windows keep working while the others publish: new sessions arrive during the race.
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, 150));
      add(4, 60 - round * 5);
    }
    fs.writeFileSync(stopFile, '');
    const [first, second] = await workers;

    assertPublishedExactlyOnce(emulator, truth);
    assert.equal(new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger }).count(), 0, 'the outbox is empty');
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'sessions')).filter((name) => name.startsWith('.')),
      [],
      'no temporary or claimed files are left',
    );
    assert.equal(fs.existsSync(path.join(dir, 'publish.lock')), false, 'the publish lock was released');
    assert.ok(first.runs > 0 && second.runs > 0);
    const puts = emulator.admin.requests().filter((r) => r.method === 'PUT');
    const faulted = puts.filter((r) => r.status === 0 || r.status >= 400 || r.lostAnswer).length;
    console.log(
      `      race: ${truth.length} sessions, ${puts.length} PUTs (${faulted} met a fault); window 1 ${first.runs} runs ${JSON.stringify(first.outcomes)} acknowledged ${first.sessions}, ` +
        `window 2 ${second.runs} runs ${JSON.stringify(second.outcomes)} acknowledged ${second.sessions}`,
    );
  });
});
