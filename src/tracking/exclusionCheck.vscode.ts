// Whether a document (by URI string) is excluded now, for purging what was queued before an exclusion was added.
// A window's workspace and folder settings govern only its own folders: for a document of another window (queued in
// the shared outbox) only the person's user settings apply here, so one repository cannot purge another's sessions.
import { Uri, workspace } from 'vscode';
import { settingsAt } from '../platform/settings.vscode';
import { isExcluded } from './documentFilter';
import { combineExclusionScopes } from './exclusionSettings';

export function isDocumentExcluded(documentUri: string): boolean {
  const uri = Uri.parse(documentUri);
  const settings = settingsAt('tracking', uri);
  const inWorkspace = workspace.getWorkspaceFolder(uri) !== undefined;
  const scoped = <T>(inspected: { globalValue?: T } | undefined) =>
    inWorkspace ? inspected : { globalValue: inspected?.globalValue };
  const exclusions = combineExclusionScopes(
    scoped(settings.inspect<unknown>('enabled')),
    scoped(settings.inspect<unknown>('exclude')),
  ).settings;
  return isExcluded(
    {
      relativePath: inWorkspace ? workspace.asRelativePath(uri, false) : undefined,
      absolutePath: uri.scheme === 'file' ? uri.fsPath : uri.path,
    },
    exclusions,
  );
}
