import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { processIsAlive, PublishLock, type PublishLockOptions } from '../../../src/outbox/publishLock';
import { age, useTempDir } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

describe('PublishLock', () => {
  const tempDir = useTempDir();
  let clock: VirtualClock;
  let logger: RecordingLogger;

  beforeEach(() => {
    clock = new VirtualClock();
    logger = new RecordingLogger();
  });

  function lock(options: Partial<PublishLockOptions> = {}): PublishLock {
    return new PublishLock({ dir: tempDir(), clock, logger, pid: 1000, isAlive: () => true, ...options });
  }
  const lockFile = () => path.join(tempDir(), 'publish.lock');

  it('lets one window publish at a time, and the next one after it releases', () => {
    const first = lock();
    const second = lock({ pid: 2000 });
    assert.equal(first.tryAcquire(), true);
    assert.equal(first.tryAcquire(), true, 'acquiring again is harmless');
    assert.equal(second.tryAcquire(), false);
    assert.deepEqual([first.isHeldByUs(), second.isHeldByUs()], [true, false]);

    assert.equal(first.release(), true);
    assert.equal(second.tryAcquire(), true);
    assert.equal(first.isHeldByUs(), false);
  });

  it('records who holds it, readable only by the owner', () => {
    const held = lock();
    held.tryAcquire();
    const content = JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(
      [content.pid, content.owner, content.acquiredAt, content.heartbeatAt],
      [1000, held.owner, clock.now(), clock.now()],
    );
    if (process.platform !== 'win32') assert.equal(fs.statSync(lockFile()).mode & 0o777, 0o600);
  });

  it('stays held while its heartbeat continues, and is taken over once the heartbeat stops', () => {
    const first = lock();
    const second = lock({ pid: 2000 });
    first.tryAcquire();
    clock.advance(50_000);
    assert.equal(first.heartbeat(), true);
    clock.advance(50_000);
    assert.equal(second.tryAcquire(), false, 'a heartbeat 50 s ago is fresh');

    clock.advance(11_000);
    assert.equal(second.tryAcquire(), true);
    assert.match(
      logger.lines.map((line) => line.message).join('\n'),
      /took over a stale lock \(process 1000 last confirmed it 61 s ago\)/,
    );
    assert.equal(first.heartbeat(), false, 'the window that lost the lock learns so');
    assert.equal(second.isHeldByUs(), true, "and its heartbeat did not overwrite the new owner's lock");
  });

  it('is taken over at once when the process holding it is gone', () => {
    lock({ pid: 1000 }).tryAcquire();
    const next = lock({ pid: 2000, isAlive: (pid) => pid !== 1000 });
    assert.equal(next.tryAcquire(), true);
    assert.match(logger.lines.map((line) => line.message).join('\n'), /process 1000 is no longer running/);
  });

  it("does not judge a lock taken on another machine by this machine's processes", () => {
    lock({ pid: 1000, hostname: 'other-machine' }).tryAcquire();
    assert.equal(lock({ pid: 2000, isAlive: () => false }).tryAcquire(), false);
  });

  it('is taken over when its content is unreadable, once it is not being written any more', () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    assert.equal(lock().tryAcquire(), false, 'a lock written this instant may still be filling in');
    age(lockFile(), 10_000);
    const next = lock();
    assert.equal(next.tryAcquire(), true);
    assert.equal(next.isHeldByUs(), true);
    assert.match(logger.lines.map((line) => line.message).join('\n'), /content is unreadable/);
  });

  it('is not released by a window that does not hold it', () => {
    const holder = lock();
    holder.tryAcquire();
    const other = lock({ pid: 2000 });
    assert.equal(other.release(), false);
    assert.equal(other.heartbeat(), false);
    assert.equal(holder.isHeldByUs(), true);
    assert.ok(fs.existsSync(lockFile()));
  });

  it('tells a running process from one that has exited', () => {
    assert.equal(processIsAlive(process.pid), true);
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    assert.equal(processIsAlive(Number(exited.stdout)), false);
  });
});
