// The hostile-repository tier: the real editor (code-server 1.100 + headless Chromium) opens a cloned repository
// that attacks through what it controls: its .vscode/settings.json, its file names and its git facts.
//   node -r ./scripts/register-ts.cjs test/runners/hostile.ts
// Phases (in-editor suites in test/hostile/, compiled to out/test/hostile/), both on the same user data, so on the
// same outbox, one after the other (two windows of one person, the second opened after the first closed):
//   window1  a multi-root workspace (the hostile repository with a real .git folder, and a folder that sets
//            `private`), the user's privacy unset and an exclusion in the user's settings;
//   window2  another folder, the user's privacy at `full` and a pathological exclude pattern.
// While they run, every notification and dialog the workbench shows is read from its DOM. Then checks over the whole
// run, here in the harness: every byte the emulator received, every file the extension wrote, every notification.
// Writes a JSON summary (AF_TEST_RESULTS) like the other editor tiers.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from './editor';
import { printSummary, runEditorPhase, startEmulatorForEditor } from './editorRun';
import type { RunningEmulator } from '../../tools/graph-emulator';
import { emulatorSettings } from './emulatorSettings';
import type { TestSummary } from './summary';
import { Checks, filesUnder, findTokens } from './faultChecks';
import { findEncodings } from '../faults/shared';
import {
  COMMAND_LINK,
  DEEP_PATH_SEGMENTS,
  ECHO_SECRETS,
  GIT_TRAPS,
  HOSTILE_BRANCH,
  HOSTILE_FILES,
  HOSTILE_FOLDER,
  HOSTILE_REMOTE,
  LATE_EXCLUDED_FILE,
  LINKED_FOLDER_LABEL,
  LINKED_FOLDER_NAME,
  NOTIFICATION_SOURCE,
  OUTSIDE_COMMIT,
  PRIVACY_QUESTION_ASKED,
  PRIVACY_QUESTION_SEEN,
  PRIVACY_QUESTION_TEXT,
  PRIVATE_FILE,
  PRIVATE_FILE_FOR_SECOND_WINDOW,
  PRIVATE_FOLDER,
  REMOTE_SECRET,
  USER_EXCLUDED_FILE,
  USER_EXCLUDED_FOLDER,
  WORKSPACE_TEMPLATE_MARKER,
} from '../hostile/shared';

const artifactsRoot = path.join(projectRoot, 'test-artifacts', 'hostile');
const testsPath = path.join(projectRoot, 'out', 'test', 'hostile', 'index.js');
const EXTENSION_ID = 'activity-feed.graph-activity-feed';
/** Invisible and control characters (but the line breaks of a log file). */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** One notification or dialog as the workbench rendered it. */
interface Shown {
  kind: 'notification' | 'dialog';
  source: string;
  text: string;
  /** The targets of the links rendered inside its message. */
  links: string[];
}

/** Reads every notification (toasts and the notification center) and dialog in the workbench's DOM. */
async function readShown(page: Page): Promise<Shown[]> {
  const quick = { timeout: 300 };
  const linksIn = async (scope: Locator): Promise<string[]> =>
    Promise.all(
      (await scope.locator('a').all()).map(
        async (a) =>
          (await a.getAttribute('href', quick)) ??
          (await a.getAttribute('data-href', quick)) ??
          (await a.textContent(quick)) ??
          '',
      ),
    );
  const found: Shown[] = [];
  for (const item of await page.locator('.notification-list-item').all()) {
    const message = item.locator('.notification-list-item-message');
    found.push({
      kind: 'notification',
      source:
        (await item
          .locator('.notification-list-item-source')
          .first()
          .textContent(quick)
          .catch(() => '')) ?? '',
      text: (await message.first().textContent(quick)) ?? '',
      links: await linksIn(message.first()),
    });
  }
  for (const box of await page.locator('.monaco-dialog-box').all()) {
    found.push({
      kind: 'dialog',
      source: '',
      text: (await box.textContent(quick)) ?? '',
      links: await linksIn(box.locator('.dialog-message-row').first()),
    });
  }
  return found;
}

interface PhaseOptions {
  name: string;
  files: string;
  scratch: string;
  workspace: string;
  userSettings: Record<string, unknown>;
}

