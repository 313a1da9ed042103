// Whatever order windows put, list, acknowledge, fail and restart in, the latest state of every session that was not
// acknowledged is still waiting, exactly once.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Outbox } from '../../../src/outbox/outbox';
import { type OutboxEntry } from '../../../src/outbox/format';
import { session, useTempDir } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

const IDS = [
  '0b7a3c5e-0000-4000-8000-000000000001',
  '0b7a3c5e-0000-4000-8000-000000000002',
  '0b7a3c5e-0000-4000-8000-000000000003',
];

type Command =
  | { kind: 'put'; session: number; ended: boolean }
  | { kind: 'list' }
  | { kind: 'ack'; picks: number[] }
  | { kind: 'fail'; pick: number }
  | { kind: 'exclude'; session: number }
  | { kind: 'restartWriter' }
  | { kind: 'restartPublisher' };

const sessionIndex = fc.nat(IDS.length - 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), session: sessionIndex, ended: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('list' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ack' as const), picks: fc.array(fc.nat(8), { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const), pick: fc.nat(8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exclude' as const), session: sessionIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restartWriter' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restartPublisher' as const) }) },
);

describe('Outbox invariants', () => {
  const tempDir = useTempDir();

  it('never loses or duplicates the latest state of a session that was not acknowledged', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 50 }), (commands) => {
        const dir = fs.mkdtempSync(path.join(tempDir(), 'run-'));
        const clock = new VirtualClock();
        const logger = new RecordingLogger();
        const open = () => new Outbox({ dir, clock, logger });
        let writer = open();
        let publisher = open();
        // Model: the latest state put for each session (its activeSeconds, unique per put), unless acknowledged.
        const waiting = new Map<string, number>();
        const excluded = new Set<string>();
        let batch: OutboxEntry[] = [];
        let nextState = 1;

        for (const step of commands) {
          switch (step.kind) {
            case 'put': {
              const id = IDS[step.session];
              if (excluded.has(id)) break;
              const state = nextState++;
              assert.equal(
                writer.put(session(id, 0, { activeSeconds: state, state: step.ended ? 'ended' : 'ongoing' })),
                'stored',
              );
              waiting.set(id, state);
              break;
            }
            case 'list':
              batch = publisher.list();
              break;
            case 'ack': {
              const picked = [...new Set(step.picks.filter(() => batch.length > 0).map((pick) => batch[pick % batch.length]))];
              const expected = picked.filter((entry) => waiting.get(entry.session.id) === entry.session.activeSeconds);
              const acks = picked.map((entry) => ({ sessionId: entry.session.id, revision: entry.revision }));
              assert.equal(publisher.acknowledge(acks), expected.length);
              for (const entry of expected) waiting.delete(entry.session.id);
              batch = batch.filter((entry) => !picked.includes(entry));
              break;
            }
            case 'fail':
              if (batch.length > 0) {
                const entry = batch[step.pick % batch.length];
                publisher.recordFailure(entry.session.id, entry.revision, 'HTTP 503');
              }
              break;
            case 'exclude': {
              const id = IDS[step.session];
              assert.equal(writer.put(session(id, 0, { endReason: 'excluded' })), 'removed');
              excluded.add(id);
              waiting.delete(id);
              break;
            }
            case 'restartWriter':
              writer = open();
              break;
            case 'restartPublisher':
              publisher = open();
              batch = [];
              break;
          }
          const listed = open()
            .list()
            .map((entry): [string, number] => [entry.session.id, entry.session.activeSeconds]);
          assert.deepEqual(new Map(listed), waiting, 'what waits on disk is the latest unacknowledged state of each session');
          assert.equal(listed.length, waiting.size, 'no session is listed twice');
        }
        assert.deepEqual(logger.warnings(), []);
      }),
      { numRuns: 100 },
    );
  });
});
