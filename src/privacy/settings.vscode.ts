// `activityFeed.privacy` as each settings scope holds it: read at activation for every recorded session, so it has a
// module of its own, apart from the full settings (src/settings/readSettings.vscode.ts), which load later.
import type { Uri } from 'vscode';
import type { PrivacySources } from './floor';
import { settingsAt, type SettingsReader } from '../platform/settings.vscode';

/** `activityFeed.privacy` as each scope holds it, for the resource the settings were read for. */
export function readPrivacySources(config: SettingsReader): PrivacySources {
  const privacy = config.inspect('privacy');
  return { user: privacy?.globalValue, workspace: privacy?.workspaceValue, folder: privacy?.workspaceFolderValue };
}

/** Reads `activityFeed.privacy` for one document (its folder's settings apply), scope by scope. */
export function readPrivacySourcesFor(documentUri: Uri): PrivacySources {
  return readPrivacySources(settingsAt('', documentUri));
}
