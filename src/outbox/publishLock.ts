// Only one window publishes at a time: the one holding <dir>/publish.lock. A window that crashed or hangs cannot
// block the others for long: its lock becomes stale when its heartbeat stops or its process is gone.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { readJsonFile, writeFileAtomic } from './atomicFile';
import { withClaimedFile } from './fileClaim';
import { ensureDirectory, errorCode, modifiedAt, removeIfPresent } from './fileSystem';
import { isFiniteNumber, isPositiveInteger, isRecord } from '../text/jsonShape';
import type { Clock, Logger } from '../platform/ports';

export interface PublishLockOptions {
  dir: string;
  clock: Clock;
  /** A lock whose heartbeat is older than this may be taken over. Default 60 s. */
  staleAfterMs?: number;
  /** Default: this process. */
  pid?: number;
  /** Default: processIsAlive. */
  isAlive?: (pid: number) => boolean;
  /** Default: os.hostname(). A pid is only checked when the lock was taken on this machine. */
  hostname?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

interface LockContent {
  pid: number;
  owner: string;
  host: string;
  acquiredAt: number;
  heartbeatAt: number;
}

type LockRead = { status: 'missing' } | { status: 'ok'; lock: LockContent } | { status: 'unreadable'; reason: string };

const DEFAULT_STALE_AFTER_MS = 60_000;
/**
 * The lock is created empty and filled a moment later, so an unreadable lock may be one being written right now;
 * it only counts as stale once it has been unreadable for this long.
 */
const UNREADABLE_GRACE_MS = 5_000;

/** process.kill(pid, 0) sends nothing; it fails with ESRCH when no such process exists (EPERM: exists, not ours). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

export class PublishLock {
  /** Random per instance, so two windows (or two instances in one process) never mistake each other's lock. */
  readonly owner = randomUUID();
  private readonly lockPath: string;
  private readonly clock: Clock;
  private readonly staleAfterMs: number;
  private readonly pid: number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly hostname: string;
  private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'> | undefined;

  constructor(options: PublishLockOptions) {
    this.lockPath = join(options.dir, 'publish.lock');
    this.clock = options.clock;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.pid = options.pid ?? process.pid;
    this.isAlive = options.isAlive ?? processIsAlive;
    this.hostname = options.hostname ?? hostname();
    this.logger = options.logger;
  }

  /** True when this instance holds the lock afterwards (also when it already did). */
  tryAcquire(): boolean {
    if (this.isHeldByUs()) return this.heartbeat();
    ensureDirectory(dirname(this.lockPath));
    if (this.create()) return true;
    const current = this.read(this.lockPath);
    if (current.status === 'missing') return this.create();
    const staleBecause = this.staleReason(current, this.lockPath);
    if (staleBecause === undefined) return false;
    const broken = withClaimedFile(this.lockPath, this.clock.now(), (claimPath) => {
      // Only break the lock that was judged stale: another window may have replaced it with a fresh one already.
      const again = this.read(claimPath);
      const same =
        current.status === 'ok'
          ? again.status === 'ok' &&
            again.lock.owner === current.lock.owner &&
            again.lock.heartbeatAt === current.lock.heartbeatAt
          : again.status === 'unreadable';
      return same ? { action: 'remove', result: true } : { action: 'restore', result: false };
    });
    if (broken && !broken.result) return false;
    const acquired = this.create();
    if (acquired) this.logger?.info(`Publish lock: took over a stale lock (${staleBecause}).`);
    return acquired;
  }

  /** Refreshes the heartbeat; false (and nothing written) when the lock is no longer ours. */
  heartbeat(): boolean {
    const current = this.read(this.lockPath);
    if (current.status !== 'ok' || current.lock.owner !== this.owner) return false;
    writeFileAtomic(this.lockPath, JSON.stringify({ ...current.lock, heartbeatAt: this.clock.now() }));
    return true;
  }

  /** Deletes the lock if it is ours; someone else's lock is left alone (returns false). */
  release(): boolean {
    if (!this.isHeldByUs()) return false;
    return removeIfPresent(this.lockPath);
  }

  isHeldByUs(): boolean {
    const current = this.read(this.lockPath);
    return current.status === 'ok' && current.lock.owner === this.owner;
  }

  private create(): boolean {
    let fd: number;
    try {
      fd = openSync(this.lockPath, 'wx', 0o600);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      throw error;
    }
    const now = this.clock.now();
    const content: LockContent = { pid: this.pid, owner: this.owner, host: this.hostname, acquiredAt: now, heartbeatAt: now };
    try {
      writeFileSync(fd, JSON.stringify(content), 'utf8');
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      removeIfPresent(this.lockPath);
      throw error;
    }
    closeSync(fd);
    return true;
  }

  private staleReason(current: Exclude<LockRead, { status: 'missing' }>, filePath: string): string | undefined {
    const now = this.clock.now();
    if (current.status === 'unreadable') {
      const modified = modifiedAt(filePath);
      return modified !== undefined && now - modified > UNREADABLE_GRACE_MS
        ? `its content is unreadable: ${current.reason}`
        : undefined;
    }
    const { lock } = current;
    if (now - lock.heartbeatAt > this.staleAfterMs)
      return `process ${lock.pid} last confirmed it ${Math.round((now - lock.heartbeatAt) / 1000)} s ago`;
    if (lock.host === this.hostname && !this.isAlive(lock.pid)) return `process ${lock.pid} is no longer running`;
    return undefined;
  }

  private read(filePath: string): LockRead {
    const read = readJsonFile(filePath);
    if (!read.ok) return read.kind === 'missing' ? { status: 'missing' } : { status: 'unreadable', reason: read.reason };
    const value = read.value;
    if (!isRecord(value)) return { status: 'unreadable', reason: 'not an object' };
    const { pid, owner, host, acquiredAt, heartbeatAt } = value;
    if (
      !isPositiveInteger(pid) ||
      typeof owner !== 'string' ||
      owner === '' ||
      !isFiniteNumber(acquiredAt) ||
      !isFiniteNumber(heartbeatAt)
    ) {
      return { status: 'unreadable', reason: 'missing or malformed fields' };
    }
    return { status: 'ok', lock: { pid, owner, host: typeof host === 'string' ? host : '', acquiredAt, heartbeatAt } };
  }
}
