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
    graph: {
      endpoint: userValue(config, 'graph.endpoint'),
      requestTimeoutSeconds: userValue(config, 'graph.requestTimeoutSeconds'),
      writesPerFiveMinutes: userValue(config, 'graph.writesPerFiveMinutes'),
      writesPerDay: userValue(config, 'graph.writesPerDay'),
      maxAttempts: userValue(config, 'graph.maxAttempts'),
    },
    auth: {
      method: userValue(config, 'auth.method'),
      clientId: userValue(config, 'auth.clientId'),
      tenant: userValue(config, 'auth.tenant'),
      authorityHost: userValue(config, 'auth.authorityHost'),
    },
    // Publishing is one job shared by every window (one outbox), so only the user's settings drive it.
    publish: {
      mode: userValue(config, 'publish.mode'),
      finishedDelaySeconds: userValue(config, 'publish.finishedDelaySeconds'),
      intervalSeconds: userValue(config, 'publish.intervalSeconds'),
      onWindowBlur: userValue(config, 'publish.onWindowBlur'),
      onShutdown: userValue(config, 'publish.onShutdown'),
      maxQueuedSessions: userValue(config, 'publish.maxQueuedSessions'),
    },
  };
  return parseSettings(raw);
}

/** Fires when any of the extension's settings change. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener();
  });
}
