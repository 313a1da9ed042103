import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';

export const EXTENSION_ID = 'activity-feed.graph-activity-feed';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { title: string; properties: Record<string, { default?: unknown; scope?: string }> }[];
    views?: Record<string, { id: string }[]>;
  };
}

function extension(): vscode.Extension<ActivityFeedApi> {
  const found = vscode.extensions.getExtension<ActivityFeedApi>(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not loaded in this editor`);
  return found;
}

describe('extension in the real editor', () => {
  it('activates without errors and returns its API', async () => {
    const api = await extension().activate();
    assert.equal(extension().isActive, true);
    assert.equal(api.version, (extension().packageJSON as { version: string }).version);
    assert.ok(api.activationMs >= 0 && api.activationMs < 2000, `activation took ${api.activationMs} ms`);
  });

  it('registers every contributed command, and contributes every command it registers', async () => {
    await extension().activate();
    const manifest = extension().packageJSON as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    // The workbench adds its own commands for each contributed view (focus, reset location, …); they are not ours.
    const viewIds = new Set(
      Object.values(manifest.contributes.views ?? {})
        .flat()
        .map((v) => v.id),
    );
    const byWorkbench = (command: string) =>
      [...viewIds].some(
        (id) =>
          command.startsWith(`${id}.`) &&
          /\.(focus|resetViewLocation|toggleVisibility|removeView|open\.view)$/.test(command) &&
          !contributed.includes(command),
      );
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('activityFeed.') && !byWorkbench(c))
      .sort();
    assert.ok(contributed.length > 0, 'the manifest contributes no command');
    assert.deepEqual(registered, contributed);
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Activity Feed', `${command.command} has no category`);
    }
  });

  it('gives every contributed setting the default documented in the manifest', async () => {
    await extension().activate();
    const manifest = extension().packageJSON as Manifest;
    const configuration = vscode.workspace.getConfiguration();
    const keys = manifest.contributes.configuration.flatMap((section) => Object.entries(section.properties));
    assert.ok(keys.length > 0, 'the manifest contributes no setting');
    for (const [key, schema] of keys) {
      const inspected = configuration.inspect(key);
      assert.ok(inspected, `setting ${key} is unknown to the editor`);
      assert.deepEqual(inspected.defaultValue, schema.default, `default of ${key}`);
    }
  });
});
