// The session ledger on disk: what it keeps, how it survives a torn write and damaged lines, and that windows
// appending while another purges lose nothing and keep nothing that was purged.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEntry, encodeEntry, LEDGER_ENTRY, type LedgerEntry } from '../../../src/ledger/entry';
import { Ledger } from '../../../src/ledger/ledger';
import { RecordingLogger } from '../../support/logger';

const REGISTER_TS = path.resolve(__dirname, '../../../scripts/register-ts.cjs');
const WINDOW = path.join(__dirname, 'ledgerWindow.ts');
const DECEMBER = Date.parse('2026-12-07T10:00:00Z');

function runWindow(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', REGISTER_TS, WINDOW, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function entry(id: string, fields: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id,
    documentUri: `file:///work/shop/${id}.ts`,
    startedAt: DECEMBER,
    lastActiveAt: DECEMBER + 60_000,
    activeSeconds: 55,
    languageId: 'typescript',
    workspaceFolderName: 'shop',
    relativePath: `src/${id}.ts`,
    branch: 'feature/ABC-123-cart',
    ...fields,
  };
}

describe('session ledger', function () {
  this.timeout(60_000);
  let dir: string;
  let logger: RecordingLogger;
  const ledger = (writerId = 'w1') => new Ledger({ dir, codec: LEDGER_ENTRY, now: () => DECEMBER, logger, writerId });
  const segment = (writerId = 'w1') => path.join(dir, `2026-12.${writerId}.jsonl`);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'af-ledger-'));
    logger = new RecordingLogger();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps what only this machine knows of each session, one line each, and reads it back oldest first', async () => {
    const first = entry('a', { startedAt: DECEMBER - 3_600_000, lastActiveAt: DECEMBER - 3_000_000 });
    await ledger().append([entry('b'), first]);
    const { entries, unreadable } = ledger().read();
    assert.deepEqual(entries, [first, entry('b')]);
    assert.deepEqual(unreadable, []);
    assert.equal(fs.readFileSync(segment(), 'utf8').split('\n').length, 3, 'two lines and the final newline');
    assert.equal((fs.statSync(segment()).mode & 0o777).toString(8), '600', 'readable by the person only');
  });

  it('counts a session once, at its latest state, when it was written twice', async () => {
    await ledger().append([entry('a', { lastActiveAt: DECEMBER + 1_000, activeSeconds: 1 })]);
    await ledger('w2').append([entry('a')]);
    assert.deepEqual(ledger().read().entries, [entry('a')]);
  });

  it('loses only the torn last line of a crashed write; repair sets it aside and names it in the log', async () => {
    await ledger().append([entry('a'), entry('b')]);
    fs.appendFileSync(segment(), encodeEntry(entry('c')).slice(0, 40));
    const before = ledger().read();
    assert.deepEqual(
      before.entries.map((e) => e.id),
      ['a', 'b'],
    );
    assert.deepEqual(before.unreadable, [{ file: '2026-12.w1.jsonl', lines: 1 }]);
    assert.equal(await ledger().repair(), 0, 'repair removes no session');
    assert.deepEqual(ledger().read().unreadable, []);
    const setAside = fs.readdirSync(path.join(dir, 'set-aside'));
    assert.equal(setAside.length, 1);
    assert.match(
      logger.lines.map((l) => l.message).join('\n'),
      /1 unreadable line\(s\) of 2026-12\.w1\.jsonl set aside in .*set-aside/,
    );
  });

  it('reads the rest of a damaged file: garbage, a later version, impossible times and hostile text are set aside', async () => {
    await ledger().append([entry('a')]);
    const damaged = [
      '\u0000\u0000\u0000garbage',
      JSON.stringify({ v: 2, id: 'x' }),
      encodeEntry(entry('late', { lastActiveAt: DECEMBER - 1 })),
      encodeEntry(entry('../../etc/passwd')),
      encodeEntry(entry('huge', { branch: 'b'.repeat(100_000) })),
      '{"v":1,"id":"proto","__proto__":{"polluted":true}}',
    ];
    fs.appendFileSync(segment(), `${damaged.join('\n')}\n`);
    await ledger().append([entry('z')]);
    const { entries, unreadable } = ledger().read();
    assert.deepEqual(
      entries.map((e) => e.id),
      ['a', 'z'],
    );
    assert.deepEqual(unreadable, [{ file: '2026-12.w1.jsonl', lines: damaged.length }]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('sees every change on disk through one long-lived instance: its own appends, another window’s, a purge', async () => {
    const mine = ledger();
    await mine.append([entry('a')]);
    assert.deepEqual(
      mine.read().entries.map((e) => e.id),
      ['a'],
    );
    await ledger('w2').append([entry('b', { startedAt: DECEMBER + 1 })]);
    await mine.append([entry('c', { startedAt: DECEMBER + 2 })]);
    assert.deepEqual(
      mine.read().entries.map((e) => e.id),
      ['a', 'b', 'c'],
    );
    await ledger('w3').remove((e) => e.id === 'a', 'forgotten');
    assert.deepEqual(
      mine.read().entries.map((e) => e.id),
      ['b', 'c'],
    );
    await ledger('w3').clear();
    assert.deepEqual(mine.read().entries, []);
  });

  it('removes what it is told to from the files on disk, and nothing else', async () => {
    await ledger().append([entry('a'), entry('secret', { documentUri: 'file:///work/secrets/key.ts' }), entry('b')]);
    assert.equal(await ledger().remove((e) => e.documentUri.includes('/secrets/'), 'excluded'), 1);
    assert.deepEqual(
      ledger()
        .read()
        .entries.map((e) => e.id),
      ['a', 'b'],
    );
    assert.ok(!fs.readFileSync(segment(), 'utf8').includes('secrets'), 'not a trace of it is left in the file');
    assert.match(logger.lines.map((l) => l.message).join('\n'), /removed 1 session\(s\) \(excluded\)/);
  });

  it('compacts a past month into one compressed archive, and still reads, purges and repairs it', async () => {
    const november = Date.parse('2026-11-20T10:00:00Z');
    const inNovember = (writerId: string) => new Ledger({ dir, codec: LEDGER_ENTRY, now: () => november, logger, writerId });
    const many = Array.from({ length: 400 }, (_, i) =>
      entry(`n${i}`, { startedAt: november + i, lastActiveAt: november + i + 1 }),
    );
    await inNovember('w1').append(many.slice(0, 200));
    await inNovember('w2').append(many.slice(200));
    await ledger().append([entry('d')]);
    const plain = fs
      .readdirSync(dir)
      .filter((n) => n.startsWith('2026-11'))
      .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    assert.equal(await ledger().compact(), 2, 'the two November files are merged');
    assert.deepEqual(
      fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.jsonl') || n.endsWith('.gz'))
        .sort(),
      ['2026-11.archive.jsonl.gz', '2026-12.w1.jsonl'],
    );
    const archived = fs.statSync(path.join(dir, '2026-11.archive.jsonl.gz')).size;
    assert.ok(archived * 5 < plain, `compressed ${archived} bytes from ${plain}`);
    assert.equal(ledger().read().entries.length, 401);
    assert.equal(await ledger().compact(), 0, 'an archive alone is left as it is');
    assert.equal(await ledger().remove((e) => e.id === 'n7', 'forgotten'), 1);
    assert.equal(ledger().read().entries.length, 400);

    fs.writeFileSync(path.join(dir, '2026-10.archive.jsonl.gz'), 'not gzip at all');
    assert.deepEqual(ledger().read().unreadable, [{ file: '2026-10.archive.jsonl.gz', lines: 'all' }]);
    await ledger().repair();
    assert.deepEqual(ledger().read().unreadable, []);
    assert.equal(ledger().read().entries.length, 400, 'the rest stays readable');
    assert.match(
      logger.lines.map((l) => l.message).join('\n'),
      /2026-10\.archive\.jsonl\.gz could not be read at all; it was set aside/,
    );
  });

  it('clears everything, the set-aside lines included', async () => {
    await ledger().append([entry('a')]);
    fs.appendFileSync(segment(), 'torn');
    await ledger().repair();
    assert.equal(await ledger().clear(), 1);
    assert.deepEqual(ledger().read().entries, []);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'set-aside')), []);
  });

  it('round-trips every field through its line, and refuses a line with a missing or mistyped field', () => {
    const full = entry('a', { commitSubject: 'Fix rounding (closes ABC-77)' });
    assert.deepEqual(decodeEntry(encodeEntry(full)), full);
    const bare: LedgerEntry = {
      id: 'b',
      documentUri: 'untitled:1',
      startedAt: 1,
      lastActiveAt: 2,
      activeSeconds: 1,
      languageId: '',
    };
    assert.deepEqual(decodeEntry(encodeEntry(bare)), bare);
    for (const key of ['id', 'u', 's', 'e', 'a', 'g']) {
      const line = JSON.parse(encodeEntry(full)) as Record<string, unknown>;
      delete line[key];
      assert.equal(decodeEntry(JSON.stringify(line)), undefined, `without ${key}`);
      line[key] = key === 'u' || key === 'g' || key === 'id' ? 7 : 'x';
      assert.equal(decodeEntry(JSON.stringify(line)), undefined, `${key} mistyped`);
    }
  });

  it('shared by windows: two append while a third purges, and no append is lost, no purged session stays', async () => {
    const stop = path.join(dir, '..', `${path.basename(dir)}.stop`);
    const purger = runWindow(['purger', dir, stop]);
    const [a, b] = await Promise.all([runWindow(['writer', dir, 'a', '150']), runWindow(['writer', dir, 'b', '150'])]);
    fs.writeFileSync(stop, '');
    const removed = JSON.parse(await purger) as number;
    fs.rmSync(stop, { force: true });
    const written = [...(JSON.parse(a) as string[]), ...(JSON.parse(b) as string[])];
    const kept = ledger('reader').read();
    const expected = written.filter((id) => Number(id.slice(2)) % 3 !== 0).sort();
    assert.deepEqual(kept.entries.map((e) => e.id).sort(), expected, 'every open session is there, no secret one');
    assert.equal(removed, written.length - expected.length, 'each secret session was removed exactly once');
    assert.deepEqual(kept.unreadable, []);
  });
});
