// Everything about the file that may be shown, already filtered by the privacy level. Texts, card and
// contentInfo are all built from these facts only, so a withheld detail cannot slip into one of them.
import type { DocumentLocation } from '../links/documentLocation';
import { baseName, parentFolderName, stemOf } from '../links/documentLocation';
import type { GitRemote } from './gitRemote';
import { languageDisplayName } from './languageName';
import type { Disclosure } from '../privacy/disclosure';
import type { TemplateValues } from './template';
import type { ActivityInput } from './types';

export interface FileFacts {
  language: string;
  languageId: string;
  appName: string;
  workspaceAlias?: string;
  fileName?: string;
  fileStem?: string;
  relativePath?: string;
  folder?: string;
  workspace?: string;
  repository?: string;
  branch?: string;
  /** The repository's web page. */
  repositoryUrl?: string;
}

export interface FactSources {
  input: ActivityInput;
  location: DocumentLocation;
  remote?: GitRemote;
  disclosure: Disclosure;
  appName: string;
  workspaceAlias?: string;
}

export function discloseFacts({ input, location, remote, disclosure, appName, workspaceAlias }: FactSources): FileFacts {
  const fileName = baseName(location.path) || undefined;
  const relativePath = input.relativePath ?? input.git?.repoRelativePath;
  const facts: FileFacts = {
    language: languageDisplayName(input.languageId),
    languageId: input.languageId,
    appName,
    ...(workspaceAlias ? { workspaceAlias } : {}),
  };
  if (disclosure.fileName && fileName) Object.assign(facts, { fileName, fileStem: stemOf(fileName) });
  if (disclosure.directories) {
    Object.assign(facts, {
      ...(relativePath ? { relativePath } : {}),
      ...(parentFolderName(location.path) ? { folder: parentFolderName(location.path) } : {}),
      ...(input.workspaceFolderName ? { workspace: input.workspaceFolderName } : {}),
    });
  }
  if (disclosure.repository) {
    Object.assign(facts, {
      ...(remote ? { repository: remote.name } : {}),
      ...(remote?.webUrl ? { repositoryUrl: remote.webUrl } : {}),
      ...(input.git?.branch ? { branch: input.git.branch } : {}),
    });
  }
  return facts;
}

export function templateValues(facts: FileFacts): TemplateValues {
  const {
    language,
    languageId,
    appName,
    workspaceAlias,
    fileName,
    fileStem,
    relativePath,
    folder,
    workspace,
    repository,
    branch,
  } = facts;
  return {
    language,
    languageId,
    appName,
    workspaceAlias,
    fileName,
    fileStem,
    relativePath,
    folder,
    workspace,
    repository,
    branch,
  };
}
