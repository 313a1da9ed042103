// Localization: the manifest takes every user-visible text from package.nls.json, and the code's messages are
// listed in l10n/bundle.l10n.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, unknown>;
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, unknown>;

/** Every string value in the manifest with its path (array indexes as numbers). */
function strings(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...at, k]));
  return [];
}

/** Paths of the fields a person reads in the editor; `*` is any key or index. */
const USER_VISIBLE = [
  'displayName',
  'description',
  'capabilities.untrustedWorkspaces.description',
  'contributes.commands.*.title',
  'contributes.commands.*.category',
  'contributes.commands.*.shortTitle',
  'contributes.configuration.*.title',
  'contributes.configuration.*.properties.*.description',
  'contributes.configuration.*.properties.*.markdownDescription',
  'contributes.configuration.*.properties.*.enumDescriptions.*',
  'contributes.configuration.*.properties.*.markdownEnumDescriptions.*',
  'contributes.configuration.*.properties.*.deprecationMessage',
  'contributes.configuration.*.properties.*.markdownDeprecationMessage',
  'contributes.configuration.*.properties.*.patternErrorMessage',
  'contributes.viewsContainers.*.*.title',
  'contributes.views.*.*.name',
  'contributes.views.*.*.contextualTitle',
  'contributes.viewsWelcome.*.contents',
  'contributes.walkthroughs.*.title',
  'contributes.walkthroughs.*.description',
  'contributes.walkthroughs.*.steps.*.title',
  'contributes.walkthroughs.*.steps.*.description',
].map((p) => p.split('.'));

function isUserVisible(at: (string | number)[]): boolean {
  return USER_VISIBLE.some((pattern) => pattern.length === at.length && pattern.every((part, i) => part === '*' || part === String(at[i])));
}

const PLACEHOLDER = /^%([\w.-]+)%$/;

describe('localization of the manifest', () => {
  const all = strings(manifest);
  const used = all.map((s) => PLACEHOLDER.exec(s.text)?.[1]).filter((k): k is string => k !== undefined);

  it('finds every user-visible field the test knows about', () => {
    // Guards the path list above: a typo in it would make the next test pass vacuously.
    assert.ok(all.filter((s) => isUserVisible(s.at)).length >= 99, 'too few user-visible fields found');
  });

  it('leaves no user-visible field literal', () => {
    const literal = all.filter((s) => isUserVisible(s.at) && !PLACEHOLDER.test(s.text)).map((s) => s.at.join('.'));
    assert.deepEqual(literal, []);
  });

  it('resolves every %key% from package.nls.json', () => {
    const missing = used.filter((key) => typeof nls[key] !== 'string');
    assert.deepEqual(missing, []);
  });

  it('uses every key of package.nls.json', () => {
    const unused = Object.keys(nls).filter((key) => !used.includes(key));
    assert.deepEqual(unused, []);
  });

  it('uses descriptive keys and non-empty English texts', () => {
    for (const [key, text] of Object.entries(nls)) {
      assert.match(key, /^[a-z][A-Za-z]*(\.[A-Za-z][\w-]*)*$/, `key ${key}`);
      assert.ok(typeof text === 'string' && text.trim().length > 0, `${key} has no text`);
    }
  });
});
