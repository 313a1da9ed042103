// The privacy level of each document, resolved with the document's own settings (a multi-root folder governs its
// files) over the person's floor. A workspace asking for a looser level is handed to `ask` (src/privacy/questions.vscode.ts,
// which loads after activation); until the person allows it, for these settings and this repository (a confirmation
// names both, src/privacy/identity.ts), the stricter level applies.
import { Uri, workspace as vscodeWorkspace } from 'vscode';
import type { PrivacyLevel } from './disclosure';
import { resolvePrivacy, type PrivacyRequest } from './floor';
import { readPrivacySourcesFor } from './settings.vscode';
import type { PrivacyOverrides, SettingsOwners } from './overrides';

/** A looser level a workspace or folder asks for, with the owners of the document's settings and the person's floor. */
export interface PrivacyQuestion {
  request: PrivacyRequest;
  owners: SettingsOwners;
  floor: PrivacyLevel;
}

export class WorkspacePrivacy {
  readonly #overrides: PrivacyOverrides;
  readonly #reportProblems: (source: string, problems: string[]) => void;
  readonly #ask: (question: PrivacyQuestion) => void;

  constructor(
    overrides: PrivacyOverrides,
    reportProblems: (source: string, problems: string[]) => void,
    ask: (question: PrivacyQuestion) => void,
  ) {
    this.#overrides = overrides;
    this.#reportProblems = reportProblems;
    this.#ask = ask;
  }

  /** The level that applies to this document now. Asks the person about any looser level a workspace wants. */
  levelFor(documentUri: string): PrivacyLevel {
    const uri = Uri.parse(documentUri);
    const owners = ownersOf(uri);
    const sources = readPrivacySourcesFor(uri);
    const resolution = resolvePrivacy(sources, this.#overrides.grantsFor(owners, sources));
    this.#reportProblems(`privacy ${owners.folder ?? owners.workspace ?? ''}`, resolution.problems);
    for (const request of resolution.requests) this.#ask({ request, owners, floor: resolution.floor });
    return resolution.level;
  }
}

/** The `.code-workspace` file (or, in a single-folder window, the folder) and the folder holding the document. */
export function ownersOf(uri: Uri): SettingsOwners {
  const folder = vscodeWorkspace.getWorkspaceFolder(uri)?.uri.toString();
  const workspace =
    vscodeWorkspace.workspaceFile?.toString() ??
    (vscodeWorkspace.workspaceFolders?.length === 1 ? vscodeWorkspace.workspaceFolders[0].uri.toString() : undefined);
  return { ...(workspace !== undefined ? { workspace } : {}), ...(folder !== undefined ? { folder } : {}) };
}
