import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Outbox } from '../../../src/outbox/outbox';
import { newId, session, useTempDir } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

const REGISTER_TS = path.resolve(__dirname, '../../../scripts/register-ts.cjs');
const WORKER = path.join(__dirname, 'windowWorker.ts');

function runWorker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', REGISTER_TS, WORKER, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

describe('Outbox shared by several windows', () => {
  const tempDir = useTempDir();

  it("each window sees the others' sessions, and an acknowledgement never removes another window's newer state", () => {
    const clock = new VirtualClock();
    const logger = new RecordingLogger();
    const publisher = new Outbox({ dir: tempDir(), clock, logger });
    const other = new Outbox({ dir: tempDir(), clock, logger });
    const [mine, theirs] = [newId(), newId()];
    publisher.put(session(mine, 1));
    other.put(session(theirs, 2, { state: 'ongoing', activeSeconds: 10 }));

    assert.deepEqual(
      other.list().map((entry) => entry.session.id),
      [mine, theirs],
    );
    const published = publisher.list();
    other.put(session(theirs, 2, { state: 'ended', activeSeconds: 70 }));
    assert.equal(publisher.acknowledge(published.map((entry) => ({ sessionId: entry.session.id, revision: entry.revision }))), 1);

    assert.deepEqual(
      other.list().map((entry) => [entry.session.id, entry.session.state, entry.session.activeSeconds]),
      [[theirs, 'ended', 70]],
    );
    assert.deepEqual(logger.lines, []);
  });

  // A smoke test across real processes; the exact interleavings that matter are pinned down in fileClaim.test.ts.
  it('loses no final state and leaves no stray files while real processes write and acknowledge at the same time', async function () {
    this.timeout(60_000);
    const stopFile = path.join(tempDir(), 'stop');
    const publisher = runWorker(['publisher', tempDir(), stopFile]);
    const writers = await Promise.all([
      runWorker(['writer', tempDir(), 'a', '20', '40']),
      runWorker(['writer', tempDir(), 'b', '20', '40']),
    ]);
    fs.writeFileSync(stopFile, '');
    const acknowledged = JSON.parse(await publisher) as [string, number][];

    const lastWritten = Object.assign({}, ...writers.map((out) => JSON.parse(out) as Record<string, number>)) as Record<
      string,
      number
    >;
    const publishedLast = new Set(acknowledged.filter(([id, round]) => lastWritten[id] === round).map(([id]) => id));
    const waiting = new Map(
      new Outbox({ dir: tempDir(), clock: new VirtualClock(), logger: new RecordingLogger() })
        .list()
        .map((entry) => [entry.session.id, entry.session.activeSeconds]),
    );
    assert.equal(Object.keys(lastWritten).length, 40);
    for (const [id, round] of Object.entries(lastWritten)) {
      assert.ok(publishedLast.has(id) || waiting.get(id) === round, `the final state of ${id} was neither published nor waiting`);
    }
    assert.ok(acknowledged.length > 0, 'the publisher acknowledged something while the writers ran');
    assert.deepEqual(
      fs.readdirSync(path.join(tempDir(), 'sessions')).filter((name) => name.startsWith('.')),
      [],
      'no temporary or claimed files are left',
    );
  });
});
