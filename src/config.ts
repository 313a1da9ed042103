// Reads every contributed setting (but tracking's, which the tracker reads) into one typed, validated view.
import * as vscode from 'vscode';
import { parseSettings, RawSettings, SettingsReport } from './settings';

const SECTION = 'activityFeed';

/** Only the user's own value (settings.json of the user), never a workspace's: for settings that route tokens. */
function userValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  return config.inspect(key)?.globalValue;
}

export function readSettings(resource?: vscode.Uri): SettingsReport {
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const privacy = config.inspect('privacy');
  const workspacePrivacy = privacy?.workspaceFolderValue ?? privacy?.workspaceValue;
  const raw: RawSettings = {
    privacy: { user: privacy?.globalValue, workspace: workspacePrivacy },
    workspaceAlias: config.get('workspaceAlias'),
    displayTextTemplate: config.get('displayTextTemplate'),
    descriptionTemplate: config.get('descriptionTemplate'),
    backgroundColor: config.get('backgroundColor'),
    iconUrl: userValue(config, 'iconUrl'),
    timezone: userValue(config, 'timezone'),
    activitySourceHost: userValue(config, 'activitySourceHost'),
    // The budget and retry numbers become settings with the publisher; until then the client's defaults apply.
    graph: { endpoint: userValue(config, 'graph.endpoint') },
  };
  return parseSettings(raw);
}

/** Fires when any of the extension's settings change. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
}
