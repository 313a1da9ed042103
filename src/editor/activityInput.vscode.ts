// What the mapper needs about one document, collected from the editor: workspace folder, git facts, the
// editor's own URL scheme and name. Called when payloads are built, never per event.
import { posix } from 'node:path';
import { Uri, env, workspace } from 'vscode';
import type { ActivityInput, MappingOptions } from '../activity/types';
import { readRepository } from '../git/readRepository';
import type { ContentSettings } from '../settings/validSettings';
import type { CursorPosition, Session } from '../tracking/types';

export function activityInputFor(documentUri: string, sessions: readonly Session[], cursor?: CursorPosition): ActivityInput {
  const uri = Uri.parse(documentUri);
  const folder = workspace.getWorkspaceFolder(uri);
  const relativePath = folder ? posix.relative(folder.uri.path, uri.path) : undefined;
  const git = uri.scheme === 'file' ? readRepository(uri.fsPath) : undefined;
  const last = sessions[sessions.length - 1];
  return {
    documentUri,
    ...(folder ? { workspaceFolderName: folder.name } : {}),
    ...(relativePath && !relativePath.startsWith('..') ? { relativePath } : {}),
    languageId: last?.languageId ?? 'plaintext',
    ...(git
      ? { git: { remoteUrl: git.remoteUrl, branch: git.branch, commit: git.commit, repoRelativePath: git.repoRelativePath } }
      : {}),
    ...((cursor ?? last?.cursor) ? { cursor: cursor ?? last?.cursor } : {}),
    sessions,
  };
}

/** The remote authority of a remote window (`ssh-remote+box`), from a workspace folder's URI when it shows one. */
export function remoteAuthority(): string | undefined {
  if (!env.remoteName) return undefined;
  const remoteFolder = workspace.workspaceFolders?.find((f) => f.uri.scheme === 'vscode-remote');
  return remoteFolder?.uri.authority || env.remoteName;
}

export function mappingOptionsFor(content: ContentSettings, idKey: string, extensionId: string): MappingOptions {
  const authority = remoteAuthority();
  return {
    privacy: content.privacy,
    templates: {
      ...(content.displayTextTemplate ? { displayText: content.displayTextTemplate } : {}),
      ...(content.descriptionTemplate ? { description: content.descriptionTemplate } : {}),
    },
    activitySourceHost: content.activitySourceHost,
    backgroundColor: content.backgroundColor,
    ...(content.iconUrl ? { iconUrl: content.iconUrl } : {}),
    uriScheme: env.uriScheme,
    appName: env.appName,
    ...(authority ? { remoteAuthority: authority } : {}),
    ...(content.timezone ? { timezone: content.timezone } : {}),
    ...(content.keepDays > 0 ? { keepDays: content.keepDays } : {}),
    idKey,
    ...(content.workspaceAlias ? { workspaceAlias: content.workspaceAlias } : {}),
    now: Date.now(),
    extensionId,
  };
}

/** The editor's side of planning for this extension: each document's facts, and the mapper's options. */
export function planningFacts(
  idKey: string,
  extensionId: string,
): {
  activityInput: typeof activityInputFor;
  mappingOptions(content: ContentSettings): MappingOptions;
} {
  return { activityInput: activityInputFor, mappingOptions: (content) => mappingOptionsFor(content, idKey, extensionId) };
}
