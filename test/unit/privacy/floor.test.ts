// A repository's `.vscode/settings.json` set "activityFeed.privacy": "full" while the person had never set a level,
// and "full" applied: the stricter-of-two rule only ran when both were set. The person's level (or the default) is
// now a floor that a workspace or folder can only raise, unless the person confirmed the looser level.
import * as assert from 'node:assert/strict';
import { DEFAULT_PRIVACY, resolvePrivacy } from '../../../src/privacy/floor';

describe('privacy floor', () => {
  it('is the default when the person set nothing, and a workspace asking for "full" does not get it', () => {
    const resolution = resolvePrivacy({ workspace: 'full' });
    assert.equal(DEFAULT_PRIVACY, 'fileNameOnly');
    assert.equal(resolution.level, 'fileNameOnly');
    assert.deepEqual(resolution.requests, [{ scope: 'workspace', level: 'full', applied: 'fileNameOnly' }]);
  });

  it("is the person's own level when they set one", () => {
    assert.equal(resolvePrivacy({ user: 'noRepository', workspace: 'full' }).level, 'noRepository');
    assert.equal(resolvePrivacy({ user: 'full' }).level, 'full');
    assert.equal(resolvePrivacy({}).level, 'fileNameOnly');
  });

  it('lets a workspace or a folder make it stricter, without asking', () => {
    const workspace = resolvePrivacy({ user: 'full', workspace: 'private' });
    assert.equal(workspace.level, 'private');
    assert.deepEqual(workspace.requests, []);
    assert.equal(resolvePrivacy({ folder: 'private' }).level, 'private');
    assert.equal(resolvePrivacy({ user: 'full', workspace: 'noRepository', folder: 'private' }).level, 'private');
  });

  it('applies a looser workspace level only once the person confirmed it for that workspace', () => {
    assert.equal(resolvePrivacy({ workspace: 'full' }, { workspace: 'full' }).level, 'full');
    const confirmedLess = resolvePrivacy({ workspace: 'full' }, { workspace: 'noRepository' });
    assert.equal(confirmedLess.level, 'noRepository');
    assert.deepEqual(confirmedLess.requests, [{ scope: 'workspace', level: 'full', applied: 'noRepository' }]);
    assert.equal(
      resolvePrivacy({ workspace: 'noRepository' }, { workspace: 'full' }).level,
      'noRepository',
      'a confirmation covers stricter levels',
    );
  });

  it('falls back to the floor when the confirmation is revoked', () => {
    assert.equal(resolvePrivacy({ workspace: 'full' }, {}).level, 'fileNameOnly');
  });

  it('keeps a confirmation of one scope from loosening another', () => {
    assert.equal(resolvePrivacy({ folder: 'full' }, { workspace: 'full' }).level, 'fileNameOnly');
    assert.equal(
      resolvePrivacy({ workspace: 'private', folder: 'full' }, { folder: 'full' }).level,
      'private',
      'the stricter workspace still applies',
    );
  });

  it('reads an invalid value at any scope as "private" and names the scope', () => {
    const resolution = resolvePrivacy({ user: 'full', folder: 'everything' });
    assert.equal(resolution.level, 'private');
    assert.deepEqual(resolution.problems, [
      'activityFeed.privacy (folder settings): "everything" is not one of full, noRepository, fileNameOnly, private; using "private".',
    ]);
    assert.equal(resolvePrivacy({ user: 42 }).floor, 'private');
  });
});
