// One activity per file: the id is derived from what identifies the file everywhere the user works.
import { createHash } from 'node:crypto';
import type { DocumentLocation } from './documentLocation';
import { documentIdentity } from './documentLocation';
import type { GitRemote } from './gitRemote';
import { keyedHash } from './keyedHash';
import { LIMITS } from './limits';

export interface FileIdentitySource {
  location: DocumentLocation;
  /** Parsed remote of the file's repository, when it has one. */
  remote?: GitRemote;
  /** Path inside the repository, `/`-separated. */
  repoRelativePath?: string;
}

/**
 * `repo:<host>/<repository path>/<file path>` for a file in a repository with a remote (the same on every clone),
 * else the document URI itself (`file:///…`, `vscode-remote://…`).
 */
export function fileIdentity(source: FileIdentitySource): string {
  if (source.remote && source.repoRelativePath) {
    return `repo:${source.remote.identity}/${source.repoRelativePath.replace(/^\/+/, '')}`;
  }
  return documentIdentity(source.location);
}

/** The readable identity itself, or its prefix and SHA-256 when it would be too long. */
export function readableAppActivityId(identity: string): string {
  if (identity.length <= LIMITS.appActivityId) return identity;
  const prefix = identity.slice(0, identity.indexOf(':') + 1);
  return `${prefix}sha256:${createHash('sha256').update(identity, 'utf8').digest('hex')}`;
}

/**
 * Names nothing: `h:` and the HMAC-SHA256 of the identity under the user's key. The key is synced across the
 * user's machines, so the same repository file still gets the same id everywhere.
 */
export function privateAppActivityId(identity: string, key: string | Uint8Array): string {
  return `h:${keyedHash(key, identity)}`;
}
