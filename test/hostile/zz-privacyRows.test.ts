// Hostile tier, first window: the privacy rows. A repository's settings try to loosen the person's privacy; these
// rules (the user's level as a floor, per-folder levels, exclusions as a union of scopes, purging) are built on
// their own branch, so these tests live apart from the inert-text ones and fail honestly until that work is in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { publishNow, typeAndDeliver, waitFor } from '../integration/helpers';
import {
  FLOOR_FILE,
  HOSTILE_BRANCH,
  HOSTILE_FOLDER,
  LATE_EXCLUDED_FILE,
  PRIVATE_FILE,
  PRIVATE_FILE_FOR_SECOND_WINDOW,
  PRIVATE_FOLDER,
  USER_EXCLUDED_FILE,
  USER_EXCLUDED_FOLDER,
} from './shared';
import { fileIn, session, signedInApi, storedActivities } from './support';

const stem = (name: string) => name.replace(/\.[a-z]+$/, '');

describe('hostile repository: privacy rows', function () {
  this.timeout(240_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;

  before(async () => {
    api = await signedInApi(admin);
  });

  it('a workspace at "full" while the user never set privacy publishes at the user’s level (fileNameOnly)', async () => {
    await session(api, fileIn(HOSTILE_FOLDER, FLOOR_FILE));
    assert.equal((await publishNow()).outcome, 'done');
    const activity = (await storedActivities(admin)).find((a) => JSON.stringify(a).includes(stem(FLOOR_FILE)));
    assert.ok(activity, 'the file is published (its name is allowed at fileNameOnly)');
    const text = JSON.stringify(activity);
    assert.ok(!text.includes(HOSTILE_FOLDER), `its folder is withheld: ${activity.visualElements?.description}`);
    assert.ok(!text.includes(HOSTILE_BRANCH.slice(0, 4) + '[Click]'), 'its branch is withheld');
  });

  it('a folder of a multi-root workspace that sets "private" has its files published at private', async () => {
    await session(api, fileIn(PRIVATE_FOLDER, PRIVATE_FILE));
    assert.equal((await publishNow()).outcome, 'done');
    assert.ok(
      !JSON.stringify(await storedActivities(admin)).includes(stem(PRIVATE_FILE)),
      'the private folder’s file name never left',
    );
  });

  it('"exclude": [] and "enabled": true in the workspace cannot undo the user’s exclusion', async () => {
    const uri = fileIn(HOSTILE_FOLDER, `${USER_EXCLUDED_FOLDER}/${USER_EXCLUDED_FILE}`);
    for (let i = 0; i < 3; i++) {
      await typeAndDeliver(uri, 'x');
    }
    assert.notEqual(api.tracking.currentSession()?.documentUri, uri.toString(), 'no session runs for the excluded file');
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    assert.deepEqual(
      api.tracking.pendingSessions().filter((s) => s.documentUri === uri.toString()),
      [],
    );
  });

  it('an exclusion added after sessions were queued purges them: they are never published', async () => {
    const uri = fileIn(HOSTILE_FOLDER, LATE_EXCLUDED_FILE);
    await session(api, uri);
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.documentUri === uri.toString()),
      'the session was queued',
    );
    const config = vscode.workspace.getConfiguration('activityFeed.tracking');
    const user = (config.inspect<string[]>('exclude')?.globalValue ?? []).slice();
    await config.update('exclude', [...user, `**/${stem(LATE_EXCLUDED_FILE)}*`], vscode.ConfigurationTarget.Global);
    await waitFor(
      'the queued session to be purged',
      () => (api.tracking.pendingSessions().some((s) => s.documentUri === uri.toString()) ? undefined : true),
      15_000,
    );
    await publishNow();
    assert.ok(!JSON.stringify(await storedActivities(admin)).includes(stem(LATE_EXCLUDED_FILE)));
  });

  it('leaves a session of the private folder queued for the second window (published there at full)', async () => {
    const uri = fileIn(PRIVATE_FOLDER, PRIVATE_FILE_FOR_SECOND_WINDOW);
    await session(api, uri);
    assert.ok(api.tracking.pendingSessions().some((s) => s.documentUri === uri.toString()));
  });
});
