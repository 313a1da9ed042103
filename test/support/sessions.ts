// The test kit's session builder: every test's sessions come from here, with the fields that matter to the test.
import { randomUUID } from 'node:crypto';
import type { Session } from '../../src/tracking/types';

const STARTED_AT = Date.parse('2026-03-14T09:05:00.000Z');

/** A finished session; each field not given is that of a ten-minute TypeScript session (14 March 2026, 09:05 UTC). */
export function makeSession(fields: Partial<Session> = {}): Session {
  const startedAt = fields.startedAt ?? STARTED_AT;
  return {
    id: randomUUID(),
    documentUri: 'file:///work/a.ts',
    languageId: 'typescript',
    startedAt,
    lastActiveAt: startedAt + 600_000,
    activeSeconds: 600,
    state: 'ended',
    ...fields,
  };
}

/**
 * A session in `documentUri` that ended by a switch `minutesAgo` minutes ago in real time (the outbox ages sessions
 * by it), two minutes long with 90 active seconds unless `fields` say otherwise.
 */
export function endedSession(documentUri: string, minutesAgo: number, fields: Partial<Session> = {}): Session {
  const lastActiveAt = Date.now() - Math.round(minutesAgo * 60_000);
  return makeSession({
    documentUri,
    startedAt: lastActiveAt - 120_000,
    lastActiveAt,
    activeSeconds: 90,
    endReason: 'switch',
    ...fields,
  });
}
