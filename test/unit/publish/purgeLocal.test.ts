// Excluding a file after its sessions were queued still published them; set-aside (corrupt/) copies and link-table
// entries stayed forever. Exclusions and Forget now remove every local trace, and what is set aside has a bounded life.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Outbox } from '../../../src/outbox/outbox';
import { SET_ASIDE_MAX_AGE_MS, SET_ASIDE_MAX_FILES } from '../../../src/outbox/setAside';
import { dropLinks, LINK_MAX_AGE_MS, rememberLink, type LinkTable } from '../../../src/links/activityLinks';
import { purgeLocalTraces } from '../../../src/publish/purgeLocal';
import { corruptFiles, DAY, newId, session, sessionFiles, useTempDir } from '../outbox/testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

describe('purging local traces', () => {
  const tempDir = useTempDir();
  let clock: VirtualClock;
  const open = () => new Outbox({ dir: tempDir(), clock, logger: new RecordingLogger() });
  const secretUri = 'file:///work/secrets/payroll.ts';
  const otherUri = 'file:///work/src/app.ts';

  /** A links table kept in memory, with the link handler's forgetWhere. */
  const linkTable = (initial: LinkTable) => {
    let table = initial;
    return {
      get table() {
        return table;
      },
      forgetWhere(drop: (id: string, documentUri: string) => boolean): number {
        const before = Object.keys(table).length;
        table = dropLinks(table, (id, entry) => drop(id, entry.documentUri));
        return before - Object.keys(table).length;
      },
    };
  };

  /** Queues a session and damages its file, so the next list() sets it aside; returns its id. */
  const setAsideOne = (outbox: Outbox, documentUri: string): string => {
    const id = newId();
    outbox.put(session(id, 0, { documentUri }));
    const file = path.join(tempDir(), 'sessions', `${id}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"startedAt":0', '"startedAt":"noon"'));
    outbox.list();
    return id;
  };

  beforeEach(() => {
    clock = new VirtualClock();
  });

  it('removes the queued sessions, set-aside copies and links of newly excluded documents, and nothing else', () => {
    const outbox = open();
    const [secret, other] = [newId(), newId()];
    outbox.put(session(secret, 0, { documentUri: secretUri }));
    outbox.put(session(other, 0, { documentUri: otherUri }));
    setAsideOne(outbox, secretUri);
    setAsideOne(outbox, otherUri);
    const links = linkTable({
      'h:1': { documentUri: secretUri, seen: clock.now() },
      'h:2': { documentUri: otherUri, seen: clock.now() },
    });

    const result = purgeLocalTraces({ documents: (uri) => uri.includes('/secrets/') }, { outbox, links });

    assert.deepEqual(result, { queued: 1, setAside: 1, links: 1 });
    assert.deepEqual(
      outbox.list().map((entry) => entry.session.id),
      [other],
    );
    assert.equal(corruptFiles(tempDir()).length, 1);
    assert.deepEqual(Object.keys(links.table), ['h:2']);
  });

  it('removes what Forget names: sessions (queued or set aside) by id, links by activity', () => {
    const outbox = open();
    const queued = newId();
    outbox.put(session(queued, 0));
    const damaged = setAsideOne(outbox, otherUri);
    const links = linkTable({
      'h:gone': { documentUri: otherUri, seen: clock.now() },
      'h:kept': { documentUri: secretUri, seen: clock.now() },
    });

    const result = purgeLocalTraces(
      { sessionIds: new Set([queued, damaged]), activityIds: new Set(['h:gone']) },
      { outbox, links },
    );

    assert.deepEqual(result, { queued: 1, setAside: 1, links: 1 });
    assert.deepEqual(sessionFiles(tempDir()), []);
    assert.deepEqual(corruptFiles(tempDir()), []);
    assert.deepEqual(Object.keys(links.table), ['h:kept']);
  });

  it('gives set-aside files a bounded life: older than the age bound or beyond the count bound, they go at the next prune', () => {
    const corrupt = path.join(tempDir(), 'corrupt');
    fs.mkdirSync(corrupt, { recursive: true });
    const old = `${newId()}.json.${clock.now() - SET_ASIDE_MAX_AGE_MS - DAY}`;
    fs.writeFileSync(path.join(corrupt, old), '{');
    const recent = Array.from({ length: SET_ASIDE_MAX_FILES + 3 }, (_, i) => `${newId()}.json.${clock.now() - i * 1000}`);
    for (const name of recent) fs.writeFileSync(path.join(corrupt, name), '{');

    const pruned = open().prune();

    assert.equal(pruned.setAside, 4);
    assert.deepEqual(corruptFiles(tempDir()), recent.slice(0, SET_ASIDE_MAX_FILES).sort());
  });

  it('gives link-table entries a bounded life: one not seen for the age bound is forgotten when another is remembered', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const table: LinkTable = {
      'h:old': { documentUri: otherUri, seen: now - LINK_MAX_AGE_MS - DAY },
      'h:recent': { documentUri: secretUri, seen: now - DAY },
    };
    assert.deepEqual(Object.keys(rememberLink(table, 'h:new', { documentUri: otherUri }, now)).sort(), ['h:new', 'h:recent']);
  });
});
