import * as assert from 'node:assert/strict';
import { OUTBOX_FORMAT, parseOutboxEntry, type OutboxEntry } from '../../../src/outbox/format';
import { session } from './testSupport';

function entry(overrides: Record<string, unknown> = {}, sessionOverrides: Record<string, unknown> = {}): unknown {
  const valid: OutboxEntry = {
    format: OUTBOX_FORMAT,
    version: 1,
    session: session('a1', 1000, { cursor: { line: 3, character: 7 } }),
    revision: 2,
    queuedAt: 5,
    attempts: 0,
  };
  return JSON.parse(JSON.stringify({ ...valid, ...overrides, session: { ...valid.session, ...sessionOverrides } })) as unknown;
}

function reasonFor(value: unknown): string {
  const result = parseOutboxEntry(value);
  assert.ok(!result.ok, 'expected the entry to be refused');
  assert.equal(result.kind, 'corrupt');
  return result.reason;
}

describe('outbox entry format', () => {
  it('reads back exactly the session that was written', () => {
    const result = parseOutboxEntry(entry({ lastError: 'HTTP 503' }));
    assert.ok(result.ok);
    assert.deepEqual(result.entry.session, session('a1', 1000, { cursor: { line: 3, character: 7 } }));
    assert.equal(result.entry.lastError, 'HTTP 503');
  });

  it('names the field that is wrong', () => {
    assert.match(reasonFor(entry({}, { startedAt: 'yesterday' })), /session\.startedAt must be a finite number, got "yesterday"/);
    assert.match(reasonFor(entry({}, { lastActiveAt: null })), /session\.lastActiveAt must be a finite number, got null/);
    assert.match(reasonFor(entry({}, { activeSeconds: -1 })), /session\.activeSeconds/);
    assert.match(reasonFor(entry({}, { state: 'paused' })), /session\.state/);
    assert.match(reasonFor(entry({}, { endReason: 'bored' })), /session\.endReason must be one of idle, switch/);
    assert.match(reasonFor(entry({}, { cursor: { line: 1.5, character: 0 } })), /session\.cursor\.line/);
    assert.match(reasonFor(entry({}, { cursor: [1, 2] })), /session\.cursor must be an object, got an array/);
    assert.match(reasonFor(entry({}, { publishable: 'yes' })), /session\.publishable/);
    assert.match(reasonFor(entry({}, { id: '' })), /session\.id/);
    assert.match(reasonFor(entry({ revision: 0 })), /revision must be an integer ≥ 1/);
    assert.match(reasonFor(entry({ attempts: 'many' })), /attempts/);
    assert.match(reasonFor(entry({ format: 'something-else' })), /format/);
    assert.match(reasonFor(entry({ version: 0 })), /version must be 1, got 0/);
    assert.match(reasonFor([]), /must be an object, got an array/);
  });

  it('reports a file from a newer version as such, not as corruption', () => {
    const result = parseOutboxEntry({ format: OUTBOX_FORMAT, version: 2, somethingNew: true });
    assert.ok(!result.ok && result.kind === 'newer-version');
    assert.equal(result.version, 2);
    assert.match(result.reason, /written by a newer version/);
  });
});
