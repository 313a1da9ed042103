// One activity per file: the id is derived from what identifies the file everywhere the user works.
import { createHash } from 'node:crypto';
import type { DocumentLocation } from '../links/documentLocation';
import { documentIdentity } from '../links/documentLocation';
import type { GitRemote } from './gitRemote';
import { keyedHash } from './keyedHash';
import { LIMITS } from './limits';
import { fromUnreservedId, toUnreservedId } from './unreservedId';

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

/**
 * The readable identity in unreserved characters (`repo!github.com~owner~app~lib~a.ts`), or its prefix and SHA-256
 * (`repo!sha256!…`) when that would be too long.
 */
export function readableAppActivityId(identity: string): string {
  const readable = toUnreservedId(identity);
  if (readable.length <= LIMITS.appActivityId) return readable;
  const prefix = identity.slice(0, identity.indexOf(':') + 1);
  return toUnreservedId(`${prefix}sha256:${createHash('sha256').update(identity, 'utf8').digest('hex')}`);
}

/**
 * Names nothing: `h!` and the HMAC-SHA256 of the identity under the user's key. The key is synced across the
 * user's machines, so the same repository file still gets the same id everywhere.
 */
export function privateAppActivityId(identity: string, key: string | Uint8Array): string {
  return `h!${keyedHash(key, identity)}`;
}

/**
 * The id earlier versions gave the same file (`h:…`, `repo:github.com/…`, which need percent-encoding), so an
 * activity published under it keeps being the file's one activity. Undefined when there was no other.
 */
export function legacyAppActivityId(appActivityId: string): string | undefined {
  const legacy = fromUnreservedId(appActivityId);
  return legacy !== undefined && legacy !== appActivityId ? legacy : undefined;
}
