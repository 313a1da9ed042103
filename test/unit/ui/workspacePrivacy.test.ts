// The editor side of the privacy floor, against a small fake of the editor API: settings are read with each
// document's resource (a multi-root folder governs its own files; they used to be read without one), a looser level
// a workspace asks for is asked about and applies only once allowed, and revoking takes it back.
import * as assert from 'node:assert/strict';
import type { WorkspacePrivacy as WorkspacePrivacyClass } from '../../../src/ui/workspacePrivacy';
import type { PrivacyOverrides as PrivacyOverridesClass } from '../../../src/privacyOverrides';
import type { PrivacyQuestions as PrivacyQuestionsClass } from '../../../src/ui/privacyQuestions';
import { useFakeVscode } from '../../support/vscodeFake';

interface FakeUri {
  toString(): string;
}
const uri = (text: string): FakeUri => ({ toString: () => text });

/** A multi-root window: folders "api" and "site" in shop.code-workspace; each scope's value of activityFeed.privacy. */
function createFake() {
  const folders = [
    { uri: uri('file:///work/api'), name: 'api' },
    { uri: uri('file:///work/site'), name: 'site' },
  ];
  const values = { user: undefined as unknown, workspace: undefined as unknown, folders: {} as Record<string, unknown> };
  const questions: string[] = [];
  let answer: (items: string[]) => string | undefined = () => undefined;
  const folderOf = (resource?: FakeUri) =>
    folders.find((folder) => resource !== undefined && `${resource.toString()}/`.startsWith(`${folder.uri.toString()}/`));
  const format = (message: string, ...args: unknown[]) =>
    message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const module = {
    Uri: { parse: uri },
    workspace: {
      name: 'shop',
      workspaceFile: uri('file:///work/shop.code-workspace'),
      workspaceFolders: folders,
      getWorkspaceFolder: folderOf,
      getConfiguration: (_section: string, resource?: FakeUri) => ({
        inspect: () => ({
          globalValue: values.user,
          workspaceValue: values.workspace,
          workspaceFolderValue: values.folders[folderOf(resource)?.name ?? ''],
        }),
      }),
    },
    window: {
      showWarningMessage: (message: string, ...items: string[]) => {
        questions.push(message);
        return Promise.resolve(answer(items));
      },
      showInformationMessage: () => Promise.resolve(undefined),
    },
    l10n: { t: format },
  };
  return { module, values, questions, setAnswer: (pick: (items: string[]) => string | undefined) => (answer = pick) };
}

describe('workspace privacy (fake editor API)', () => {
  let fake: ReturnType<typeof createFake>;
  let WorkspacePrivacy: new (...args: ConstructorParameters<typeof WorkspacePrivacyClass>) => WorkspacePrivacyClass;
  let PrivacyOverrides: new (...args: ConstructorParameters<typeof PrivacyOverridesClass>) => PrivacyOverridesClass;
  let PrivacyQuestions: new (...args: ConstructorParameters<typeof PrivacyQuestionsClass>) => PrivacyQuestionsClass;
  const stableModule = {
    get Uri() {
      return fake.module.Uri;
    },
    get workspace() {
      return fake.module.workspace;
    },
    get window() {
      return fake.module.window;
    },
    get l10n() {
      return fake.module.l10n;
    },
  };
  const log = {
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    show: () => undefined,
  };
  const memento = () => {
    const data = new Map<string, unknown>();
    return {
      get: <T>(key: string) => data.get(key) as T | undefined,
      update: (key: string, value: unknown) => Promise.resolve(void data.set(key, value)),
    };
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  useFakeVscode(stableModule, __filename, (loadHere) => {
    ({ WorkspacePrivacy } = loadHere('../../../src/ui/workspacePrivacy') as { WorkspacePrivacy: typeof WorkspacePrivacy });
    ({ PrivacyOverrides } = loadHere('../../../src/privacyOverrides') as { PrivacyOverrides: typeof PrivacyOverrides });
    ({ PrivacyQuestions } = loadHere('../../../src/ui/privacyQuestions') as { PrivacyQuestions: typeof PrivacyQuestions });
  });

  beforeEach(() => {
    fake = createFake();
  });

  /** Wired as activation and the workbench wire them: the level at once, the question from the later bundle. */
  const create = () => {
    const overrides = new PrivacyOverrides(memento());
    const questions = new PrivacyQuestions(overrides, log);
    const privacy = new WorkspacePrivacy(
      overrides,
      () => undefined,
      (question) => questions.ask(question),
    );
    return { levelFor: (documentUri: string) => privacy.levelFor(documentUri), revoke: () => questions.revoke() };
  };

  it("reads each document with its own folder's settings in a multi-root window", () => {
    fake.values.user = 'full';
    fake.values.folders.site = 'private';
    const privacy = create();
    assert.equal(privacy.levelFor('file:///work/site/index.html'), 'private');
    assert.equal(privacy.levelFor('file:///work/api/server.ts'), 'full');
  });

  it('asks once about a looser level, naming it, and applies it only after the person allows it; revoking takes it back', async () => {
    fake.values.folders.api = 'full';
    fake.setAnswer(() => undefined);
    const privacy = create();
    assert.equal(privacy.levelFor('file:///work/api/server.ts'), 'fileNameOnly', 'the default is the floor');
    assert.equal(privacy.levelFor('file:///work/api/client.ts'), 'fileNameOnly');
    await settle();
    assert.equal(fake.questions.length, 1, 'asked once per window');
    assert.match(
      fake.questions[0] ?? '',
      /"api" ask for the privacy level "full", which shares more than your own level "fileNameOnly"/,
    );

    const allowing = create();
    fake.setAnswer((items) => items[0]);
    allowing.levelFor('file:///work/api/server.ts');
    await settle();
    assert.equal(allowing.levelFor('file:///work/api/server.ts'), 'full', 'confirmed for this folder');
    assert.equal(allowing.levelFor('file:///work/site/index.html'), 'fileNameOnly', 'not for the other folder');

    assert.equal(await allowing.revoke(), 1);
    fake.setAnswer(() => undefined);
    assert.equal(allowing.levelFor('file:///work/api/server.ts'), 'fileNameOnly');
  });
});
