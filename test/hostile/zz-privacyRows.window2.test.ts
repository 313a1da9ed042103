// Hostile tier, second window on the same user data (so the same outbox), with the user's privacy at "full" and a
// pathological exclude pattern: privacy rows (see zz-privacyRows.test.ts for why they live apart).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { publishNow, typeInto } from '../integration/helpers';
import { DEEP_PATH_SEGMENTS, PATHOLOGICAL_GLOB, PRIVATE_FILE_FOR_SECOND_WINDOW } from './shared';
import { signedInApi, storedActivities } from './support';

describe('hostile repository: privacy rows in a second window', function () {
  this.timeout(240_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;

  before(async () => {
    api = await signedInApi(admin);
  });

  it('publishes the shared outbox at "full", and the session recorded at "private" goes out at private', async () => {
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.documentUri.includes('merger-memo-pw5j')),
      'the first window’s session waits in the shared outbox',
    );
    assert.equal((await publishNow()).outcome, 'done');
    assert.ok(
      !JSON.stringify(await storedActivities(admin)).includes(PRIVATE_FILE_FOR_SECOND_WINDOW.replace('.md', '')),
      'its name never left',
    );
  });

  it('keeps answering with a pathological exclude pattern configured: a command returns within 2 s', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const deep = vscode.Uri.joinPath(folder.uri, ...Array<string>(DEEP_PATH_SEGMENTS).fill('a'), 'deep.ts');
    // Liveness bounds, not speed figures: a backtracking matcher needs minutes at this depth, and the extension host
    // runs nothing else meanwhile. The deep file is opened and the pattern configured first; then an edit of that
    // file (which the extension matches against the pattern) must be handled, and a command answered in 2 s.
    await typeInto(deep, 'x');
    const config = vscode.workspace.getConfiguration('activityFeed.tracking');
    await config.update(
      'exclude',
      [...(config.inspect<string[]>('exclude')?.globalValue ?? []), PATHOLOGICAL_GLOB],
      vscode.ConfigurationTarget.Global,
    );
    const editStarted = Date.now();
    await typeInto(deep, 'x');
    const edit = Date.now() - editStarted;
    const commandStarted = Date.now();
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const command = Date.now() - commandStarted;
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    assert.ok(edit < 30_000, `an edit of the deep file took ${edit} ms to be handled`);
    assert.ok(command < 2_000, `a command took ${command} ms to return after an edit of the deep file`);
  });
});
