// The editor side of the privacy floor, against a small fake of the editor API: settings are read with each
// document's resource (a multi-root folder governs its own files; they used to be read without one), a looser level
// a workspace asks for is asked about and applies only once allowed, and revoking takes it back.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRepository } from '../../../src/git/readRepository';
import type { WorkspacePrivacy as WorkspacePrivacyClass } from '../../../src/privacy/workspacePrivacy.vscode';
import type { PrivacyOverrides as PrivacyOverridesClass } from '../../../src/privacy/overrides';
import type { PrivacyQuestions as PrivacyQuestionsClass } from '../../../src/privacy/questions.vscode';
import { useFakeVscode } from '../../support/vscodeFake';

interface FakeUri {
  scheme: string;
  fsPath: string;
  toString(): string;
}
const uri = (text: string): FakeUri => {
  const scheme = text.slice(0, text.indexOf(':'));
  return { scheme, fsPath: scheme === 'file' ? fileURLToPath(text) : '', toString: () => text };
};

/**
 * A multi-root window: folders "api" and "site" in shop.code-workspace, under `root` (a file URI); each scope's value
 * of activityFeed.privacy.
 */
function createFake(root = 'file:///work') {
  const folders = [
    { uri: uri(`${root}/api`), name: 'api' },
    { uri: uri(`${root}/site`), name: 'site' },
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
      workspaceFile: uri(`${root}/shop.code-workspace`),
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
  const memento = (initial: Record<string, unknown> = {}) => {
    const data = new Map<string, unknown>(Object.entries(initial));
    return {
      get: <T>(key: string) => data.get(key) as T | undefined,
      update: (key: string, value: unknown) => Promise.resolve(void data.set(key, value)),
    };
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  useFakeVscode(stableModule, __filename, (loadHere) => {
    ({ WorkspacePrivacy } = loadHere('../../../src/privacy/workspacePrivacy.vscode') as {
      WorkspacePrivacy: typeof WorkspacePrivacy;
    });
    ({ PrivacyOverrides } = loadHere('../../../src/privacy/overrides') as { PrivacyOverrides: typeof PrivacyOverrides });
    ({ PrivacyQuestions } = loadHere('../../../src/privacy/questions.vscode') as { PrivacyQuestions: typeof PrivacyQuestions });
  });

  beforeEach(() => {
    fake = createFake();
  });

  /** Wired as activation and the services wire them: the level at once, the question from the later bundle. */
  const create = (store = memento()) => {
    const overrides = new PrivacyOverrides(store);
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

  describe('a confirmation names the repository at the path, not only the path', () => {
    const CHANGED = /The repository at this path, or its settings, changed since you allowed a looser level/;
    let dir: string;
    let root: string;
    const allowEverything = (items: string[]) => items[0];
    const keepEverything = () => undefined;

    /** Makes `folder` (under the window's folder) the working tree of a repository whose origin is `remote`. */
    const clone = (folder: string, remote: string) => {
      mkdirSync(join(dir, folder, '.git', 'refs', 'heads'), { recursive: true });
      writeFileSync(join(dir, folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(join(dir, folder, '.git', 'config'), `[remote "origin"]\n\turl = ${remote}\n`);
    };

    /** A window where the person allows what is asked; its document in "api" is then at the level allowed. */
    const allowIn = async (store: ReturnType<typeof memento>, documentUri = `${root}/api/server.ts`) => {
      fake.setAnswer(allowEverything);
      create(store).levelFor(documentUri);
      await settle();
      fake.setAnswer(keepEverything);
    };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'privacy-identity-'));
      mkdirSync(join(dir, 'api'));
      mkdirSync(join(dir, 'site'));
      root = pathToFileURL(dir).href;
      fake = createFake(root);
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('still applies, without asking, in a later window for the same repository and the same settings', async () => {
      clone('api', 'https://example.com/team/api.git');
      fake.values.folders.api = 'full';
      const store = memento();
      await allowIn(store);
      assert.equal(create(store).levelFor(`${root}/api/server.ts`), 'full');
      await settle();
      assert.equal(fake.questions.length, 1);
    });

    it('does not apply when another repository is at the path: asks again, saying the repository changed', async () => {
      clone('api', 'https://example.com/team/api.git');
      fake.values.folders.api = 'full';
      const store = memento();
      await allowIn(store);
      clone('api', 'https://example.com/someone-else/api.git');
      assert.equal(create(store).levelFor(`${root}/api/server.ts`), 'fileNameOnly');
      await settle();
      assert.equal(fake.questions.length, 2);
      assert.doesNotMatch(fake.questions[0] ?? '', CHANGED);
      assert.match(fake.questions[1] ?? '', CHANGED);
    });

    it('does not apply when the settings ask for another level: asks again', async () => {
      clone('api', 'https://example.com/team/api.git');
      fake.values.folders.api = 'full';
      const store = memento();
      await allowIn(store);
      fake.values.folders.api = 'noRepository';
      assert.equal(create(store).levelFor(`${root}/api/server.ts`), 'fileNameOnly');
      await settle();
      assert.equal(fake.questions.length, 2);
      assert.match(fake.questions[1] ?? '', /"noRepository"/);
      assert.match(fake.questions[1] ?? '', CHANGED);
    });

    it('names the repository holding the .code-workspace file for the workspace settings', async () => {
      clone('.', 'https://example.com/team/shop.git');
      fake.values.workspace = 'full';
      const store = memento();
      await allowIn(store);
      assert.equal(create(store).levelFor(`${root}/site/index.html`), 'full');
      clone('.', 'https://example.com/someone-else/shop.git');
      assert.equal(create(store).levelFor(`${root}/site/index.html`), 'fileNameOnly');
    });

    it('asks again, once, about a grant stored in the old format (a bare level), then keeps the answer named', async () => {
      clone('api', 'https://example.com/team/api.git');
      fake.values.folders.api = 'full';
      const store = memento({ 'activityFeed.privacyOverrides': { [`${root}/api`]: 'full' } });
      const window = create(store);
      assert.equal(window.levelFor(`${root}/api/server.ts`), 'fileNameOnly');
      assert.equal(window.levelFor(`${root}/api/client.ts`), 'fileNameOnly');
      await settle();
      assert.equal(fake.questions.length, 1, 'asked once');
      assert.doesNotMatch(fake.questions[0] ?? '', CHANGED, 'an old grant says nothing of what changed');
      await allowIn(store);
      assert.equal(create(store).levelFor(`${root}/api/server.ts`), 'full');
    });

    it('identifies a folder outside git by its settings alone', async function () {
      if (readRepository(join(dir, 'site', '.vscode', 'settings.json'))) this.skip();
      fake.values.folders.site = 'full';
      const store = memento();
      await allowIn(store, `${root}/site/index.html`);
      assert.equal(create(store).levelFor(`${root}/site/index.html`), 'full');
      fake.values.folders.site = 'noRepository';
      assert.equal(create(store).levelFor(`${root}/site/index.html`), 'fileNameOnly');
    });

    it('applies no grant before the services load, and does not ask when the grant then holds', async () => {
      clone('api', 'https://example.com/team/api.git');
      fake.values.folders.api = 'full';
      const store = memento();
      await allowIn(store);
      const overrides = new PrivacyOverrides(store);
      const waiting: Parameters<PrivacyQuestionsClass['ask']>[0][] = [];
      const privacy = new WorkspacePrivacy(
        overrides,
        () => undefined,
        (question) => waiting.push(question),
      );
      assert.equal(privacy.levelFor(`${root}/api/server.ts`), 'fileNameOnly', 'the stricter level until it can be checked');
      const questions = new PrivacyQuestions(overrides, log);
      for (const question of waiting) questions.ask(question);
      await settle();
      assert.equal(fake.questions.length, 1, 'only the first window asked');
      assert.equal(privacy.levelFor(`${root}/api/server.ts`), 'full');
    });
  });
});
