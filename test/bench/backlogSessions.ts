// Finished sessions as a week offline leaves them: spread over many files and days, deterministic for a seed.
import type { Session } from '../../src/tracking/types';
import { Prng } from './prng';

const DAY_MS = 24 * 60 * 60_000;

export interface BacklogShape {
  sessions: number;
  files: number;
  /** Sessions end within this many days before `endAt`. */
  days: number;
  endAt: number;
  seed?: number;
}

/** `sessions` finished sessions, the same number per file (round-robin), oldest first. */
export function backlogSessions(shape: BacklogShape): Session[] {
  const rng = new Prng(shape.seed ?? 7);
  const files = Array.from({ length: shape.files }, (_, i) => `file:///work/project/src/area${i % 25}/file${i}.ts`);
  const sessions: Session[] = [];
  for (let i = 0; i < shape.sessions; i++) {
    const lastActiveAt = shape.endAt - Math.floor(rng.next() * shape.days * DAY_MS);
    const activeSeconds = rng.int(10, 3600);
    const startedAt = lastActiveAt - activeSeconds * 1000 - rng.int(0, 600) * 1000;
    sessions.push({
      id: rng.guid(),
      documentUri: files[i % files.length],
      languageId: 'typescript',
      startedAt,
      lastActiveAt,
      activeSeconds,
      cursor: { line: rng.int(0, 2000), character: rng.int(0, 120) },
      state: 'ended',
      endReason: rng.pick(['idle', 'switch', 'blur', 'close'] as const),
    });
  }
  return sessions.sort((a, b) => a.startedAt - b.startedAt);
}
