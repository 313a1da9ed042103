import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  isSafeRefName,
  MAX_COMMIT_SUBJECT,
  readRepository,
  readRemoteUrl,
  type RepositoryInfo,
} from '../../../src/git/readRepository';
import { hostileVariants, outside, stopFifoGuards, writeLayout, writeOutside, type Facts } from './hostileGit';

const commit = 'a'.repeat(40);

function makeRepo(layout: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'af-git-'));
  for (const [file, text] of Object.entries(layout)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('readRepository', () => {
  it('reads branch, commit, remote and the repository-relative path of a file', () => {
    const root = makeRepo({
      '.git/HEAD': 'ref: refs/heads/feature/x\n',
      '.git/refs/heads/feature/x': `${commit}\n`,
      '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:contoso/shop.git\n',
      'src/cart/checkout.ts': '',
    });
    const info = readRepository(path.join(root, 'src', 'cart', 'checkout.ts'));
    assert.deepEqual(info, {
      root,
      repoRelativePath: 'src/cart/checkout.ts',
      remoteUrl: 'git@github.com:contoso/shop.git',
      branch: 'feature/x',
      commit,
    });
  });

  it('finds a commit in packed-refs and a detached HEAD', () => {
    const packed = makeRepo({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/packed-refs': `# pack-refs with: peeled\n${commit} refs/heads/main\n`,
      '.git/config': '',
      'a.py': '',
    });
    assert.equal(readRepository(path.join(packed, 'a.py'))?.commit, commit);
    const detached = makeRepo({ '.git/HEAD': `${'b'.repeat(40)}\n`, '.git/config': '', 'b.py': '' });
    const info = readRepository(path.join(detached, 'b.py'));
    assert.equal(info?.commit, 'b'.repeat(40));
    assert.equal(info?.branch, undefined);
  });

  it('follows a linked worktree to the shared config and refs', () => {
    const main = makeRepo({
      '.git/config': '[remote "origin"]\n  url = https://dev.azure.com/org/proj/_git/repo\n',
      '.git/refs/heads/wt': `${commit}\n`,
      '.git/worktrees/wt/HEAD': 'ref: refs/heads/wt\n',
      '.git/worktrees/wt/commondir': '../..\n',
    });
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'af-wt-'));
    fs.writeFileSync(path.join(tree, '.git'), `gitdir: ${path.join(main, '.git', 'worktrees', 'wt')}\n`);
    fs.writeFileSync(path.join(tree, 'x.ts'), '');
    const info = readRepository(path.join(tree, 'x.ts'));
    assert.equal(info?.branch, 'wt');
    assert.equal(info?.commit, commit);
    assert.equal(info?.remoteUrl, 'https://dev.azure.com/org/proj/_git/repo');
  });

  it('says nothing for a file outside any repository', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'af-nogit-'));
    fs.writeFileSync(path.join(dir, 'x.ts'), '');
    // The temp folder itself is not inside a repository on any sane machine.
    assert.equal(readRepository(path.join(dir, 'x.ts')), undefined);
  });
});

/** Whether a command runs here (mkfifo and git are not on every machine). */
function available(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function factsOf(info: RepositoryInfo | undefined): Facts {
  const { branch, commit, remoteUrl } = info ?? {};
  return { ...(branch ? { branch } : {}), ...(commit ? { commit } : {}), ...(remoteUrl ? { remoteUrl } : {}) };
}

describe('the commit line from a crafted loose object', () => {
  const id = 'b'.repeat(40);
  const withObject = (bytes: Buffer): string => {
    const root = makeRepo({ '.git/HEAD': `${id}\n`, '.git/refs/heads/.keep': '', 'a.ts': '' });
    const file = path.join(root, '.git', 'objects', id.slice(0, 2), id.slice(2));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return path.join(root, 'a.ts');
  };
  const commitObject = (message: string) => {
    const body = `tree ${'c'.repeat(40)}\nauthor A <a@example.com> 0 +0000\ncommitter A <a@example.com> 0 +0000\n\n${message}\n`;
    return zlib.deflateSync(Buffer.from(`commit ${Buffer.byteLength(body)}\0${body}`));
  };

  it('takes the first line, cut to 256 characters', () => {
    assert.equal(readRepository(withObject(commitObject('ABC-9 short\nmore')))?.commitSubject, 'ABC-9 short');
    assert.equal(readRepository(withObject(commitObject('x'.repeat(5_000))))?.commitSubject?.length, MAX_COMMIT_SUBJECT);
  });

  it('gives none for a bomb, a huge file, garbage, another kind of object, or a symlink out of the repository', () => {
    const bomb = zlib.deflateSync(Buffer.concat([Buffer.from('commit 99999999\0'), Buffer.alloc(50 * 1024 * 1024)]));
    const blob = zlib.deflateSync(Buffer.from('blob 5\0\n\nhey'));
    for (const bytes of [bomb, crypto.randomBytes(100_000), crypto.randomBytes(300), blob, Buffer.alloc(0)]) {
      const info = readRepository(withObject(bytes));
      assert.equal(info?.commit, id);
      assert.equal(info?.commitSubject, undefined);
    }
    const file = withObject(commitObject('inside'));
    const object = path.join(path.dirname(file), '.git', 'objects', id.slice(0, 2), id.slice(2));
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'af-git-out-')), 'object');
    fs.writeFileSync(elsewhere, commitObject('from outside'));
    fs.rmSync(object);
    fs.symlinkSync(elsewhere, object);
    assert.equal(readRepository(file)?.commitSubject, undefined, 'a symlink out of .git is not followed');
  });
});

