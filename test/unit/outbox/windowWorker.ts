// A separate process playing one editor window against a shared outbox folder, for the multi-window test.
// writer: puts successive states of its sessions. publisher: lists and acknowledges until told to stop.
// Does nothing when imported; runs only as the entry script.
import * as fs from 'node:fs';
import { Outbox } from '../../../src/outbox/outbox';
import type { Session } from '../../../src/tracking/types';

function main(role: string, dir: string, rest: string[]): string {
  const silent = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
  const outbox = new Outbox({ dir, clock: { now: () => Date.now() }, logger: silent });
  if (role === 'writer') {
    const [prefix, sessionsText, roundsText] = rest;
    const ids = Array.from({ length: Number(sessionsText) }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
    const last: Record<string, number> = {};
    for (let round = 1; round <= Number(roundsText); round++) {
      for (const id of ids) {
        const session: Session = {
          id,
          documentUri: `file:///${id}.ts`,
          languageId: 'ts',
          startedAt: 0,
          lastActiveAt: round,
          activeSeconds: round,
          state: 'ongoing',
        };
        if (outbox.put(session) !== 'stored') throw new Error(`not stored: ${id}`);
        last[id] = round;
      }
    }
    return JSON.stringify(last);
  }
  if (role !== 'publisher') throw new Error(`unknown role ${role}`);
  const [stopFile] = rest;
  const acknowledged: [string, number][] = [];
  for (;;) {
    const stopping = fs.existsSync(stopFile);
    for (const entry of outbox.list()) {
      if (outbox.acknowledge([{ sessionId: entry.session.id, revision: entry.revision }]) === 1)
        acknowledged.push([entry.session.id, entry.session.activeSeconds]);
    }
    if (stopping) return JSON.stringify(acknowledged);
  }
}

if (require.main === module) {
  const [role, dir, ...rest] = process.argv.slice(2);
  process.stdout.write(main(role, dir, rest));
}
