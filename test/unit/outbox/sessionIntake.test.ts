// Every session enters the outbox through the intake: the tracker's checkpoints and finished sessions, and a publishing
// run's snapshot of the running one.
import * as assert from 'node:assert/strict';
import { SessionIntake } from '../../../src/outbox/sessionIntake';
import { SessionPrivacy } from '../../../src/privacy/sessionPrivacy';
import type { Session } from '../../../src/tracking/types';
import { makeSession } from '../../support/sessions';

describe('session intake', () => {
  let put: Session[];
  let queued: number;
  let forgotten: Set<string>;
  const intake = () =>
    new SessionIntake({
      outbox: { put: (session) => put.push(session) },
      forgotten: { has: (id) => forgotten.has(id) },
      privacy: new SessionPrivacy(() => 'noRepository'),
      onQueued: () => queued++,
    });
  beforeEach(() => {
    put = [];
    queued = 0;
    forgotten = new Set();
  });

  it('queues a session at the level it is recorded at, and says so once per session', () => {
    intake().record(makeSession({ id: 'a', privacy: undefined }));
    assert.deepEqual(
      put.map((s) => [s.id, s.privacy, s.endReason]),
      [['a', 'noRepository', undefined]],
    );
    assert.equal(queued, 1);
  });

  it('queues a session the person forgot while it ran as excluded, whichever path brings it (checkpoint or snapshot)', () => {
    forgotten.add('gone');
    const { record } = intake();
    record(makeSession({ id: 'gone', state: 'ongoing', privacy: undefined }));
    record(makeSession({ id: 'gone', state: 'ended', privacy: undefined }));
    assert.deepEqual(
      put.map((s) => s.endReason),
      ['excluded', 'excluded'],
      'its id never goes out again',
    );
    assert.equal(queued, 2);
  });
});
