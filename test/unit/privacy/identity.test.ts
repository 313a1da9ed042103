// What a privacy confirmation names (src/privacy/identity.ts): the path, the settings file that asks, the level it
// asks for and the repository's remote; any of them changing makes another identity.
import * as assert from 'node:assert/strict';
import { privacyIdentity, settingsFileOf, type AskedIdentity } from '../../../src/privacy/identity';

const asked: AskedIdentity = {
  path: 'file:///work/api',
  settingsFile: 'file:///work/api/.vscode/settings.json',
  level: 'full',
  remoteUrl: 'https://example.com/team/api.git',
};

describe('privacy identity', () => {
  it('is the same for the same path, settings and repository: a SHA-256 in hex', () => {
    assert.equal(privacyIdentity(asked), privacyIdentity({ ...asked }));
    assert.match(privacyIdentity(asked), /^[0-9a-f]{64}$/);
  });

  it('changes with the repository at the path (another remote)', () => {
    assert.notEqual(privacyIdentity({ ...asked, remoteUrl: 'https://example.com/other/api.git' }), privacyIdentity(asked));
  });

  it('changes with the settings that ask: another level, another asking file', () => {
    assert.notEqual(privacyIdentity({ ...asked, level: 'noRepository' }), privacyIdentity(asked));
    assert.notEqual(privacyIdentity({ ...asked, settingsFile: 'file:///work/shop.code-workspace' }), privacyIdentity(asked));
  });

  it('changes with the path', () => {
    assert.notEqual(privacyIdentity({ ...asked, path: 'file:///work/api2' }), privacyIdentity(asked));
  });

  it('works outside git with the settings alone, apart from any repository', () => {
    const { remoteUrl: _, ...outsideGit } = asked;
    assert.match(privacyIdentity(outsideGit), /^[0-9a-f]{64}$/);
    assert.notEqual(privacyIdentity(outsideGit), privacyIdentity(asked));
    assert.notEqual(privacyIdentity(outsideGit), privacyIdentity({ ...outsideGit, remoteUrl: '' }));
  });

  it('keeps no part of the remote URL, which may carry a token', () => {
    const identity = privacyIdentity({ ...asked, remoteUrl: 'https://user:secret-token@example.com/api.git' });
    assert.ok(!identity.includes('secret'));
  });

  it('names the settings file behind a workspace file or a folder', () => {
    assert.equal(settingsFileOf('file:///work/shop.code-workspace'), 'file:///work/shop.code-workspace');
    assert.equal(settingsFileOf('file:///work/api'), 'file:///work/api/.vscode/settings.json');
    assert.equal(settingsFileOf('file:///work/api/'), 'file:///work/api/.vscode/settings.json');
  });
});
