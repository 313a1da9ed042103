// Localization: the manifest takes every user-visible text from package.nls.json, and the code's messages are
// listed in l10n/bundle.l10n.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkBundle, collectMessages } from '../../../scripts/l10n.mjs';
import { format, localize, setTranslator } from '../../../src/text/l10n';
import { describeRun } from '../../../src/publish/describeRun';

const root = path.resolve(__dirname, '..', '..', '..');
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
  return USER_VISIBLE.some(
    (pattern) => pattern.length === at.length && pattern.every((part, i) => part === '*' || part === String(at[i])),
  );
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

describe('localization of the code', () => {
  afterEach(() => setTranslator(undefined));

  it('formats {0} placeholders in English without a translator', () => {
    assert.equal(localize('{0} of {1} activities', 2, 5), '2 of 5 activities');
    assert.equal(localize('{1}, then {0}; {0} again', 'a', true), 'true, then a; a again');
    assert.equal(localize('no {2} for this one', 1), 'no {2} for this one');
    assert.equal(format('{0}{0}', ['x']), 'xx');
  });

  it('uses the installed translator, as the editor does after activation', () => {
    const calls: unknown[][] = [];
    setTranslator({
      t: (message, ...args) => {
        calls.push([message, ...args]);
        return `«${format(message, args)}»`;
      },
    });
    assert.equal(localize('{0} session', 1), '«1 session»');
    assert.deepEqual(calls, [['{0} session', 1]]);
    // The pure core speaks through it too.
    assert.equal(
      describeRun({ outcome: 'busy', activities: 0, sessions: 0, remaining: 0, failures: [] }),
      '«another window was publishing»',
    );
    setTranslator(undefined);
    assert.equal(localize('{0} session', 1), '1 session');
  });

  it('keeps l10n/bundle.l10n.json up to date with the messages in src/', () => {
    const result = checkBundle(root);
    assert.deepEqual(result.problems, []);
    assert.ok(result.ok);
    assert.ok(result.messages.length > 150, `only ${result.messages.length} messages found`);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    for (const [message, english] of Object.entries(bundle)) assert.equal(english, message);
  });

  it('refuses messages it cannot collect: template literals, concatenations, variables', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-'));
    try {
      fs.mkdirSync(path.join(scratch, 'src'));
      fs.writeFileSync(
        path.join(scratch, 'src', 'sample.ts'),
        [
          "vscode.l10n.t('It\\'s {0}', x);",
          'localize("Two \\"quoted\\" words");',
          'vscode.l10n.t(`Hello ${name}`);',
          "localize('a' + b);",
          'vscode.l10n.t(message);',
          'vscode.l10n.t(message); // l10n-dynamic',
          'export function localize(message: string) {}',
        ].join('\n'),
      );
      const { messages, problems } = collectMessages(scratch);
      assert.deepEqual(messages, ["It's {0}", 'Two "quoted" words']);
      assert.equal(problems.length, 3, problems.join('\n'));
      assert.match(problems[0], /^src\/sample\.ts:3: a template literal is not allowed/);
      assert.match(problems[1], /^src\/sample\.ts:4: .*one string literal/);
      assert.match(problems[2], /^src\/sample\.ts:5: .*not a string literal/);
      assert.equal(checkBundle(scratch).ok, false);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
