// A repository's settings choose the exclusion patterns, and the host matches them on every document open: no
// pattern may hang the shared extension host. The former hand-written matcher took 3.5 s for eight "**/" against one
// deep path and 48 s for ten. Matching now runs in time linear in the path (RE2), and settings are capped.
import * as assert from 'node:assert/strict';
import { isExcluded } from '../../../src/tracking/documentFilter';
import { combineExclusionScopes } from '../../../src/tracking/exclusionSettings';
import { matchesAnyGlob, matchesGlob, MAX_PATTERN_LENGTH, MAX_PATTERNS_PER_SCOPE } from '../../../src/tracking/glob';
import { adversarialPatterns, deepPath } from '../../support/adversarialGlobs';

describe('exclusion patterns are matched in bounded time', () => {
  it('100 adversarial patterns against a 64-segment path all complete, and none matches a path it should not', () => {
    const patterns = adversarialPatterns(100);
    const path = deepPath(64);
    assert.equal(patterns.length, 100);
    assert.equal(path.split('/').length, 65);
    const matched = patterns.filter((pattern) => matchesGlob(path, pattern));
    assert.deepEqual(matched, []);
    assert.equal(matchesAnyGlob(path, patterns), false);
  });

  it('the same nested "**/" patterns still match the files they name', () => {
    const path = `${deepPath(64)}/x`;
    assert.equal(matchesGlob(path, `${'**/'.repeat(10)}x`), true);
    assert.equal(matchesGlob(path, `${'**/'.repeat(30)}x`), true);
    assert.equal(matchesGlob(path, `${'{**/,}'.repeat(15)}x`), true);
  });

  it('ignores a pattern longer than the cap, with a warning that names the setting and the cap', () => {
    const long = `**/${'a'.repeat(MAX_PATTERN_LENGTH)}`;
    const { settings, problems } = combineExclusionScopes(undefined, { workspaceValue: [long, '**/*.env'] });
    assert.deepEqual(settings.exclude, ['**/*.env']);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /^activityFeed\.tracking\.exclude \(workspace settings\): ignored the pattern .*longer than 128 characters/,
    );
  });

  it('takes at most the capped number of patterns from one scope, so a repository cannot crowd out the person’s own', () => {
    const junk = Array.from({ length: 150 }, (_, i) => `**/junk-${i}/**`);
    const { settings, problems } = combineExclusionScopes(undefined, { globalValue: ['**/secrets/**'], workspaceValue: junk });
    assert.equal(settings.exclude.length, 1 + MAX_PATTERNS_PER_SCOPE);
    assert.equal(settings.exclude[0], '**/secrets/**');
    assert.equal(isExcluded({ relativePath: 'app/secrets/key.ts' }, settings), true);
    assert.deepEqual(problems, [
      `activityFeed.tracking.exclude (workspace settings): 150 patterns; only the first ${MAX_PATTERNS_PER_SCOPE} are used.`,
    ]);
  });
});
