// This machine's copy of other machines' sessions: what a read of the feed adds, that what the feed drops stays, one
// copy per account, Forget and Clear, and lines crafted by anyone who can write the folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FEED_COPY_ENTRY, feedCopyText, MAX_COPY_TEXT, type FeedCopyEntry } from '../../../src/ledger/feedCopyEntry';
import { OtherMachines } from '../../../src/ledger/otherMachines';
import { RecordingLogger } from '../../support/logger';

const DAY = 24 * 3_600_000;
const NOW = Date.parse('2026-12-07T10:00:00Z');

function copyEntry(id: string, fields: Partial<FeedCopyEntry> = {}): FeedCopyEntry {
  return {
    id,
    activityId: 'h!cart',
    displayText: 'cart.ts',
    workspaceKey: 'w:0a1b2c',
    language: 'TypeScript',
    startedAt: NOW - 2 * DAY,
    lastActiveAt: NOW - 2 * DAY + 600_000,
    activeSeconds: 600,
    ...fields,
  };
}

/** Every line in every file under the copy's folder (compressed archives included, as their line count). */
function linesOnDisk(dir: string): number {
  let lines = 0;
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (name.endsWith('.jsonl')) lines += fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  }
  return lines;
}

describe("other machines' sessions, kept from the feed", () => {
  let dir: string;
  let now: number;
  let logger: RecordingLogger;
  const store = () => new OtherMachines({ dir, now: () => now, logger });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'af-others-'));
    now = NOW;
    logger = new RecordingLogger();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps each new session once, writes a changed one again, and reads the latest', async () => {
    const copy = store();
    assert.deepEqual(await copy.keep('ana@contoso.com', [copyEntry('a'), copyEntry('b')]), 2);
    assert.deepEqual(await copy.keep('ana@contoso.com', [copyEntry('a'), copyEntry('b')]), 0);
    assert.equal(linesOnDisk(dir), 2, 'reading the same feed again writes nothing');
    const grown = copyEntry('b', { lastActiveAt: NOW - DAY, activeSeconds: 900 });
    assert.deepEqual(await copy.keep('ana@contoso.com', [copyEntry('a'), grown]), 1);
    assert.deepEqual(
      store()
        .read('ana@contoso.com')
        .map((e) => [e.id, e.activeSeconds]),
      [
        ['a', 600],
        ['b', 900],
      ],
    );
  });

  it('keeps what the feed no longer holds', async () => {
    const copy = store();
    await copy.keep('ana@contoso.com', [copyEntry('dropped', { activityId: 'h!old' }), copyEntry('staying')]);
    now = NOW + 45 * DAY;
    assert.equal(await copy.keep('ana@contoso.com', [copyEntry('staying')]), 0);
    assert.deepEqual(
      copy.read('ana@contoso.com').map((e) => e.id),
      ['dropped', 'staying'],
    );
  });

  it('gives each account its own copy, named by a digest rather than the account', async () => {
    const copy = store();
    await copy.keep('ana@contoso.com', [copyEntry('a')]);
    await copy.keep('ben@fabrikam.com', [copyEntry('b')]);
    assert.deepEqual(
      copy.read('Ana@Contoso.com').map((e) => e.id),
      ['a'],
    );
    assert.deepEqual(
      copy.read('ben@fabrikam.com').map((e) => e.id),
      ['b'],
    );
    assert.deepEqual(copy.read('carla@contoso.com'), []);
    const onDisk = (fs.readdirSync(dir, { recursive: true }) as string[]).join('\n');
    assert.doesNotMatch(onDisk, /ana|ben|contoso|fabrikam/i);
  });

  it('removes what Forget deleted (by activity or session), and Clear empties every account', async () => {
    const copy = store();
    await copy.keep('ana@contoso.com', [copyEntry('a'), copyEntry('B1', { activityId: 'h!notes' }), copyEntry('c')]);
    await copy.keep('ben@fabrikam.com', [copyEntry('d')]);
    assert.equal(await copy.remove('ana@contoso.com', ['h!notes'], ['A']), 2);
    assert.deepEqual(
      copy.read('ana@contoso.com').map((e) => e.id),
      ['c'],
    );
    assert.equal(copy.count(), 2);
    assert.equal(await copy.clear(), 2);
    assert.equal(copy.count(), 0);
    assert.deepEqual(store().read('ben@fabrikam.com'), []);
  });

  it('reads back every entry it writes, and nothing from lines it did not (generated)', () => {
    let seed = 4242;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pieces = [
      'a',
      '\u0000',
      '"',
      '\\',
      '\ud83d\ude00',
      '\ud800',
      '<script>',
      'x'.repeat(MAX_COPY_TEXT + 1),
      '{}',
      '-1e308',
    ];
    const text = () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const entry = copyEntry(`id-${i}`, {
        displayText: feedCopyText(text()),
        language: feedCopyText(text()),
        workspaceName: feedCopyText(text()),
      });
      assert.deepEqual(FEED_COPY_ENTRY.decode(FEED_COPY_ENTRY.encode(entry)), entry);
      const crafted = JSON.stringify({
        v: 1,
        id: random() < 0.5 ? text() : `x${i}`,
        t: text(),
        d: random() < 0.5 ? 7 : text(),
        l: 'Go',
        s: random() < 0.5 ? 'now' : NOW,
        e: random() < 0.5 ? NOW - 1 : NOW,
        a: random() < 0.5 ? -1 : 5,
      });
      const decoded = FEED_COPY_ENTRY.decode(crafted);
      if (decoded) {
        assert.ok(decoded.lastActiveAt >= decoded.startedAt && decoded.activeSeconds >= 0, crafted);
        assert.ok(decoded.displayText.length <= MAX_COPY_TEXT && /^[A-Za-z0-9-]+$/.test(decoded.id), crafted);
      }
    }
    assert.equal(
      feedCopyText(`${'x'.repeat(MAX_COPY_TEXT - 1)}\ud83d\ude00`).length,
      MAX_COPY_TEXT - 1,
      'a character is never cut in half',
    );
  });
});
