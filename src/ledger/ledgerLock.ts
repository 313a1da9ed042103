// One writer at a time across windows: a directory created atomically beside the ledger's files. Appends and
// rewrites both take it (each for a few milliseconds), so a purge in one window never loses what another appends.
// A window that crashed holding it is waited out: the lock is stale after STALE_MS.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode, modifiedAt } from '../outbox/fileSystem';

const STALE_MS = 30_000;
const GIVE_UP_MS = 15_000;

export class LedgerBusyError extends Error {}

export async function withLedgerLock<T>(dir: string, work: () => T, now: () => number = Date.now): Promise<T> {
  const lock = join(dir, '.lock');
  const giveUpAt = now() + GIVE_UP_MS;
  for (;;) {
    try {
      mkdirSync(lock, { mode: 0o700 });
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const since = modifiedAt(lock);
      if (since !== undefined && now() - since > STALE_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (now() > giveUpAt) throw new LedgerBusyError(`The session ledger stayed locked for ${GIVE_UP_MS / 1000} s (${lock}).`);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
