import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonFile, writeFileAtomic } from '../../../src/outbox/atomicFile';
import { useTempDir } from './testSupport';

describe('outbox atomic files', () => {
  const tempDir = useTempDir();

  it('replaces a file in one step, readable only by its owner, leaving no temporary file behind', () => {
    const file = path.join(tempDir(), 'state.json');
    writeFileAtomic(file, '{"n":1}');
    writeFileAtomic(file, '{"n":2}');
    assert.deepEqual(readJsonFile(file), { ok: true, value: { n: 2 } });
    assert.deepEqual(fs.readdirSync(tempDir()), ['state.json']);
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('keeps the previous content and removes its temporary file when the write fails', () => {
    const target = path.join(tempDir(), 'busy');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    assert.throws(() => writeFileAtomic(target, '{}'));
    assert.deepEqual(fs.readdirSync(tempDir()), ['busy']);
    assert.equal(fs.readFileSync(path.join(target, 'inside'), 'utf8'), 'kept');
  });

  it('says why a file cannot be used: missing, empty, truncated', () => {
    const file = path.join(tempDir(), 'x.json');
    const missing = readJsonFile(file);
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.kind, 'missing');
    fs.writeFileSync(file, '');
    const empty = readJsonFile(file);
    assert.ok(!empty.ok && empty.kind === 'invalid' && /empty/.test(empty.reason));
    fs.writeFileSync(file, '{"format":"activity-feed-outbox","sess');
    const truncated = readJsonFile(file);
    assert.ok(!truncated.ok && truncated.kind === 'invalid' && /truncated/.test(truncated.reason), JSON.stringify(truncated));
  });
});
