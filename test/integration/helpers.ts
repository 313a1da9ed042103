// Shared steps of the in-editor tests: the extension's API, waiting, typing, finishing a session, signing in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { AuthState } from '../../src/auth/accountManager';
import type { PublishSummary } from '../../src/publish/publisher';
import type { Session } from '../../src/tracking/types';
import { EmulatorAdminClient } from '../support/emulatorAdmin';

export const EXTENSION_ID = 'activity-feed.graph-activity-feed';

/**
 * Resolves once the tracker applies the tracking settings as they now read (after a settings update): the change
 * event reaches the extension after update() resolves, later still on a busy machine.
 */
export async function trackerRulesApplied<T extends object>(rules: () => T): Promise<void> {
  const settings = vscode.workspace.getConfiguration('activityFeed.tracking');
  await waitFor(
    'the tracker to apply the tracking settings',
    () => {
      const inForce = rules() as Record<string, unknown>;
      return Object.keys(inForce).every((name) => settings.get(name) === undefined || settings.get(name) === inForce[name])
        ? true
        : undefined;
    },
    15_000,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function activityFeed(): Promise<ActivityFeedApi> {
  const extension = vscode.extensions.getExtension<ActivityFeedApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this editor`);
  return extension.activate();
}

export async function newFile(name: string, text = 'start\n'): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'these tests need a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, `af-${Date.now()}-${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return uri;
}

/** Opens the file in the focused editor and types into it, as a person would. */
export async function typeInto(uri: vscode.Uri, text: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
  await vscode.commands.executeCommand('type', { text });
}

/**
 * Types as `typeInto` does, then waits until the extension host holds the edit: its change listeners (the
 * tracker's among them) have run, so a check that nothing happened is made after the edit, not before it arrived.
 */
export async function typeAndDeliver(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const before = document.version;
  await typeInto(uri, text);
  await waitFor('the typed text to reach the extension host', () => (document.version > before ? true : undefined), 15_000);
}

/** A session of a few seconds in `uri`, ended by pausing tracking (which finishes and saves it), then resumed. */
export async function workOn(api: ActivityFeedApi, uri: vscode.Uri, seconds = 2): Promise<Session> {
  // Typing again until the session shows: right after a notification the editor may need a moment to take input.
  const started = await waitFor(
    'a session for the typed file',
    async () => {
      const current = api.tracking.currentSession();
      if (current?.documentUri === uri.toString()) return current;
      await typeInto(uri, 'a');
      return undefined;
    },
    // A deadline, not a wait: on a loaded machine the editor may take seconds to deliver the first edit.
    30_000,
  );
  for (let i = 0; i < seconds; i++) {
    await sleep(1_000);
    await typeInto(uri, 'b');
  }
  const finished = new Promise<Session>((resolve) => {
    const subscription = api.tracking.onDidFinishSession((session) => {
      if (session.id === started.id) {
        subscription.dispose();
        resolve(session);
      }
    });
  });
  await vscode.commands.executeCommand('activityFeed.pauseTracking');
  try {
    return await Promise.race([
      finished,
      sleep(15_000).then(() =>
        assert.fail('pausing did not finish the session (is activityFeed.tracking.minimumSessionSeconds 0?)'),
      ),
    ]);
  } finally {
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
  }
}

export async function publishNow(): Promise<PublishSummary> {
  return vscode.commands.executeCommand<PublishSummary>('activityFeed.publishNow');
}

/** Runs Sign In (device code) and approves the code at the emulator, as the person would in a browser. */
export async function signInByDeviceCode(admin: EmulatorAdminClient): Promise<AuthState> {
  const signingIn = Promise.resolve(vscode.commands.executeCommand<AuthState>('activityFeed.signIn'));
  await waitFor(
    'the device code to be issued and approved',
    async () => ((await admin.approveDeviceCode()) ? true : undefined),
    15_000,
  );
  return signingIn;
}

/** Asks the harness for a screenshot of the workbench as it is now; resolves with the file once it is written. */
export async function screenshot(name: string): Promise<string> {
  const dir = process.env.AF_TEST_ARTIFACTS;
  assert.ok(dir, 'AF_TEST_ARTIFACTS is not set: the integration harness passes it');
  const file = path.join(dir, 'screens', `${name}.png`);
  fs.rmSync(file, { force: true });
  // The picture is of the workbench, not of the completion list or the toasts the steps before left open.
  await vscode.commands.executeCommand('hideSuggestWidget');
  await vscode.commands.executeCommand('notifications.clearAll');
  // Let the workbench paint what the test just changed.
  await sleep(800);
  console.log(`[af-screenshot] ${name}`);
  return waitFor(`screenshot ${name}`, () => (fs.existsSync(file) ? file : undefined), 20_000);
}

let probes = 0;
/** Asks the harness to read or drive the webview; resolves with its answer. */
export async function probe<T>(command: Record<string, unknown>): Promise<T> {
  const dir = process.env.AF_TEST_ARTIFACTS;
  assert.ok(dir, 'AF_TEST_ARTIFACTS is not set: the integration harness passes it');
  const name = `probe-${++probes}`;
  const file = path.join(dir, 'webview', `${name}.json`);
  fs.rmSync(file, { force: true });
  console.log(`[af-webview] ${name} ${JSON.stringify(command)}`);
  const answer = await waitFor(
    `webview probe ${name}`,
    () =>
      fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; result?: T; error?: string })
        : undefined,
    30_000,
  );
  assert.ok(answer.ok, `the probe failed: ${answer.error ?? ''}`);
  return answer.result as T;
}
