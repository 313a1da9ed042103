import * as assert from 'node:assert/strict';
import { PendingSessions } from '../../src/publish/pendingSessions';
import type { Session } from '../../src/tracking/types';

function session(id: string, documentUri: string, startedAt: number, extra: Partial<Session> = {}): Session {
  return { id, documentUri, languageId: 'typescript', startedAt, lastActiveAt: startedAt + 60_000, activeSeconds: 60, state: 'ended', ...extra };
}

describe('PendingSessions', () => {
  it('replaces a checkpoint with the later state of the same session, and groups by document', () => {
    const pending = new PendingSessions();
    pending.put(session('a', 'file:///x.ts', 1000, { state: 'ongoing', activeSeconds: 20 }));
    pending.put(session('a', 'file:///x.ts', 1000, { activeSeconds: 60 }));
    pending.put(session('b', 'file:///y.ts', 500));
    pending.put(session('c', 'file:///x.ts', 9000));
    assert.equal(pending.size, 3);
    assert.deepEqual([...pending.byDocument().entries()].map(([doc, s]) => [doc, s.map((x) => `${x.id}:${x.activeSeconds}`)]), [
      ['file:///y.ts', ['b:60']],
      ['file:///x.ts', ['a:60', 'c:60']],
    ]);
  });

  it('forgets a session that became excluded, and never keeps an unsaved buffer', () => {
    const pending = new PendingSessions();
    pending.put(session('a', 'file:///secret.env', 0, { state: 'ongoing' }));
    pending.put(session('a', 'file:///secret.env', 0, { endReason: 'excluded' }));
    pending.put(session('u', 'untitled:Untitled-1', 0, { publishable: false }));
    assert.equal(pending.size, 0);
  });

  it('refuses new sessions beyond its capacity but still updates the ones it holds', () => {
    const pending = new PendingSessions(1);
    assert.equal(pending.put(session('a', 'file:///x.ts', 0)), true);
    assert.equal(pending.put(session('b', 'file:///x.ts', 1)), false);
    assert.equal(pending.put(session('a', 'file:///x.ts', 0, { activeSeconds: 99 })), true);
    assert.equal(pending.all()[0].activeSeconds, 99);
  });
});
