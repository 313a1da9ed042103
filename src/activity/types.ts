// Inputs of the mapper: what the editor knows about a file, and how the user wants it published.
import type { CursorPosition, Session } from '../tracking/types';
import type { GitHostKind } from './gitRemote';
import type { GitInfo } from '../git/gitInfo';
import type { PrivacyLevel } from '../privacy/disclosure';

export interface ActivityInput {
  /** The document URI (`file:///…`, `vscode-remote://…`) or an absolute path (`/home/…`, `c:\…`). */
  documentUri: string;
  workspaceFolderName?: string;
  /** Path relative to the workspace folder, `/`-separated. */
  relativePath?: string;
  languageId: string;
  git?: GitInfo;
  /** Where the user left off; zero-based like the editor API. */
  cursor?: CursorPosition;
  /** This document's sessions; each becomes one history item. */
  sessions: readonly Session[];
}

export interface ActivityTemplates {
  displayText?: string;
  description?: string;
}

export interface MappingOptions {
  privacy: PrivacyLevel;
  /** Replace the privacy level's default templates; a template that uses a withheld variable is not used. */
  templates?: ActivityTemplates;
  activitySourceHost: string;
  /** `#RGB` or `#RRGGBB`. */
  backgroundColor?: string;
  /** https URL of the icon shown with the activity. */
  iconUrl?: string;
  /** The running editor's URL scheme (`vscode`, `vscode-insiders`, `cursor`, …). */
  uriScheme: string;
  /** The running editor's name (`Visual Studio Code`). */
  appName: string;
  /** Set in a remote window (`ssh-remote+box`, `wsl+Ubuntu`), for local `file:` URIs of the remote side. */
  remoteAuthority?: string;
  /** IANA zone; defaults to the runtime's zone; omitted if not a valid IANA id. */
  timezone?: string;
  /** Per-user secret (at least 16 bytes) for the keyed hashes of the private levels. */
  idKey: string | Uint8Array;
  /** A name the user chose for the workspace, the only workspace label shown at the `private` level. */
  workspaceAlias?: string;
  /** Epoch ms; dates the card when there is no session, and is the time of the write. */
  now: number;
  /** Days after its last activity Graph is asked to keep each session (history item); unset: the service decides. */
  keepDays?: number;
  /** Self-hosted git servers: host (lowercase) → kind, for fallback URLs. */
  gitHosts?: Readonly<Record<string, GitHostKind>>;
  /** `publisher.name` for the extension's own links; defaults to EXTENSION_ID. */
  extensionId?: string;
}
