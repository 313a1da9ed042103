// Case 3 below the editor: a session file in the outbox is cut off or overwritten with garbage on disk (a full disk,
// a crash mid-write by an older version, a sync tool). Publishing sets it aside in corrupt/ with one log line, and
// every other session, earlier and later, is still published.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Outbox } from '../../../../src/outbox/outbox';
import { RunningEmulator } from '../../../../tools/graph-emulator';
import { VirtualClock } from '../../../support/clock';
import { RecordingLogger } from '../../../support/logger';
import { assertPublishedExactlyOnce, emulatorTarget, makePublisher } from './support';
import { useEmulator } from '../../../support/emulator';
import { endedSession } from '../../../support/sessions';

describe('a corrupt session file in the outbox', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dir: string;

  useEmulator({ throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    emulator.admin.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corrupt-outbox-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is set aside with one log line each, and every readable session before and after it is published', async () => {
    const logger = new RecordingLogger();
    const outbox = new Outbox({ dir, clock: { now: Date.now }, logger });
    const publisher = makePublisher({ target: emulatorTarget(emulator), dir, outbox, clock: new VirtualClock(), log: logger });
    const good = endedSession('file:///w/good.ts', 30);
    const truncated = endedSession('file:///w/truncated.ts', 25);
    const garbage = endedSession('file:///w/garbage.ts', 20);
    const wrongShape = endedSession('file:///w/shape.ts', 15);
    for (const s of [good, truncated, garbage, wrongShape]) outbox.put(s);
    const fileOf = (id: string) => path.join(dir, 'sessions', `${id}.json`);
    const text = fs.readFileSync(fileOf(truncated.id), 'utf8');
    fs.writeFileSync(fileOf(truncated.id), text.slice(0, Math.floor(text.length / 2)));
    fs.writeFileSync(fileOf(garbage.id), Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x0a, 0x00]));
    fs.writeFileSync(fileOf(wrongShape.id), JSON.stringify({ format: 'something else', session: 42 }));

    const first = await publisher.run();
    assert.equal(first.outcome, 'done', JSON.stringify(first));
    const later = endedSession('file:///w/later.ts', 1);
    outbox.put(later);
    const second = await publisher.run();
    assert.equal(second.outcome, 'done');

    assertPublishedExactlyOnce(emulator, [good, later]);
    assert.equal(outbox.count(), 0);
    const setAside = fs.readdirSync(path.join(dir, 'corrupt')).sort();
    assert.deepEqual(
      setAside.map((name) => name.replace(/\.json\.\d+$/, '')).sort(),
      [truncated.id, garbage.id, wrongShape.id].sort(),
      'each bad file is kept in corrupt/ for a person to look at',
    );
    const lines = logger.warnings().filter((line) => /moved unreadable session file/.test(line));
    for (const id of [truncated.id, garbage.id, wrongShape.id]) {
      assert.equal(lines.filter((line) => line.includes(id)).length, 1, `one log line for ${id}`);
    }
    assert.equal(logger.lines.filter((line) => line.level === 'error').length, 0);
  });
});
