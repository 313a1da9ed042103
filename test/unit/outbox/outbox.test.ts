import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Outbox, type OutboxOptions } from '../../../src/outbox/outbox';
import { OUTBOX_FORMAT } from '../../../src/outbox/format';
import { OutboxWriter } from '../../../src/outbox/outboxWriter';
import { age, corruptFiles, DAY, newId, session, sessionFiles, useTempDir } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

describe('Outbox', () => {
  const tempDir = useTempDir();
  let clock: VirtualClock;
  let logger: RecordingLogger;

  beforeEach(() => {
    clock = new VirtualClock();
    logger = new RecordingLogger();
  });

  function open(options: Partial<OutboxOptions> = {}): Outbox {
    return new Outbox({ dir: tempDir(), clock, logger, ...options });
  }

  function sessionPath(id: string): string {
    return path.join(tempDir(), 'sessions', `${id}.json`);
  }

  it('keeps stored sessions across a restart, oldest first', () => {
    const [late, early] = [newId(), newId()];
    const first = open();
    assert.equal(first.put(session(late, clock.now() - 1000)), 'stored');
    assert.equal(first.put(session(early, clock.now() - 5000, { cursor: { line: 4, character: 2 } })), 'stored');

    const afterRestart = open();
    assert.deepEqual(
      afterRestart.list().map((entry) => entry.session),
      [session(early, clock.now() - 5000, { cursor: { line: 4, character: 2 } }), session(late, clock.now() - 1000)],
    );
    assert.equal(afterRestart.count(), 2);
    assert.equal(afterRestart.get(early)?.revision, 1);
  });

  it("replaces a running session's checkpoint with its final state: one entry, never two", () => {
    const id = newId();
    const outbox = open();
    outbox.put(session(id, 0, { state: 'ongoing', endReason: undefined, activeSeconds: 20 }));
    outbox.put(session(id, 0, { state: 'ended', endReason: 'close', activeSeconds: 95 }));

    const entries = open().list();
    assert.equal(entries.length, 1);
    assert.deepEqual([entries[0].session.state, entries[0].session.activeSeconds, entries[0].revision], ['ended', 95, 2]);
    assert.deepEqual(sessionFiles(tempDir()), [`${id}.json`]);
  });

  it('forgets a session that became excluded, and never stores an unsaved buffer', () => {
    const [secret, untitled] = [newId(), newId()];
    const outbox = open();
    outbox.put(session(secret, 0, { state: 'ongoing', documentUri: 'file:///work/.env' }));
    assert.equal(outbox.put(session(secret, 0, { endReason: 'excluded' })), 'removed');
    assert.equal(outbox.put(session(untitled, 0, { documentUri: 'untitled:Untitled-1', publishable: false })), 'removed');
    assert.deepEqual(outbox.list(), []);
    assert.deepEqual(sessionFiles(tempDir()), []);
  });

  it('acknowledging a published revision keeps the newer checkpoint written while it was being published', () => {
    const id = newId();
    const outbox = open();
    outbox.put(session(id, 0, { state: 'ongoing', activeSeconds: 30 }));
    const published = outbox.list();
    outbox.put(session(id, 0, { state: 'ongoing', activeSeconds: 90 }));

    assert.equal(outbox.acknowledge(published.map((entry) => ({ sessionId: entry.session.id, revision: entry.revision }))), 0);
    const waiting = outbox.list();
    assert.deepEqual(
      waiting.map((entry) => [entry.session.activeSeconds, entry.revision]),
      [[90, 2]],
    );

    assert.equal(outbox.acknowledge([{ sessionId: id, revision: 2 }]), 1);
    assert.deepEqual(outbox.list(), []);
    assert.deepEqual(sessionFiles(tempDir()), []);
  });

  it('moves a truncated or malformed file aside with one clear warning, and still lists the others', () => {
    const [good, truncated, wrongTypes] = [newId(), newId(), newId()];
    const outbox = open();
    outbox.put(session(good, 0));
    outbox.put(session(truncated, 0));
    outbox.put(session(wrongTypes, 0));
    const text = fs.readFileSync(sessionPath(truncated), 'utf8');
    fs.writeFileSync(sessionPath(truncated), text.slice(0, text.length / 2));
    fs.writeFileSync(
      sessionPath(wrongTypes),
      text.replace('"startedAt":0', '"startedAt":"noon"').replaceAll(truncated, wrongTypes),
    );

    assert.deepEqual(
      outbox.list().map((entry) => entry.session.id),
      [good],
    );
    assert.deepEqual(sessionFiles(tempDir()), [`${good}.json`]);
    assert.deepEqual(corruptFiles(tempDir()), [`${truncated}.json.${clock.now()}`, `${wrongTypes}.json.${clock.now()}`].sort());
    const warnings = logger.warnings();
    assert.equal(warnings.length, 2);
    assert.ok(
      warnings.some((line) => line.includes(`${truncated}.json`) && /truncated/.test(line)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some(
        (line) => line.includes(`${wrongTypes}.json`) && line.includes('session.startedAt must be a finite number, got "noon"'),
      ),
      warnings.join('\n'),
    );

    outbox.list();
    assert.equal(logger.warnings().length, 2, 'a file set aside is reported once');
  });

  it('moves aside a file whose content belongs to another session id', () => {
    const [a, b] = [newId(), newId()];
    open().put(session(a, 0));
    fs.copyFileSync(sessionPath(a), sessionPath(b));
    assert.deepEqual(
      open()
        .list()
        .map((entry) => entry.session.id),
      [a],
    );
    assert.match(logger.warnings().join('\n'), new RegExp(`${b}\\.json.*holds session ${a}`));
  });

  it('leaves a file written by a newer version in place and says so once', () => {
    const [current, future] = [newId(), newId()];
    const outbox = open();
    outbox.put(session(current, 0));
    fs.writeFileSync(sessionPath(future), JSON.stringify({ format: OUTBOX_FORMAT, version: 2, payload: { id: future } }));

    assert.deepEqual(
      outbox.list().map((entry) => entry.session.id),
      [current],
    );
    outbox.list();
    assert.ok(fs.existsSync(sessionPath(future)), 'the newer file stays where the newer version looks for it');
    assert.deepEqual(corruptFiles(tempDir()), []);
    const warnings = logger.warnings();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`${future}\\.json.*written by a newer version of the extension \\(format version 2\\)`));
  });

  it('refuses a new session when full, with a warning, but keeps updating the sessions it holds', () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const outbox = open({ maxSessions: 2 });
    outbox.put(session(a, 0));
    outbox.put(session(b, 1));
    assert.equal(outbox.put(session(c, 2)), 'full');
    assert.match(
      logger.warnings().join('\n'),
      new RegExp(`full \\(2 sessions waiting to be published\\); session ${c} was not stored`),
    );
    assert.equal(outbox.put(session(a, 0, { activeSeconds: 99 })), 'stored');
    assert.deepEqual(
      outbox.list().map((entry) => `${entry.session.id}:${entry.session.activeSeconds}`),
      [`${a}:99`, `${b}:60`],
    );
  });

  it('prune drops sessions older than 30 days and the least recently active beyond the limit, and reports each drop', () => {
    const now = clock.now();
    const ids = [newId(), newId(), newId(), newId(), newId()];
    const writer = open();
    writer.put(session(ids[0], now - 40 * DAY, { lastActiveAt: now - 31 * DAY }));
    writer.put(session(ids[1], now - 3 * DAY));
    writer.put(session(ids[2], now - 2 * DAY));
    writer.put(session(ids[3], now - DAY));
    writer.put(session(ids[4], now - 29 * DAY));

    const outbox = open({ maxSessions: 2 });
    assert.deepEqual(outbox.prune(), { expired: 1, overCap: 2, setAside: 0 });
    assert.deepEqual(
      outbox.list().map((entry) => entry.session.id),
      [ids[2], ids[3]],
    );
    assert.deepEqual([outbox.droppedExpired, outbox.droppedOverCap], [1, 2]);
    const warnings = logger.warnings();
    assert.ok(
      warnings.some((line) => /dropped 1 unpublished session last active more than 30 days ago/.test(line)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((line) => /dropped 2 unpublished sessions \(the least recently active\) beyond the limit of 2/.test(line)),
      warnings.join('\n'),
    );

    clock.advance(29 * DAY);
    assert.deepEqual(outbox.prune(), { expired: 1, overCap: 0, setAside: 0 });
    assert.deepEqual([outbox.droppedExpired, outbox.droppedOverCap], [2, 2], 'the counters add up over time');
  });

  it('a crash in the middle of a write loses nothing already saved, and its leftover is cleaned up later', () => {
    const id = newId();
    open().put(session(id, 0, { activeSeconds: 42 }));
    // What a crash between writing the temporary file and renaming it leaves behind.
    const leftover = path.join(tempDir(), 'sessions', `.${id}.json.99999-0123456789ab.tmp`);
    fs.writeFileSync(leftover, '{"format":"activity-feed-outbox","version":1,"sess');
    const inProgress = path.join(tempDir(), 'sessions', `.${id}.json.99998-ba9876543210.tmp`);
    fs.writeFileSync(inProgress, '{');
    age(leftover, 5 * 60_000);

    const afterRestart = open();
    assert.deepEqual(
      afterRestart.list().map((entry) => [entry.session.id, entry.session.activeSeconds]),
      [[id, 42]],
    );
    assert.ok(!fs.existsSync(leftover), 'a temporary file older than a minute is removed');
    assert.ok(fs.existsSync(inProgress), "another window's write in progress is left alone");
    assert.deepEqual(logger.warnings(), []);
  });

  it('puts back a session left claimed by a window that stopped while acknowledging it', () => {
    const id = newId();
    open().put(session(id, 0));
    const claimedAt = clock.now() - 5 * 60_000;
    fs.renameSync(sessionPath(id), path.join(tempDir(), 'sessions', `.${id}.json.4242-00112233aabb-${claimedAt}.claim`));

    assert.deepEqual(
      open()
        .list()
        .map((entry) => entry.session.id),
      [id],
    );
    assert.deepEqual(sessionFiles(tempDir()), [`${id}.json`]);
    assert.match(logger.lines.map((line) => line.message).join('\n'), /put back .*left claimed by a window that stopped/);
  });

  it('writes session files readable only by their owner', () => {
    const id = newId();
    open().put(session(id, 0));
    if (process.platform !== 'win32') assert.equal(fs.statSync(sessionPath(id)).mode & 0o777, 0o600);
    assert.ok(fs.existsSync(sessionPath(id)));
  });

  it('refuses a session id that could reach outside its folder, and writes nothing', () => {
    const outbox = open();
    assert.throws(() => outbox.put(session('../../escape', 0)), /cannot name a file/);
    assert.throws(() => outbox.acknowledge([{ sessionId: 'a/b', revision: 1 }]), /cannot name a file/);
    assert.deepEqual(fs.readdirSync(tempDir()), []);
  });

  it('refuses to store a malformed session instead of writing a file it could not read back', () => {
    assert.throws(() => open().put(session(newId(), Number.NaN)), /session\.startedAt must be a finite number, got NaN/);
    assert.deepEqual(sessionFiles(tempDir()), []);
  });

  it('records a failed attempt on the revision that failed, not on a newer one, and keeps it across checkpoints', () => {
    const id = newId();
    const outbox = open();
    outbox.put(session(id, 0, { state: 'ongoing' }));
    assert.equal(outbox.recordFailure(id, 1, 'HTTP 503 Service Unavailable'), true);
    outbox.put(session(id, 0, { activeSeconds: 120 }));
    assert.equal(outbox.recordFailure(id, 1, 'too late'), false);

    const entry = open().get(id);
    assert.deepEqual(
      [entry?.session.activeSeconds, entry?.revision, entry?.attempts, entry?.lastError],
      [120, 2, 1, 'HTTP 503 Service Unavailable'],
    );
  });

  it('stores a failure that echoes the request without its secrets, on one line, in the file on disk', () => {
    const id = newId();
    const outbox = open();
    outbox.put(session(id, 0, { state: 'ended' }));
    const echo = [
      'HTTP 400: {"echo":{"headers":{"authorization":"Bearer SECRETa","cookie":"sid=SECRETb"},',
      '"body":"grant_type=authorization_code&code=SECRETc&code_verifier=SECRETd&client_assertion=SECRETe"},',
      '"cache":{"secret":"SECRETf","accessToken":"SECRETg","token":"SECRETh"}}\nINFO forged log line',
    ].join('');
    assert.equal(outbox.recordFailure(id, 1, echo), true);
    const onDisk = fs.readFileSync(sessionPath(id), 'utf8');
    assert.doesNotMatch(onDisk, /SECRET/);
    const lastError = open().get(id)?.lastError ?? '';
    assert.match(lastError, /^HTTP 400: /);
    assert.doesNotMatch(lastError, /SECRET|\n/);
  });

  it('keeps numbering revisions after a session was acknowledged, so an old acknowledgement cannot remove the next state', () => {
    const id = newId();
    const outbox = open();
    outbox.put(session(id, 0, { state: 'ongoing' }));
    assert.equal(outbox.acknowledge([{ sessionId: id, revision: 1 }]), 1);
    outbox.put(session(id, 0, { state: 'ended' }));
    assert.equal(outbox.acknowledge([{ sessionId: id, revision: 1 }]), 0);
    assert.deepEqual(
      outbox.list().map((entry) => [entry.session.state, entry.revision]),
      [['ended', 2]],
    );
  });

  it("over activation's writer, the services' outbox continues its revisions and applies the settings' cap to it", () => {
    const id = newId();
    const writer = new OutboxWriter({ dir: tempDir(), clock, logger });
    writer.put(session(id, 0, { state: 'ongoing' }));
    const outbox = open({ writer, maxSessions: 1 });
    assert.equal(outbox.acknowledge([{ sessionId: id, revision: 1 }]), 1);
    // The tracker keeps appending through the writer: the next state is revision 2, which no old ack can remove.
    writer.put(session(id, 0, { state: 'ended' }));
    assert.equal(outbox.acknowledge([{ sessionId: id, revision: 1 }]), 0);
    assert.deepEqual(
      outbox.list().map((entry) => [entry.session.state, entry.revision]),
      [['ended', 2]],
    );
    assert.equal(writer.maxSessions, 1);
    assert.equal(writer.put(session(newId(), 0)), 'full');
  });

  it('lists nothing, and counts nothing, before anything was stored', () => {
    const outbox = open();
    assert.deepEqual(outbox.list(), []);
    assert.equal(outbox.count(), 0);
    assert.equal(outbox.get(newId()), undefined);
    assert.deepEqual(outbox.prune(), { expired: 0, overCap: 0, setAside: 0 });
    assert.deepEqual(logger.lines, []);
  });

  it('applies a lowered cap from the settings without a restart, dropping the least recently active with a warning', () => {
    const outbox = open({ maxSessions: 10 });
    const ids = [1, 2, 3].map((minutes) => {
      const s = session(newId(), clock.now() - minutes * 60_000 - 60_000);
      outbox.put(s);
      return s.id;
    });
    outbox.maxSessions = 2;
    assert.deepEqual(outbox.prune(), { expired: 0, overCap: 1, setAside: 0 });
    assert.deepEqual(
      outbox
        .list()
        .map((e) => e.session.id)
        .sort(),
      ids.slice(0, 2).sort(),
    );
    assert.ok(
      logger.warnings().some((w) => /1/.test(w)),
      logger.warnings().join('\n'),
    );
  });
});
