// What a privacy confirmation names: not only the path of the workspace or folder, but the settings that asked and
// the repository at that path, so another repository cloned or unpacked there later does not inherit the looser level.
// Pure. Loaded by the services only (node:crypto costs activation several milliseconds at require()).
import { createHash } from 'node:crypto';
import type { PrivacyLevel } from './disclosure';

export interface AskedIdentity {
  /** URI of the workspace or folder the confirmation is kept under. */
  path: string;
  /** URI of the settings file that asks: the `.code-workspace` file, or the folder's `.vscode/settings.json`. */
  settingsFile: string;
  level: PrivacyLevel;
  /** The repository's remote (src/git/readRepository.ts); undefined outside git or without a remote. */
  remoteUrl?: string;
}

/** Bumped when the fields change, so identities of another shape never match. */
const VERSION = 'privacy-identity/1';

/** A SHA-256 of every field: the store never holds the remote URL itself, which may carry a token. */
export function privacyIdentity({ path, settingsFile, level, remoteUrl }: AskedIdentity): string {
  const fields = JSON.stringify([VERSION, path, settingsFile, level, remoteUrl ?? null]);
  return createHash('sha256').update(fields).digest('hex');
}

/** The settings file behind a workspace or folder URI: a workspace file asks itself, a folder through its settings. */
export function settingsFileOf(owner: string): string {
  if (owner.endsWith('.code-workspace')) return owner;
  return `${owner.endsWith('/') ? owner.slice(0, -1) : owner}/.vscode/settings.json`;
}
