// Shared test doubles for the outbox: real temporary folders, sessions (the clock and logger are the kit's, test/support).
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Session } from '../../../src/tracking/types';
import { makeSession } from '../../support/sessions';

export const DAY = 86_400_000;

/** A fresh temporary folder per test, removed afterwards. Call inside a describe block. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  });
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('no temporary folder outside a test');
    return dir;
  };
}

/** A finished session of one minute, `id` also naming its file. */
export function session(id: string, startedAt: number, extra: Partial<Session> = {}): Session {
  return makeSession({
    id,
    documentUri: `file:///work/${id}.ts`,
    startedAt,
    lastActiveAt: startedAt + 60_000,
    activeSeconds: 60,
    endReason: 'idle',
    ...extra,
  });
}

export function newId(): string {
  return randomUUID();
}

export function sessionFiles(dir: string): string[] {
  const sessions = path.join(dir, 'sessions');
  return fs.existsSync(sessions) ? fs.readdirSync(sessions).sort() : [];
}

export function corruptFiles(dir: string): string[] {
  const corrupt = path.join(dir, 'corrupt');
  return fs.existsSync(corrupt) ? fs.readdirSync(corrupt).sort() : [];
}

/** Sets a file's modification time `ms` before now, as if it had been left there earlier. */
export function age(filePath: string, ms: number): void {
  const when = new Date(Date.now() - ms);
  fs.utimesSync(filePath, when, when);
}
