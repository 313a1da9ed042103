import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';

describe('the packaged .vsix installed in the real editor', () => {
  it('is installed from the extensions folder, not from the source tree', () => {
    const extension = vscode.extensions.getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed');
    assert.ok(extension, 'the installed extension is not known to the editor');
    const installedIn = path.dirname(extension.extensionPath);
    assert.equal(path.basename(installedIn), 'exts', `extension path: ${extension.extensionPath}`);
  });

  it('activates from its bundle and registers its commands', async () => {
    const extension = vscode.extensions.getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed');
    assert.ok(extension);
    const api = await extension.activate();
    assert.equal(api.version, (extension.packageJSON as { version: string }).version);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('activityFeed.showLog'), 'Show Log is not registered');
  });

  it('loads the rest of the extension from the package: the services bundle answers, and a command runs', async () => {
    const api = (await vscode.extensions
      .getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed')
      ?.activate()) as ActivityFeedApi;
    // Reading it builds the services from dist/services.js, which a package without that file cannot do.
    assert.equal(api.auth.state.kind, 'notConfigured');
    assert.equal(
      await vscode.commands.executeCommand('activityFeed.showPending'),
      0,
      'Show Pending ran and found nothing waiting',
    );
  });
});
