import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRepository, readRemoteUrl } from '../../../src/git/readRepository';

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
});
