// The exclusion settings keep file names on the machine, so a value of the wrong shape must not quietly turn into
// "exclude nothing": before this check, `"activityFeed.tracking.exclude": "**/secrets/**"` (text instead of a list)
// and `"activityFeed.tracking.enabled": "false"` (text) both left every file tracked and published, unreported.
import * as assert from 'node:assert/strict';
import { isExcluded } from '../../../src/tracking/documentFilter';
import { combineExclusionScopes, parseExclusionSettings } from '../../../src/tracking/exclusionSettings';

describe('parseExclusionSettings', () => {
  it('takes well-formed values as they are, without problems', () => {
    assert.deepEqual(parseExclusionSettings(undefined, undefined), {
      settings: { trackingEnabled: true, exclude: [] },
      problems: [],
    });
    assert.deepEqual(parseExclusionSettings(false, ['**/secrets/**']), {
      settings: { trackingEnabled: false, exclude: ['**/secrets/**'] },
      problems: [],
    });
  });

  it('reads a single pattern written as text as that pattern, and says so', () => {
    const { settings, problems } = parseExclusionSettings(true, '**/secrets/**');
    assert.deepEqual(settings.exclude, ['**/secrets/**']);
    assert.equal(isExcluded({ relativePath: 'config/secrets/payroll.ts' }, settings), true);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^activityFeed\.tracking\.exclude: .*not a list/);
  });

  it('keeps the patterns of a list with stray entries, and names the ones it ignored', () => {
    const { settings, problems } = parseExclusionSettings(undefined, ['**/*.env', 42, null, '[unclosed']);
    assert.deepEqual(settings.exclude, ['**/*.env', '[unclosed']);
    assert.equal(isExcluded({ relativePath: 'a/b/.prod.env' }, settings), true);
    assert.deepEqual(problems, ['activityFeed.tracking.exclude: ignored 42, null: each entry must be a glob pattern in quotes.']);
  });

  it('reports a value that is no list at all', () => {
    const { settings, problems } = parseExclusionSettings(undefined, { pattern: '**' });
    assert.deepEqual(settings.exclude, []);
    assert.match(problems[0], /is not a list of glob patterns/);
  });

  it('reads "false" written as text as off, and anything else that is not a boolean as the default, reporting both', () => {
    const off = parseExclusionSettings(' FALSE ', undefined);
    assert.equal(off.settings.trackingEnabled, false);
    assert.equal(isExcluded({ relativePath: 'x.ts' }, off.settings), true);
    assert.match(off.problems[0], /is text, not true or false; read as false/);
    const odd = parseExclusionSettings(7, undefined);
    assert.equal(odd.settings.trackingEnabled, true);
    assert.match(odd.problems[0], /^activityFeed\.tracking\.enabled: 7 is not true or false; using true\.$/);
  });
});

// A repository's `.vscode/settings.json` used to replace the person's list (`"exclude": []`) and switch tracking back
// on against their `false`: settings were read as one merged value. Each scope is now read and they only add up.
describe('combineExclusionScopes', () => {
  const secret = { relativePath: 'config/secrets/payroll.ts' };

  it('joins the patterns of the user, the workspace and the folder', () => {
    const { settings, problems } = combineExclusionScopes(undefined, {
      globalValue: ['**/secrets/**'],
      workspaceValue: ['**/*.env'],
      workspaceFolderValue: ['docs/**', '**/*.env'],
    });
    assert.deepEqual(settings.exclude, ['**/secrets/**', '**/*.env', 'docs/**']);
    assert.deepEqual(problems, []);
    assert.equal(isExcluded({ relativePath: 'docs/a.md' }, settings), true);
  });

  it("keeps the user's patterns when a workspace or a folder sets an empty list", () => {
    const { settings } = combineExclusionScopes(undefined, {
      globalValue: ['**/secrets/**'],
      workspaceValue: [],
      workspaceFolderValue: [],
    });
    assert.equal(isExcluded(secret, settings), true);
  });

  it('turns tracking off when any scope does, whatever the others say', () => {
    for (const off of [
      { globalValue: false, workspaceValue: true },
      { workspaceValue: false, workspaceFolderValue: true },
      { globalValue: true, workspaceFolderValue: false },
    ]) {
      const { settings } = combineExclusionScopes(off, undefined);
      assert.equal(settings.trackingEnabled, false, JSON.stringify(off));
      assert.equal(isExcluded({ relativePath: 'src/a.ts' }, settings), true);
    }
    assert.equal(combineExclusionScopes({ globalValue: true, workspaceValue: true }, undefined).settings.trackingEnabled, true);
    assert.equal(combineExclusionScopes(undefined, undefined).settings.trackingEnabled, true);
  });

  it('names the scope of each value it could not use', () => {
    const { problems } = combineExclusionScopes({ workspaceFolderValue: 'yes' }, { workspaceValue: { a: 1 } });
    assert.deepEqual(problems, [
      'activityFeed.tracking.exclude (workspace settings): {"a":1} is not a list of glob patterns; nothing is excluded by it.',
      'activityFeed.tracking.enabled (folder settings): "yes" is not true or false; using true.',
    ]);
  });

  it('quotes a 20 KB value or a list of thousands of entries in a bounded message', () => {
    const hostile = 'a'.repeat(20_480);
    const { problems } = combineExclusionScopes(
      { workspaceValue: ` ${hostile} false`, workspaceFolderValue: hostile },
      { workspaceValue: hostile, workspaceFolderValue: Array.from({ length: 10_000 }, (_, i) => i) },
    );
    assert.equal(problems.length, 5, problems.join('\n'));
    for (const problem of problems) assert.ok(problem.length < 400, `${problem.length} characters: ${problem.slice(0, 120)}`);
    assert.match(problems.join('\n'), /ignored 0, 1, 2, 3, 4 and 9995 more: each entry/);
    assert.match(problems.join('\n'), /"a{60}…" \(20,480 characters\)/);
  });
});