describe('readRepository on a hostile .git', () => {
  const posix = process.platform !== 'win32' && available('mkfifo', ['--version']);
  let base = '';

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'af-hostile-'));
    writeOutside(base);
  });

  after(() => {
    stopFifoGuards();
    fs.rmSync(base, { recursive: true, force: true });
  });

  for (const variant of hostileVariants) {
    it(`${variant.name}: returns within 1 s, with nothing from outside`, function () {
      if (variant.posix && !posix) this.skip();
      const file = variant.build(base);
      const started = performance.now();
      const info = readRepository(file);
      const elapsed = performance.now() - started;
      // A bounded read takes a few ms; the bound is generous for a busy machine, and a blocked or unbounded read
      // would take seconds (a FIFO's guard unblocks it after 2 s) or never return.
      assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
      const facts = factsOf(info);
      assert.notEqual(facts.commit, outside.commit);
      assert.notEqual(facts.branch, outside.branch);
      assert.notEqual(facts.remoteUrl, outside.url);
      assert.deepEqual(facts, variant.expected);
    });
  }
});

describe('readRepository on submodules and worktrees', () => {
  it("follows a submodule's .git file to <super>/.git/modules/<name>", () => {
    const root = writeLayout(fs.mkdtempSync(path.join(os.tmpdir(), 'af-super-')), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/refs/heads/main': `${'b'.repeat(40)}\n`,
      '.git/config': '[remote "origin"]\n\turl = https://example.com/super.git\n',
      '.git/modules/libs/core/HEAD': `${commit}\n`,
      '.git/modules/libs/core/refs/heads/.keep': '',
      '.git/modules/libs/core/config': '[remote "origin"]\n\turl = https://example.com/core.git\n',
      'libs/core/.git': 'gitdir: ../../.git/modules/libs/core\n',
      'libs/core/src/x.ts': '',
    });
    assert.deepEqual(readRepository(path.join(root, 'libs', 'core', 'src', 'x.ts')), {
      root: path.join(root, 'libs', 'core'),
      repoRelativePath: 'src/x.ts',
      remoteUrl: 'https://example.com/core.git',
      commit,
    });
  });

  describe('made by the git command line', function () {
    const hasGit = available('git', ['--version']);
    let base = '';
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    const git = (cwd: string, ...args: string[]): string =>
      execFileSync('git', ['-c', 'protocol.file.allow=always', ...args], { cwd, env, encoding: 'utf8' }).trim();
    const newRepository = (name: string, remote: string): string => {
      const dir = writeLayout(path.join(base, name), { 'src/a.ts': 'export {};\n' });
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '--no-gpg-sign', '-m', 'first');
      git(dir, 'remote', 'add', 'origin', remote);
      return dir;
    };

    before(function () {
      if (!hasGit) this.skip();
      base = fs.mkdtempSync(path.join(os.tmpdir(), 'af-gitcli-'));
    });

    after(() => {
      if (base) fs.rmSync(base, { recursive: true, force: true });
    });

    it('reads a linked worktree from git worktree add, before and after git pack-refs', () => {
      const main = newRepository('main', 'https://example.com/main.git');
      const tree = path.join(base, 'feature-tree');
      git(main, 'worktree', 'add', '-q', '-b', 'feature', tree);
      const expected = {
        root: tree,
        repoRelativePath: 'src/a.ts',
        remoteUrl: 'https://example.com/main.git',
        branch: 'feature',
        commit: git(tree, 'rev-parse', 'HEAD'),
        commitSubject: 'first',
      };
      assert.deepEqual(readRepository(path.join(tree, 'src', 'a.ts')), expected);
      git(main, 'pack-refs', '--all');
      assert.equal(fs.existsSync(path.join(main, '.git', 'refs', 'heads', 'feature')), false);
      assert.deepEqual(readRepository(path.join(tree, 'src', 'a.ts')), expected);
      assert.equal(readRepository(path.join(main, 'src', 'a.ts'))?.branch, 'main');
    });

    it('reads the first line of the commit message while the commit is loose, and none once git gc packed it', () => {
      const dir = newRepository('subject', 'https://example.com/subject.git');
      fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
      git(dir, 'commit', '-q', '--no-gpg-sign', '-am', 'Fix rounding (closes ABC-77)\n\nThe body is not read.');
      assert.equal(readRepository(path.join(dir, 'src', 'a.ts'))?.commitSubject, 'Fix rounding (closes ABC-77)');
      git(dir, 'gc', '-q', '--prune=now');
      const packed = readRepository(path.join(dir, 'src', 'a.ts'));
      assert.equal(packed?.commit, git(dir, 'rev-parse', 'HEAD'), 'the commit is still known');
      assert.equal(packed?.commitSubject, undefined, 'its message is not read from a pack');
    });

    it('reads a submodule from git submodule add, and a worktree of that submodule', () => {
      const lib = newRepository('lib', 'https://example.com/lib.git');
      const main = newRepository('super', 'https://example.com/super.git');
      git(main, 'submodule', 'add', '-q', lib, 'vendor/lib');
      const checkout = path.join(main, 'vendor', 'lib');
      assert.equal(fs.statSync(path.join(checkout, '.git')).isFile(), true);
      const info = readRepository(path.join(checkout, 'src', 'a.ts'));
      assert.equal(info?.root, checkout);
      assert.equal(info?.commit, git(lib, 'rev-parse', 'HEAD'));
      assert.equal(info?.remoteUrl, lib);
      const tree = path.join(base, 'lib-tree');
      git(checkout, 'worktree', 'add', '-q', '-b', 'side', tree);
      assert.deepEqual(factsOf(readRepository(path.join(tree, 'src', 'a.ts'))), {
        branch: 'side',
        commit: git(lib, 'rev-parse', 'HEAD'),
        remoteUrl: lib,
      });
    });
  });
});

