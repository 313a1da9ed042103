// Steps shared by the hostile tier's in-editor tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorActivity, EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, signInByDeviceCode, workOn } from '../integration/helpers';

/** The workspace folder at the folder called `name` on disk (its shown name is the workspace file's to choose). */
export function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => path.basename(f.uri.fsPath) === name);
  assert.ok(folder, `the workspace has a folder named ${name}`);
  return folder;
}

/** The file at `relative` inside the named workspace folder (written by the harness, or now with `text`). */
export function fileIn(folder: string, relative: string, text?: string): vscode.Uri {
  const uri = vscode.Uri.joinPath(folderNamed(folder).uri, ...relative.split('/'));
  if (text !== undefined || !fs.existsSync(uri.fsPath)) {
    fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
    fs.writeFileSync(uri.fsPath, text ?? 'start\n');
  }
  return uri;
}

/** The extension's API, signed in (a second window on the same user data is signed in already). */
export async function signedInApi(admin: EmulatorAdminClient): Promise<ActivityFeedApi> {
  const api = await activityFeed();
  if (api.auth.state.kind !== 'signedIn') assert.equal((await signInByDeviceCode(admin)).kind, 'signedIn');
  return api;
}

export async function session(api: ActivityFeedApi, uri: vscode.Uri): Promise<void> {
  await workOn(api, uri, 1);
}

type CardElement = { type: string; text?: string; facts?: { title: string; value: string }[] };

/** An activity as Graph holds it, with the parts a person sees. */
export type StoredActivity = EmulatorActivity & {
  activationUrl?: string;
  visualElements?: { displayText?: string; description?: string; content?: { body?: CardElement[] } };
};

export async function storedActivities(admin: EmulatorAdminClient): Promise<StoredActivity[]> {
  // The admin client types only the fields most tests need; the emulator returns the whole activity.
  const activities: StoredActivity[] = await admin.activities();
  return activities;
}

/** The card's texts a renderer reads as markdown: every TextBlock and every fact's value. */
export function cardMarkdownTexts(activity: StoredActivity): string[] {
  return (activity.visualElements?.content?.body ?? []).flatMap((e) =>
    e.type === 'TextBlock' ? [e.text ?? ''] : (e.facts ?? []).map((f) => f.value),
  );
}

/** Markdown syntax that is not backslash-escaped. */
export const UNESCAPED_MARKDOWN = /(^|[^\\])(\\\\)*[[\]()*_`<>{}!|~]/;

export function ownLogText(api: ActivityFeedApi): string {
  const read = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? read(path.join(dir, e.name)) : [fs.readFileSync(path.join(dir, e.name), 'utf8')]))
      : [];
  return read(api.logDirectory).join('\n');
}

/** Characters that hide, reorder or break text; none may reach a sink. */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Runs `work` while a timer ticks every 50 ms; resolves with its result and the longest the host left a tick waiting. */
export async function withHostLag<T>(work: () => Thenable<T>): Promise<{ result: T; worstLagMs: number }> {
  let worstLagMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - last - 50);
    last = now;
  }, 50);
  try {
    return { result: await work(), worstLagMs };
  } finally {
    clearInterval(ticker);
  }
}