async function runPhase(
  options: PhaseOptions,
  emulator: RunningEmulator,
  caFile: string,
  shown: Map<string, Shown>,
): Promise<TestSummary> {
  const collect = async (page: Page) => {
    for (const item of await readShown(page).catch(() => []))
      shown.set(`${item.kind}|${item.source}|${item.text}|${item.links.join(' ')}`, item);
  };
  const outcome = await runEditorPhase({
    ...options,
    artifactsRoot,
    testsPath,
    emulator,
    caFile,
    results: path.join(artifactsRoot, `${options.name}.json`),
    timeoutMs: 8 * 60_000,
    pollMs: 400,
    keepHostLog: true,
    round: async (editor) => {
      await collect(editor.page);
      const seen = [...shown.values()].some((item) => isFolderQuestion(item.text));
      if (seen && fs.existsSync(path.join(artifactsRoot, PRIVACY_QUESTION_ASKED)))
        fs.writeFileSync(path.join(artifactsRoot, PRIVACY_QUESTION_SEEN), '');
      return false;
    },
    finished: async (editor) => {
      // Everything shown during the run, toasts that already hid included, is in the notification center.
      await editor.page.keyboard.press('Escape').catch(() => undefined);
      await openNotificationCenter(editor.page);
      await collect(editor.page);
    },
  });
  if (!outcome.summary) throw new Error(`${options.name}: no test results`);
  return outcome.summary;
}

