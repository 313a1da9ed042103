import * as assert from 'node:assert/strict';
import { parseGitRemote } from '../../../src/activity/gitRemote';

describe('activity/gitRemote', () => {
  it('gives every spelling of one GitHub repository the same identity', () => {
    const spellings = [
      'https://github.com/Owner/Repo.git',
      'https://github.com/Owner/Repo',
      'https://github.com/Owner/Repo/',
      'https://user:s3cret@GitHub.com/Owner/Repo.git',
      'http://github.com/Owner/Repo.git',
      'git@github.com:Owner/Repo.git',
      'ssh://git@github.com/Owner/Repo.git',
      'ssh://git@GITHUB.COM:22/Owner/Repo',
      'git://github.com/Owner/Repo.git',
    ];
    for (const url of spellings) assert.equal(parseGitRemote(url)?.identity, 'github.com/Owner/Repo', url);
  });

  it('strips credentials from the identity and the web URL', () => {
    const remote = parseGitRemote('https://ana:ghp_TOKEN123@github.com/Owner/Repo.git');
    assert.ok(remote);
    assert.ok(!JSON.stringify(remote).includes('ghp_TOKEN123'));
    assert.ok(!JSON.stringify(remote).includes('ana'));
    assert.equal(remote.webUrl, 'https://github.com/Owner/Repo');
    assert.equal(remote.kind, 'github');
    assert.equal(remote.name, 'Repo');
  });

  it('keeps GitLab subgroups and knows Bitbucket', () => {
    assert.equal(parseGitRemote('git@gitlab.com:group/sub/proj.git')?.identity, 'gitlab.com/group/sub/proj');
    assert.equal(parseGitRemote('git@gitlab.com:group/sub/proj.git')?.webUrl, 'https://gitlab.com/group/sub/proj');
    assert.equal(parseGitRemote('https://ana@bitbucket.org/team/app.git')?.kind, 'bitbucket');
  });

  it('maps the four Azure Repos spellings onto dev.azure.com', () => {
    const spellings = [
      'https://dev.azure.com/Contoso/Web%20Shop/_git/storefront',
      'https://contoso@dev.azure.com/contoso/Web%20Shop/_git/storefront',
      'git@ssh.dev.azure.com:v3/contoso/Web%20Shop/storefront',
      'https://contoso.visualstudio.com/Web%20Shop/_git/storefront',
      'https://contoso.visualstudio.com/DefaultCollection/Web%20Shop/_git/storefront',
      'contoso@vs-ssh.visualstudio.com:v3/contoso/Web%20Shop/storefront',
    ];
    for (const url of spellings) {
      const remote = parseGitRemote(url);
      assert.equal(remote?.identity, 'dev.azure.com/contoso/Web Shop/_git/storefront', url);
      assert.equal(remote?.webUrl, 'https://dev.azure.com/contoso/Web%20Shop/_git/storefront', url);
      assert.equal(remote?.kind, 'azure');
      assert.equal(remote?.name, 'storefront');
    }
  });

  it('keeps an https port for the web address but not an ssh port', () => {
    const https = parseGitRemote('https://git.example.com:8443/team/app.git', { 'git.example.com': 'gitlab' });
    assert.equal(https?.webUrl, 'https://git.example.com:8443/team/app');
    const ssh = parseGitRemote('ssh://git@git.example.com:2222/team/app.git', { 'git.example.com': 'gitlab' });
    assert.equal(ssh?.webUrl, 'https://git.example.com/team/app');
    assert.equal(ssh?.identity, https?.identity);
  });

  it('has no kind or web address for unknown hosts', () => {
    const remote = parseGitRemote('git@git.internal.example:team/app.git');
    assert.equal(remote?.identity, 'git.internal.example/team/app');
    assert.equal(remote?.kind, undefined);
    assert.equal(remote?.webUrl, undefined);
  });

  it('rejects local paths and file URLs, which identify nothing across machines', () => {
    for (const url of [
      '/srv/git/app.git',
      '../app',
      'c:\\repos\\app',
      'C:/repos/app',
      'file:///srv/git/app.git',
      '',
      'https://github.com/',
    ]) {
      assert.equal(parseGitRemote(url), undefined, url);
    }
  });
});