describe('isSafeRefName', () => {
  it('accepts the ref names git makes', () => {
    for (const ref of ['refs/heads/main', 'refs/heads/feature/x-1.2', 'refs/heads/user@host', 'refs/remotes/origin/HEAD']) {
      assert.equal(isSafeRefName(ref), true, ref);
    }
  });

  it('refuses names that leave refs/ or break git ref-name rules', () => {
    const refused = [
      '../../../../dev/zero',
      '/etc/passwd',
      'refs/heads/../../../../etc/passwd',
      'refs/heads/..',
      'refs//heads',
      'refs/heads/',
      'refs/heads/.hidden',
      'refs/heads/x.lock',
      'refs/heads/x.',
      'refs/heads/a\\..\\..\\x',
      'refs/heads/a\u0000b',
      'refs/heads/a\nb',
      'refs/heads/a b',
      'refs/heads/a@{1}',
      'refs/heads/a:b',
      `refs/heads/${'x'.repeat(2000)}`,
      'HEAD',
    ];
    for (const ref of refused) assert.equal(isSafeRefName(ref), false, JSON.stringify(ref.slice(0, 40)));
  });
});

describe('readRemoteUrl', () => {
  const config = [
    '[remote "upstream"]',
    '\turl = https://gitlab.com/group/project.git',
    '[remote "origin"]',
    '\turl = "https://github.com/me/fork.git" ; my fork',
    '[branch "main"]',
    '\tremote = upstream',
  ].join('\n');

  it("prefers the branch's upstream remote, then origin", () => {
    assert.equal(readRemoteUrl(config, 'main'), 'https://gitlab.com/group/project.git');
    assert.equal(readRemoteUrl(config, 'other'), 'https://github.com/me/fork.git');
  });

  it('takes the first remote when there is no origin, and nothing when there is no remote', () => {
    assert.equal(readRemoteUrl('[remote "backup"]\nurl = ssh://host/x.git\n', undefined), 'ssh://host/x.git');
    assert.equal(readRemoteUrl('[core]\nbare = false\n', 'main'), undefined);
  });

  it('parses quoted values, escapes and comments in one pass, skipping lines over 8 KB', () => {
    assert.equal(readRemoteUrl('[remote "origin"]\n\turl = "C:\\\\repos\\\\x" # local\n', undefined), 'C:\\repos\\x');
    const longHeader = `[remote "${'x'.repeat(9000)}"]`;
    assert.equal(readRemoteUrl(`[remote "origin"]\nurl = a\n${longHeader}\nurl = b\n`, undefined), 'a');
    assert.equal(readRemoteUrl(`[remote "origin"]\nurl = ${'y'.repeat(9000)}\n`, undefined), undefined);
  });
});
