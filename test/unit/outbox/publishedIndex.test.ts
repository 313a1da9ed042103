import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PUBLISHED_FORMAT } from '../../../src/outbox/publishedFormat';
import { PublishedIndex } from '../../../src/outbox/publishedIndex';
import { corruptFiles, useTempDir } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';

describe('PublishedIndex', () => {
  const tempDir = useTempDir();
  let clock: VirtualClock;
  let logger: RecordingLogger;

  beforeEach(() => {
    clock = new VirtualClock();
    logger = new RecordingLogger();
  });

  const open = (maxHistoryItems?: number) => new PublishedIndex({ dir: tempDir(), clock, logger, maxHistoryItems });
  const indexFile = () => path.join(tempDir(), 'published.json');

  it('merges the history items of an activity without duplicates, keeping the server id', () => {
    const index = open();
    index.record('doc-1', { serverId: 'srv-1', documentUri: 'file:///a.ts', historyItemIds: ['h1', 'h2'], at: 100 });
    const merged = index.record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ['h2', 'h3', 'h3'], at: 200 });
    assert.deepEqual(merged, {
      serverId: 'srv-1',
      documentUri: 'file:///a.ts',
      lastPublishedAt: 200,
      historyItemIds: ['h1', 'h2', 'h3'],
    });
    assert.deepEqual(open().get('doc-1'), merged);
  });

  it('keeps only the most recent history items', () => {
    const index = open(3);
    index.record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ['h1', 'h2', 'h3'], at: 1 });
    index.record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ['h1', 'h4'], at: 2 });
    assert.deepEqual(index.get('doc-1')?.historyItemIds, ['h3', 'h1', 'h4']);
  });

  it('keeps at most 200 history items by default', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `h${i}`);
    open().record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ids, at: 1 });
    assert.deepEqual(open().get('doc-1')?.historyItemIds, ids.slice(50));
  });

  it("reloads before each change, so one window never erases another window's records", () => {
    const windowA = open();
    const windowB = open();
    windowA.get('anything');
    windowB.record('doc-b', { documentUri: 'file:///b.ts', historyItemIds: ['b1'], at: 1 });
    windowA.record('doc-a', { documentUri: 'file:///a.ts', historyItemIds: ['a1'], at: 2 });
    assert.deepEqual([...windowB.all().keys()].sort(), ['doc-a', 'doc-b']);

    assert.equal(windowB.forget('doc-a'), true);
    assert.equal(windowA.get('doc-a'), undefined);
    assert.equal(windowA.forget('doc-a'), false);
  });

  it('sets a corrupt index aside with a warning and starts a new one', () => {
    fs.writeFileSync(indexFile(), '{"format":"activity-feed-published","version":1,"activ');
    const index = open();
    assert.equal(index.get('doc-1'), undefined);
    assert.deepEqual(corruptFiles(tempDir()), [`published.json.${clock.now()}`]);
    assert.match(
      logger.warnings().join('\n'),
      /moved unreadable published\.json to .*published\.json\.\d+ and started a new one: not valid JSON/,
    );

    index.record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ['h1'], at: 1 });
    assert.deepEqual(open().get('doc-1')?.historyItemIds, ['h1']);
  });

  it('sets aside an index whose entries have the wrong types', () => {
    fs.writeFileSync(
      indexFile(),
      JSON.stringify({
        format: PUBLISHED_FORMAT,
        version: 1,
        activities: { 'doc-1': { documentUri: 'x', lastPublishedAt: 1, historyItemIds: [1] } },
      }),
    );
    assert.equal(open().all().size, 0);
    assert.match(logger.warnings().join('\n'), /historyItemIds\[\] must be a string, got 1/);
  });

  it("leaves a newer version's index untouched, and says so", () => {
    const newer = JSON.stringify({ format: PUBLISHED_FORMAT, version: 2, activities: {} });
    fs.writeFileSync(indexFile(), newer);
    const index = open();
    index.record('doc-1', { documentUri: 'file:///a.ts', historyItemIds: ['h1'], at: 1 });
    index.record('doc-2', { documentUri: 'file:///b.ts', historyItemIds: ['h2'], at: 1 });
    assert.equal(fs.readFileSync(indexFile(), 'utf8'), newer);
    assert.deepEqual(corruptFiles(tempDir()), []);
    const warnings = logger.warnings();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /written by a newer version of the extension \(format version 2\)/);
  });

  it('stores an activity id that is also an Object property name', () => {
    open().record('__proto__', { documentUri: 'file:///p.ts', historyItemIds: ['h1'], at: 1 });
    assert.deepEqual(open().get('__proto__')?.historyItemIds, ['h1']);
    assert.deepEqual([...open().all().keys()], ['__proto__']);
  });
});
