// A cloned repository chooses its file names, branch names and remote URL: none of it may turn into markup, a
// link, a second line or reordered text in the Adaptive Card, nor into one of the card's date functions.
import * as assert from 'node:assert/strict';
import { mapToActivity } from '../../../src/activity/mapToActivity';
import type { ActivityInput, MappingOptions } from '../../../src/activity/types';
import { makeSession } from '../../support/sessions';

const hostileNames = [
  '[Verify your account](javascript:alert(1)).md',
  '**URGENT**.ts',
  'invoice\u202Egpj.ts',
  'two\nlines.ts',
  '{{DATE(2030-01-01T00:00:00Z,SHORT)}}.ts',
  '<command:workbench.action.quit>.ts',
];

function input(fileName: string): ActivityInput {
  return {
    documentUri: `file:///home/ann/clone/docs/${encodeURIComponent(fileName)}`,
    workspaceFolderName: 'clone [x](command:y)',
    relativePath: `docs/${fileName}`,
    languageId: 'markdown',
    git: {
      remoteUrl: 'https://github.com/acme/[repo](command:z).git',
      branch: 'main\u202E**evil**[a](command:b)',
      repoRelativePath: `docs/${fileName}`,
    },
    sessions: [makeSession({ id: '61fc8f36-919f-4b73-89d4-1cb7b159d912', documentUri: 'x', languageId: 'markdown' })],
  };
}

const options: MappingOptions = {
  privacy: 'full',
  activitySourceHost: 'https://activity-feed.github.io',
  uriScheme: 'vscode',
  appName: 'Visual Studio Code',
  idKey: 'per-user-random-key-synced-0123456789',
  now: Date.parse('2026-03-20T00:00:00Z'),
  templates: { displayText: '**${fileName}** [open](command:x)', description: '${branch} · ${repository}' },
};

type CardElement = { type: string; text?: string; facts?: { title: string; value: string }[] };

/** Every text of the card a renderer reads as markdown: TextBlocks and FactSet values. */
function markdownTexts(activity: ReturnType<typeof mapToActivity>): string[] {
  const body = (activity.visualElements.content as unknown as { body: CardElement[] }).body;
  return body.flatMap((element) =>
    element.type === 'TextBlock' ? [element.text ?? ''] : (element.facts ?? []).map((fact) => fact.value),
  );
}

/** Markdown syntax characters that are not backslash-escaped. */
const UNESCAPED = /(^|[^\\])(\\\\)*[[\]()*_`<>{}!|~]/;
const INVISIBLE = /[\r\n\u202A-\u202E\u2066-\u2069\u200E\u200F]/;

describe('hostile text in the activity and its card', () => {
  for (const name of hostileNames) {
    it(`shows ${JSON.stringify(name)} literally in every TextBlock and fact`, () => {
      const activity = mapToActivity(input(name), options);
      const [title, ...rest] = markdownTexts(activity);
      const ours = rest.pop() ?? '';
      for (const text of [title, ...rest]) {
        assert.doesNotMatch(text, UNESCAPED, text);
        assert.doesNotMatch(text, INVISIBLE, text);
      }
      assert.match(
        ours,
        /^Last edited \{\{DATE\(2026-03-14T09:15:00Z,SHORT\)\}\} \{\{TIME\(2026-03-14T09:15:00Z\)\}\}$/,
        'the card’s own date functions still work',
      );
      const withoutEscapes = title.replace(/\\(.)/g, '$1');
      assert.ok(
        withoutEscapes.includes(name.replace(/[\n\u202E]/g, (c) => (c === '\n' ? ' ' : ''))),
        `the title still names the file: ${withoutEscapes}`,
      );
    });

    it(`keeps ${JSON.stringify(name)} on one visible line in displayText and description`, () => {
      const activity = mapToActivity(input(name), options);
      assert.doesNotMatch(activity.activationUrl, INVISIBLE);
      for (const text of [activity.visualElements.displayText, activity.visualElements.description ?? ''])
        assert.doesNotMatch(text, INVISIBLE, text);
    });
  }

  it('counts only one date function pair in the whole card, its own', () => {
    const activity = mapToActivity(input('{{DATE(2030-01-01T00:00:00Z,SHORT)}}.ts'), options);
    const card = JSON.stringify(activity.visualElements.content);
    assert.equal(card.match(/\{\{DATE\(/g)?.length, 1, card);
  });
});