/** Opens the notification center the way a person does (the bell in the status bar), so every notification is in the DOM. */
async function openNotificationCenter(page: Page): Promise<void> {
  const bell = page.locator('.statusbar-item[id="status.notifications"] a, .statusbar-item[id="status.notifications"]').first();
  await bell.click({ timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}

/** The privacy question about the hostile folder, which the cloned .code-workspace names with a command link. */
function isFolderQuestion(text: string): boolean {
  return text.includes(PRIVACY_QUESTION_TEXT) && text.includes(LINKED_FOLDER_LABEL);
}

/** The cloned repository: settings, file names and a .git folder that attack, beside a folder that sets `private`. */
function prepareHostileWorkspace(root: string): string {
  fs.rmSync(root, { recursive: true, force: true });
  const repo = path.join(root, HOSTILE_FOLDER);
  fs.mkdirSync(path.join(repo, '.git', 'refs', 'heads'), { recursive: true });
  fs.writeFileSync(path.join(repo, '.git', 'HEAD'), `ref: refs/heads/${HOSTILE_BRANCH}\n`);
  fs.writeFileSync(
    path.join(repo, '.git', 'config'),
    `[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = ${HOSTILE_REMOTE}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
  );
  fs.mkdirSync(path.join(repo, '.vscode'), { recursive: true });
  const attack = {
    // Templates would choose what the person's feed says.
    'activityFeed.displayTextTemplate': `${WORKSPACE_TEMPLATE_MARKER} ${COMMAND_LINK} \${fileName}`,
    'activityFeed.descriptionTemplate': `${WORKSPACE_TEMPLATE_MARKER} **URGENT** \${branch}`,
    // Invalid values are quoted back in a notification: a link, a crafted vscode:// link, a bidi override.
    'activityFeed.tracking.idleTimeoutSeconds': `\u202E${COMMAND_LINK}`,
    'activityFeed.backgroundColor': 'vscode://activity-feed.graph-activity-feed/[label](command:workbench.action.quit)',
  };
  fs.writeFileSync(
    path.join(repo, '.vscode', 'settings.json'),
    // Privacy rows: looser than the user, and undoing the user's exclusion.
    JSON.stringify(
      { ...attack, 'activityFeed.privacy': 'full', 'activityFeed.tracking.exclude': [], 'activityFeed.tracking.enabled': true },
      null,
      2,
    ),
  );
  for (const name of HOSTILE_FILES) fs.writeFileSync(path.join(repo, name), 'start\n');
  fs.mkdirSync(path.join(repo, USER_EXCLUDED_FOLDER), { recursive: true });
  fs.writeFileSync(path.join(repo, USER_EXCLUDED_FOLDER, USER_EXCLUDED_FILE), 'export const salaries = [];\n');
  fs.writeFileSync(path.join(repo, LATE_EXCLUDED_FILE), 'start\n');

  const notes = path.join(root, PRIVATE_FOLDER);
  fs.mkdirSync(path.join(notes, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(notes, '.vscode', 'settings.json'), JSON.stringify({ 'activityFeed.privacy': 'private' }));
  fs.writeFileSync(path.join(notes, PRIVATE_FILE), '# notes\n');
  fs.writeFileSync(path.join(notes, PRIVATE_FILE_FOR_SECOND_WINDOW), '# memo\n');

  const workspaceFile = path.join(root, 'clone.code-workspace');
  fs.writeFileSync(
    workspaceFile,
    // The workspace file is part of the clone too; window-scoped settings of a multi-root workspace live here.
    JSON.stringify(
      {
        folders: [{ path: HOSTILE_FOLDER, name: LINKED_FOLDER_NAME }, { path: PRIVATE_FOLDER }],
        settings: { ...attack, 'activityFeed.tracking.exclude': [], 'activityFeed.privacy': 'full' },
      },
      null,
      2,
    ),
  );
  return workspaceFile;
}

/** The second window's folder, with a file deep enough to meet the pathological pattern. */
function prepareSecondWorkspace(root: string): string {
  fs.rmSync(root, { recursive: true, force: true });
  const deep = path.join(root, ...Array<string>(DEEP_PATH_SEGMENTS).fill('a'));
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, 'deep.ts'), 'start\n');
  prepareGitTraps(root);
  return root;
}

/**
 * Folders whose .git leads out of the repository: HEAD naming /dev/zero through a relative ref, a FIFO as HEAD, a .git
 * file pointing at /dev/zero, a linked worktree whose commondir is /dev/zero, and a ref climbing out to a file
 * outside. Reading any of them whole, or blocking on one, would stall or kill the extension host.
 */
function prepareGitTraps(root: string): void {
  const [headZero, headFifo, gitdirZero, commondirZero, refOutside] = GIT_TRAPS.map((name) => path.join(root, name));
  const gitFolder = (repo: string, head: string) => {
    fs.mkdirSync(path.join(repo, '.git', 'refs', 'heads'), { recursive: true });
    if (head) fs.writeFileSync(path.join(repo, '.git', 'HEAD'), head);
  };
  gitFolder(headZero, `ref: refs/heads/${'../'.repeat(24)}dev/zero\n`);
  gitFolder(headFifo, '');
  execFileSync('mkfifo', [path.join(headFifo, '.git', 'HEAD')]);
  fs.mkdirSync(gitdirZero, { recursive: true });
  fs.writeFileSync(path.join(gitdirZero, '.git'), 'gitdir: /dev/zero\n');
  const elsewhere = path.join(root, '..', 'ws2-elsewhere-gitdir');
  fs.rmSync(elsewhere, { recursive: true, force: true });
  fs.mkdirSync(elsewhere, { recursive: true });
  fs.writeFileSync(path.join(elsewhere, 'HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(elsewhere, 'commondir'), '/dev/zero\n');
  fs.mkdirSync(commondirZero, { recursive: true });
  fs.writeFileSync(path.join(commondirZero, '.git'), `gitdir: ${elsewhere}\n`);
  const outside = path.join(root, '..', 'ws2-outside-ref');
  fs.writeFileSync(outside, `${OUTSIDE_COMMIT}\n`);
  gitFolder(refOutside, `ref: refs/heads/../../../../../${path.basename(outside)}\n`);
  for (const folder of [headZero, headFifo, gitdirZero, commondirZero, refOutside])
    fs.writeFileSync(path.join(folder, 'trap.ts'), 'start\n');
}

/** Each spelling of every name that a stricter level, an exclusion or a purge keeps on this machine. */
function withheldNames(): string[] {
  const stem = (name: string) => name.replace(/\.[a-z]+$/, '');
  return [stem(USER_EXCLUDED_FILE), stem(LATE_EXCLUDED_FILE), stem(PRIVATE_FILE), stem(PRIVATE_FILE_FOR_SECOND_WINDOW)];
}

async function main(): Promise<void> {
  fs.rmSync(artifactsRoot, { recursive: true, force: true });
  fs.mkdirSync(artifactsRoot, { recursive: true });
  const results = process.env.AF_TEST_RESULTS ?? path.join(artifactsRoot, 'results.json');
  const started = Date.now();
  const { emulator, caFile } = await startEmulatorForEditor(artifactsRoot);
  console.log(`hostile: Graph emulator at ${emulator.graphUrl}, token endpoint at ${emulator.authorityUrl}`);
  const base = emulatorSettings(emulator);
  const checks = new Checks();
  const hostSummaries: TestSummary[] = [];
  const shown = new Map<string, Shown>();
  const scratch = path.join(artifactsRoot, 'user');
  const userExclusion = `**/${USER_EXCLUDED_FOLDER}/**`;
  /** A phase that does not finish is one failure; the checks over what the run left still run. */
  const runPhaseOrRecord = async (
    options: PhaseOptions,
    ...rest: [RunningEmulator, string, Map<string, Shown>]
  ): Promise<TestSummary | undefined> => {
    try {
      return await runPhase(options, ...rest);
    } catch (error) {
      checks.run(`${options.name}: the phase finished`, () => {
        throw error;
      });
      return undefined;
    }
  };

  try {
    // The user never set privacy; they exclude a folder. Publishing on command only, so each test decides when.
    const window1 = await runPhaseOrRecord(
      {
        name: 'window1',
        files: 'gateway.test.js,inert.test.js,secrets.test.js,zz-privacyRows.test.js',
        scratch,
        workspace: prepareHostileWorkspace(path.join(artifactsRoot, 'ws')),
        userSettings: { ...base, 'activityFeed.publish.mode': 'manual', 'activityFeed.tracking.exclude': [userExclusion] },
      },
      emulator,
      caFile,
      shown,
    );
    if (window1) hostSummaries.push(window1);
    // Same user data, so the same outbox and signed-in account; the exclusion the first window added stays.
    const window2 = await runPhaseOrRecord(
      {
        name: 'window2',
        files: 'zz-privacyRows.window2.test.js,zzz-defences.window2.test.js',
        scratch,
        workspace: prepareSecondWorkspace(path.join(artifactsRoot, 'ws2')),
        userSettings: {
          ...base,
          'activityFeed.publish.mode': 'manual',
          'activityFeed.privacy': 'full',
          // The pathological pattern is added by the window's last test, after the privacy row it must not slow.
          'activityFeed.tracking.exclude': [userExclusion, `**/${LATE_EXCLUDED_FILE.replace(/\.[a-z]+$/, '')}*`],
        },
      },
      emulator,
      caFile,
      shown,
    );
    if (window2) hostSummaries.push(window2);

    const received = emulator.admin.received();
    const puts = emulator.admin.requests().filter((r) => r.server === 'graph' && r.method === 'PUT');

    checks.run('every byte Graph received: no credential beyond the Authorization header', () => {
      assert.ok(
        received.length > 10_000 && received.includes('PUT /v1.0/me/activities/'),
        'the recording holds the published activities',
      );
      assert.deepEqual(findEncodings(received, REMOTE_SECRET), [], 'the remote URL’s credential');
      // The raw recording also holds the tests' own calls to the emulator's admin API (the echo fault names these
      // secrets), so the echoed secrets are looked for in what the extension sent to Graph and its token endpoint.
      const sent = Buffer.from(
        emulator.admin
          .requests()
          .filter((r) => r.server !== 'admin')
          .map((r) => `${r.method} ${r.url} ${JSON.stringify(r.headers)} ${r.body}`)
          .join('\n'),
      );
      for (const secret of ECHO_SECRETS) assert.deepEqual(findEncodings(sent, secret), [], secret);
      const issued = emulator.identity.issuedTokens();
      const bodies = Buffer.from(puts.map((r) => r.body).join('\n'));
      for (const token of issued) assert.ok(!bodies.includes(token), 'an issued token in a request body');
      return `${(received.length / 1024).toFixed(0)} KB, ${puts.length} PUTs`;
    });

    checks.run('every byte Graph received: no text from the workspace’s templates, no invisible character in any text', () => {
      assert.deepEqual(findEncodings(received, WORKSPACE_TEMPLATE_MARKER), []);
      for (const put of puts) {
        const body = JSON.parse(put.body) as { visualElements?: { displayText?: string; description?: string } };
        for (const text of [body.visualElements?.displayText ?? '', body.visualElements?.description ?? ''])
          assert.doesNotMatch(text, INVISIBLE, text);
      }
    });

    checks.run(
      'privacy rows: not one byte Graph received names a file a stricter level, an exclusion or a purge withholds',
      () => {
        const found = withheldNames().flatMap((name) =>
          findEncodings(received, name).map((spelling) => `${name} as ${spelling}`),
        );
        assert.deepEqual(found, []);
      },
    );

    checks.run('git traps: nothing read from outside a repository’s .git reached Graph', () => {
      assert.deepEqual(findEncodings(received, OUTSIDE_COMMIT), []);
    });

    checks.run('privacy rows: the user’s level is a floor, so the hostile folder’s path and branch never left', () => {
      assert.deepEqual(findEncodings(received, HOSTILE_FOLDER), []);
      assert.deepEqual(findEncodings(received, 'main[Click]'), []);
    });

    checks.run('every file the extension wrote (global storage, logs): no token, no echoed secret, no credential', () => {
      const files = [
        ...filesUnder(path.join(scratch, 'ud', 'User', 'globalStorage', EXTENSION_ID)),
        ...filesUnder(path.join(scratch, 'ud', 'logs')).filter((f) => f.includes('Activity Feed')),
      ];
      assert.ok(
        files.some((f) => f.endsWith('.log')),
        'the extension’s logs are among them',
      );
      assert.deepEqual(findTokens(files, emulator.identity.issuedTokens(), scratch), []);
      for (const file of files) {
        const text = fs.readFileSync(file).toString('latin1');
        for (const secret of [REMOTE_SECRET, ...ECHO_SECRETS])
          assert.ok(!text.includes(secret), `${path.relative(scratch, file)} holds ${secret}`);
      }
      return `${files.length} files`;
    });

    checks.run('every log line of the extension: one line, no invisible or control character', () => {
      const logs = filesUnder(path.join(scratch, 'ud', 'logs')).filter((f) => f.includes('Activity Feed'));
      for (const file of logs) {
        const text = fs.readFileSync(file, 'utf8');
        assert.doesNotMatch(text, INVISIBLE, file);
        for (const line of text.split(/\r?\n/).filter(Boolean))
          assert.match(
            line,
            /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[\w+\] /,
            `a line that is not a log entry (a forged or broken line): ${line.slice(0, 120)}`,
          );
      }
      return `${logs.length} logs`;
    });

    checks.run(
      'every notification and dialog: no link the extension did not put there, no secret, no invisible character',
      () => {
        const all = [...shown.values()];
        const ours = all.filter(
          (s) => s.kind === 'dialog' || s.source.includes(NOTIFICATION_SOURCE) || s.text.startsWith('Activity Feed'),
        );
        fs.writeFileSync(path.join(artifactsRoot, 'shown.json'), JSON.stringify(all, null, 2));
        // The notification center is a virtualized list and toasts hide, so not every notification is caught; one
        // that quotes the workspace's crafted values must be, or this check would prove nothing.
        assert.ok(
          ours.some((s) => /idleTimeoutSeconds|backgroundColor|settings are invalid/.test(s.text)),
          `a notification quoting the workspace’s invalid settings was seen (${all.length} shown in all)`,
        );
        // The privacy question names the folder by the name the cloned .code-workspace gave it: a command link. It
        // must show the link's words (and, like every notification, no link).
        assert.ok(
          ours.some((s) => isFolderQuestion(s.text)),
          `the folder's privacy question was seen, naming it by its words (${ours.length} of the extension’s notifications)`,
        );
        for (const item of ours) {
          assert.deepEqual(item.links, [], `links in: ${item.text}`);
          assert.doesNotMatch(item.text, INVISIBLE, item.text);
          for (const secret of [REMOTE_SECRET, ...ECHO_SECRETS]) assert.ok(!item.text.includes(secret), item.text);
          for (const token of emulator.identity.issuedTokens()) assert.ok(!item.text.includes(token), 'an issued token is shown');
        }
        return `${ours.length} of the extension’s, ${all.length} in all`;
      },
    );
  } catch (error) {
    checks.run('the hostile run completed', () => {
      throw error;
    });
  } finally {
    await emulator.close();
  }

  const summary = checks.summary(hostSummaries, 2, 'test/runners/hostile.ts');
  fs.writeFileSync(results, JSON.stringify(summary, null, 2));
  printSummary('hostile', summary, Date.now() - started);
  process.exitCode = summary.failed > 0 || !summary.finished || summary.passed === 0 ? 1 : 0;
}

void main();
