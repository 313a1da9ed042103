// Disk space of the outbox: 1,000 realistic finished sessions put into a real Outbox, then the files measured.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Outbox } from '../../src/outbox/outbox';
import { backlogSessions } from './backlogSessions';

export interface OutboxUsage {
  files: number;
  /** Sum of the files' sizes. */
  apparentBytes: number;
  /** Sum of the blocks the files occupy (st_blocks × 512), where the platform reports blocks. */
  diskBytes: number;
}

export interface StorageBenchResult extends OutboxUsage {
  sessions: number;
  apparentBytesPer1000: number;
  diskBytesPer1000: number;
  bytesPerSession: number;
}

const SESSIONS = 1000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Every regular file under `dir`, recursively. */
export function usageOf(dir: string): OutboxUsage {
  const usage: OutboxUsage = { files: 0, apparentBytes: 0, diskBytes: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const stat = fs.statSync(path.join(entry.parentPath, entry.name));
    usage.files++;
    usage.apparentBytes += stat.size;
    usage.diskBytes += stat.blocks * 512;
  }
  return usage;
}

export function benchStorage(dir: string): StorageBenchResult {
  fs.rmSync(dir, { recursive: true, force: true });
  const endAt = Date.UTC(2026, 2, 9, 9);
  const outbox = new Outbox({ dir, clock: { now: () => endAt }, logger: silent, maxSessions: SESSIONS });
  for (const session of backlogSessions({ sessions: SESSIONS, files: 50, days: 7, endAt })) {
    if (outbox.put(session) !== 'stored') throw new Error(`storage bench: session ${session.id} was not stored`);
  }
  const usage = usageOf(dir);
  if (outbox.count() !== SESSIONS)
    throw new Error(`storage bench: ${outbox.count()} sessions in the outbox, expected ${SESSIONS}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    ...usage,
    sessions: SESSIONS,
    apparentBytesPer1000: (usage.apparentBytes / SESSIONS) * 1000,
    diskBytesPer1000: (usage.diskBytes / SESSIONS) * 1000,
    bytesPerSession: usage.apparentBytes / SESSIONS,
  };
}
