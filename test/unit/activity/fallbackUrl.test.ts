import * as assert from 'node:assert/strict';
import { buildFallbackUrl } from '../../../src/activity/fallbackUrl';
import { parseGitRemote } from '../../../src/activity/gitRemote';
import type { GitRemote } from '../../../src/activity/gitRemote';

function remote(url: string): GitRemote {
  const parsed = parseGitRemote(url);
  assert.ok(parsed, url);
  return parsed;
}

const commit = '0123456789abcdef0123456789abcdef01234567';

describe('activity/fallbackUrl', () => {
  it('links GitHub at the commit with a line anchor', () => {
    assert.equal(
      buildFallbackUrl(remote('git@github.com:Owner/Repo.git'), {
        repoRelativePath: 'src/a b#c.ts',
        commit,
        branch: 'main',
        line: 42,
      }),
      `https://github.com/Owner/Repo/blob/${commit}/src/a%20b%23c.ts#L42`,
    );
  });

  it('uses the branch when there is no commit, keeping its slashes', () => {
    assert.equal(
      buildFallbackUrl(remote('https://github.com/o/r'), { repoRelativePath: 'x.ts', branch: 'feature/ünï' }),
      'https://github.com/o/r/blob/feature/%C3%BCn%C3%AF/x.ts',
    );
  });

  it('links GitLab and Bitbucket in their own forms', () => {
    assert.equal(
      buildFallbackUrl(remote('git@gitlab.com:g/sub/p.git'), { repoRelativePath: 'a.ts', commit, line: 3 }),
      `https://gitlab.com/g/sub/p/-/blob/${commit}/a.ts#L3`,
    );
    assert.equal(
      buildFallbackUrl(remote('https://u:p@bitbucket.org/team/app.git'), { repoRelativePath: 'a.ts', branch: 'dev', line: 3 }),
      'https://bitbucket.org/team/app/src/dev/a.ts#lines-3',
    );
  });

  it('links Azure Repos with path, GC/GB version and line', () => {
    const azure = remote('git@ssh.dev.azure.com:v3/contoso/Web%20Shop/storefront');
    assert.equal(
      buildFallbackUrl(azure, { repoRelativePath: 'src/my file.ts', commit, line: 7 }),
      `https://dev.azure.com/contoso/Web%20Shop/_git/storefront?path=/src/my%20file.ts&version=GC${commit}&line=7`,
    );
    assert.equal(
      buildFallbackUrl(azure, { repoRelativePath: 'a+b.ts', branch: 'users/ana/fix' }),
      'https://dev.azure.com/contoso/Web%20Shop/_git/storefront?path=/a%2Bb.ts&version=GBusers%2Fana%2Ffix',
    );
  });

  it('is omitted for unknown hosts or when there is no ref', () => {
    assert.equal(buildFallbackUrl(remote('git@git.internal.example:t/a.git'), { repoRelativePath: 'a.ts', commit }), undefined);
    assert.equal(buildFallbackUrl(remote('git@github.com:o/r.git'), { repoRelativePath: 'a.ts' }), undefined);
  });

  it('never carries credentials of the remote', () => {
    const url = buildFallbackUrl(remote('https://ana:ghp_SECRET@github.com/o/r.git'), { repoRelativePath: 'a.ts', commit });
    assert.ok(url && !url.includes('ghp_SECRET') && !url.includes('ana'));
  });
});
