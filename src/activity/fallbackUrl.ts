// The file's page on its git host, at the current commit (stable) or else the branch.
import type { GitRemote } from './gitRemote';
import { encodePath, encodeRfc2396 } from '../text/percentEncoding';

export interface RepositoryLocation {
  /** Path inside the repository, `/`-separated, no leading slash. */
  repoRelativePath: string;
  commit?: string;
  branch?: string;
  /** 1-based line to point at. */
  line?: number;
}

export function buildFallbackUrl(remote: GitRemote, location: RepositoryLocation): string | undefined {
  if (!remote.kind || !remote.webUrl) return undefined;
  const ref = location.commit ?? location.branch;
  if (!ref) return undefined;
  const filePath = location.repoRelativePath.replace(/^\/+/, '');
  const line = location.line;
  switch (remote.kind) {
    case 'github':
      return `${remote.webUrl}/blob/${encodePath(ref)}/${encodePath(filePath)}${line ? `#L${line}` : ''}`;
    case 'gitlab':
      return `${remote.webUrl}/-/blob/${encodePath(ref)}/${encodePath(filePath)}${line ? `#L${line}` : ''}`;
    case 'bitbucket':
      return `${remote.webUrl}/src/${encodePath(ref)}/${encodePath(filePath)}${line ? `#lines-${line}` : ''}`;
    case 'azure': {
      const version = location.commit ? `GC${location.commit}` : `GB${location.branch ?? ''}`;
      const queryPath = `/${filePath}`.split('/').map(encodeRfc2396).join('/');
      return `${remote.webUrl}?path=${queryPath}&version=${encodeRfc2396(version)}${line ? `&line=${line}` : ''}`;
    }
  }
}
