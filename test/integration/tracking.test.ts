// The tracker inside a real editor: typing, switching, idling, closing, and edits the person did not make.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Session } from '../../src/tracking/types';
import { EXTENSION_ID, sleep, trackerRulesApplied, waitFor } from './helpers';

const SETTINGS_PREFIX = 'activityFeed.tracking.';

/** Short rules so the suite finishes in about a minute: the shortest allowed idle timeout, no switch grace. */
const TEST_SETTINGS: Record<string, number> = {
  idleTimeoutSeconds: 30,
  switchGraceSeconds: 0,
  blurGraceSeconds: 5,
  minimumSessionSeconds: 0,
  checkpointIntervalSeconds: 10,
};

interface TrackingApi {
  currentSession(): Session | undefined;
  onDidFinishSession(listener: (session: Session) => void): vscode.Disposable;
  readonly rules: Readonly<Record<string, number>>;
}

const NOT_FOCUSED =
  'vscode.window.state.focused is false: this editor window does not report focus (usual in a headless or ' +
  'background run). The tracker only counts activity in the focused window, so no session can start here; ' +
  'run the integration tests with the editor window in front.';

async function trackingApi(): Promise<TrackingApi> {
  const extension = vscode.extensions.getExtension<{ tracking?: TrackingApi }>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this editor`);
  const api = await extension.activate();
  assert.ok(api.tracking, 'activate() must return an API with `tracking` exposing currentSession() and onDidFinishSession()');
  return api.tracking;
}

/** Sets the short rules, or (with undefined) puts back the user settings that were there before. */
const saved = new Map<string, unknown>();
async function applySettings(values: Record<string, number> | undefined): Promise<void> {
  const configuration = vscode.workspace.getConfiguration();
  for (const [name, value] of Object.entries(TEST_SETTINGS)) {
    const key = `${SETTINGS_PREFIX}${name}`;
    if (values !== undefined && !saved.has(key)) saved.set(key, configuration.inspect(key)?.globalValue);
    await configuration.update(key, values === undefined ? saved.get(key) : value, vscode.ConfigurationTarget.Global);
  }
  const tracking = await trackingApi();
  await trackerRulesApplied(() => tracking.rules);
}

async function typeInto(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await editor.edit((builder) => builder.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, text));
  await vscode.commands.executeCommand('type', { text: '!' });
  return editor;
}

describe('tracking in the real editor', function () {
  this.timeout(120_000);

  let tracking: TrackingApi;
  let folder: vscode.Uri;
  const finished: Session[] = [];
  let subscription: vscode.Disposable | undefined;
  const file = (name: string): vscode.Uri => vscode.Uri.joinPath(folder, name);
  const finishedFor = (uri: vscode.Uri, since: number): Session[] =>
    finished.filter((s) => s.documentUri === uri.toString() && s.lastActiveAt >= since);

  before(async () => {
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder, 'the integration tests need a workspace folder to create their files in');
    folder = vscode.Uri.joinPath(workspaceFolder.uri, `activity-feed-tracking-${Date.now()}`);
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'background.txt']) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(`${name}\n`));
    }
    tracking = await trackingApi();
    subscription = tracking.onDidFinishSession((session) => finished.push(session));
    await applySettings(TEST_SETTINGS);
  });

  after(async () => {
    subscription?.dispose();
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await applySettings(undefined);
    if (folder) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('runs in a window that reports focus', () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
  });

  it('starts a session for the file being typed in, with the cursor of the last edit', async () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
    const before = Date.now();
    const editor = await typeInto(file('a.txt'), 'hello');
    const live = await waitFor(
      'a session for a.txt',
      () => {
        const session = tracking.currentSession();
        return session?.documentUri === file('a.txt').toString() ? session : undefined;
      },
      15_000,
    );
    assert.equal(live.state, 'ongoing');
    assert.ok(live.startedAt >= before - 1000 && live.startedAt <= Date.now(), 'started when the file was shown');
    // The cursor of the last activity, for the activation URL (exact position depends on event order).
    assert.ok(live.cursor, 'the session keeps the cursor of the last activity');
    assert.ok(live.cursor.line < editor.document.lineCount, `cursor line ${live.cursor.line}`);
    await editor.document.save();
  });

  it('ends the session when the person switches to another file, at the last activity', async () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
    const since = Date.now();
    const editor = await typeInto(file('a.txt'), 'one');
    await sleep(1_200);
    await typeInto(file('a.txt'), 'two');
    await editor.document.save();
    const lastTyped = Date.now();
    await sleep(300);
    await vscode.window.showTextDocument(file('b.txt'), { preview: false });

    const [session] = await waitFor(
      'a finished session for a.txt',
      () => {
        const sessions = finishedFor(file('a.txt'), since);
        return sessions.length > 0 ? sessions : undefined;
      },
      15_000,
    );
    assert.ok(session);
    assert.equal(session.endReason, 'switch');
    assert.equal(session.state, 'ended');
    assert.ok(session.activeSeconds >= 1, `activeSeconds ${session.activeSeconds}`);
    assert.ok(session.activeSeconds * 1000 <= session.lastActiveAt - session.startedAt);
    assert.ok(session.lastActiveAt >= lastTyped - 100 && session.lastActiveAt <= Date.now());
    assert.equal(tracking.currentSession()?.documentUri, file('b.txt').toString(), 'the new file has the session now');
  });

  it('ends an idle session at the last activity, not when the idleness was noticed', async () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
    const since = Date.now();
    const editor = await typeInto(file('c.txt'), 'idle soon');
    await editor.document.save();
    const lastTyped = Date.now();

    const session = await waitFor(
      'the idle end of the c.txt session',
      () => finishedFor(file('c.txt'), since).find((s) => s.endReason === 'idle'),
      60_000,
    );
    const noticed = Date.now();
    assert.ok(session.lastActiveAt <= lastTyped + 500, 'lastActiveAt is the last keystroke or save');
    assert.ok(noticed - session.lastActiveAt >= 29_000, 'the session was ended only after the idle timeout');
    assert.equal(tracking.currentSession(), undefined, 'nothing is active after going idle');
  });

  it('ends the session when its editor is closed', async () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
    const since = Date.now();
    const editor = await typeInto(file('b.txt'), 'closing');
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const session = await waitFor('the end of the b.txt session', () => finishedFor(file('b.txt'), since)[0], 15_000);
    // Closing the editor changes the active editor first (a switch); the document's close event may come later.
    assert.ok(session.endReason === 'switch' || session.endReason === 'close', `endReason ${session.endReason}`);
  });

  it('creates no session for an edit applied to a document that is not the active editor', async () => {
    assert.ok(vscode.window.state.focused, NOT_FOCUSED);
    const since = Date.now();
    const background = await vscode.workspace.openTextDocument(file('background.txt'));
    await typeInto(file('a.txt'), 'foreground');
    const foreground = tracking.currentSession();
    assert.equal(foreground?.documentUri, file('a.txt').toString());

    const edit = new vscode.WorkspaceEdit();
    edit.insert(background.uri, new vscode.Position(0, 0), 'changed by another extension\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the workspace edit was applied');
    await background.save();
    // Once the host has the edit (the version moved), the tracker's listener has already seen it.
    await waitFor('the edit to reach the extension host', () => (background.version > 1 ? true : undefined), 15_000);

    assert.equal(tracking.currentSession()?.id, foreground?.id, 'the foreground session is undisturbed');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Closing every editor ends the foreground session; once it has ended, the close events have all been seen.
    await waitFor('the end of the a.txt session', () => finishedFor(file('a.txt'), since)[0], 15_000);
    assert.deepEqual(finishedFor(background.uri, since), [], 'no session for the background document');
  });
});
