import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInside, readContained, realDirectory } from '../../../src/git/boundedRead';

describe('readContained', () => {
  let folder = '';
  let elsewhere = '';

  before(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'af-bounded-')));
    elsewhere = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'af-elsewhere-')));
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it('reads a small regular file inside the folder whole', () => {
    fs.writeFileSync(path.join(folder, 'HEAD'), 'ref: refs/heads/main\n');
    assert.equal(readContained(path.join(folder, 'HEAD'), folder, 64), 'ref: refs/heads/main\n');
  });

  it('cuts a file longer than the cap after its last whole line within the cap', () => {
    fs.writeFileSync(path.join(folder, 'long'), 'one\ntwo\nthree\n');
    assert.equal(readContained(path.join(folder, 'long'), folder, 10), 'one\ntwo\n');
    fs.writeFileSync(path.join(folder, 'oneline'), 'x'.repeat(100));
    assert.equal(readContained(path.join(folder, 'oneline'), folder, 10), '');
  });

  it('refuses a file whose real path is outside the folder, and a folder or device', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(elsewhere, 'secret'), 'secret\n');
    fs.symlinkSync(path.join(elsewhere, 'secret'), path.join(folder, 'link'));
    assert.equal(readContained(path.join(folder, 'link'), folder, 64), undefined);
    assert.equal(readContained(path.join(folder, '..', path.basename(elsewhere), 'secret'), folder, 64), undefined);
    fs.mkdirSync(path.join(folder, 'refs'));
    assert.equal(readContained(path.join(folder, 'refs'), folder, 64), undefined);
    assert.equal(readContained('/dev/zero', '/dev', 64), undefined);
  });

  it('follows a symlink that stays inside the folder', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(folder, 'target'), 'inside\n');
    fs.symlinkSync('target', path.join(folder, 'inside-link'));
    assert.equal(readContained(path.join(folder, 'inside-link'), folder, 64), 'inside\n');
  });
});

describe('isInside and realDirectory', () => {
  it('tells a path below a folder from a sibling that shares its prefix', () => {
    assert.equal(isInside(path.join(path.sep, 'a', 'git'), path.join(path.sep, 'a', 'git', 'HEAD')), true);
    assert.equal(isInside(path.join(path.sep, 'a', 'git'), path.join(path.sep, 'a', 'git2', 'HEAD')), false);
    assert.equal(isInside(path.join(path.sep, 'a', 'git'), path.join(path.sep, 'a')), false);
  });

  it('gives a real directory only', () => {
    assert.equal(realDirectory(path.join(os.tmpdir(), 'af-no-such-folder-here')), undefined);
    assert.equal(realDirectory(fs.realpathSync(os.tmpdir())), fs.realpathSync(os.tmpdir()));
  });
});
