// Turns the many spellings of one git remote (https, ssh://, scp-like `git@host:path`, with or without
// credentials, `.git` or a port) into one machine-independent identity and, for known hosts, a web address.

export type GitHostKind = 'github' | 'gitlab' | 'bitbucket' | 'azure';

export interface GitRemote {
  /** Lowercase host name, without credentials or port. */
  host: string;
  /** Repository path on the host, e.g. `owner/repo` (no leading slash, no `.git`), percent-decoded. */
  path: string;
  /** `host/path`: the same for every clone of the repository, on any machine and over any protocol. */
  identity: string;
  /** Last segment of the path. */
  name: string;
  kind?: GitHostKind;
  /** The repository's home page, for known hosts. */
  webUrl?: string;
}

const KNOWN_HOSTS: Record<string, GitHostKind> = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucket',
  'dev.azure.com': 'azure',
};

interface RawRemote {
  scheme: string;
  host: string;
  port?: string;
  path: string;
}

export function parseGitRemote(remoteUrl: string, extraHosts: Readonly<Record<string, GitHostKind>> = {}): GitRemote | undefined {
  const raw = splitRemote(remoteUrl.trim());
  if (!raw) return undefined;
  const segments = raw.path
    .replace(/(?<!\/)\/+$/, '')
    .replace(/\.git$/i, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeDecode);
  if (segments.length === 0) return undefined;
  const azure = toAzure(raw.host, segments);
  if (azure) return azure;

  const kind = KNOWN_HOSTS[raw.host] ?? extraHosts[raw.host];
  const path = segments.join('/');
  // Only a web remote's port points at the web server; an ssh port says nothing about it.
  const webPort = raw.port && (raw.scheme === 'https' || raw.scheme === 'http') ? `:${raw.port}` : '';
  return {
    host: raw.host,
    path,
    identity: `${raw.host}/${path}`,
    name: segments[segments.length - 1] ?? path,
    ...(kind ? { kind, webUrl: `https://${raw.host}${webPort}/${segments.map(encodeURIComponent).join('/')}` } : {}),
  };
}

function splitRemote(url: string): RawRemote | undefined {
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (withScheme) {
    const scheme = (withScheme[1] ?? '').toLowerCase();
    if (scheme === 'file') return undefined;
    const authority = withScheme[2] ?? '';
    const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
    const hostPort = /^(\[[^\]]+\]|[^:]+)(?::(\d*))?$/.exec(hostAndPort);
    if (!hostPort?.[1]) return undefined;
    return { scheme, host: hostPort[1].toLowerCase(), ...(hostPort[2] ? { port: hostPort[2] } : {}), path: withScheme[3] ?? '' };
  }
  // scp-like: [user@]host:path. A one-letter "host" is a Windows drive (c:\repo), not a remote.
  const scpLike = /^(?:[^@/\\]+@)?([^@:/\\]{2,}):(?!\/\/)(.+)$/.exec(url);
  if (scpLike?.[1] && scpLike[2]) return { scheme: 'ssh', host: scpLike[1].toLowerCase(), path: scpLike[2] };
  return undefined;
}

// Azure Repos has four spellings of one repository; all map onto dev.azure.com/{org}/{project}/_git/{repo}.
function toAzure(host: string, segments: string[]): GitRemote | undefined {
  let parts: [string, string, string] | undefined;
  if (host === 'dev.azure.com' && segments.length === 4 && segments[2] === '_git') {
    parts = [segments[0] ?? '', segments[1] ?? '', segments[3] ?? ''];
  } else if (
    (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') &&
    segments.length === 4 &&
    segments[0] === 'v3'
  ) {
    parts = [segments[1] ?? '', segments[2] ?? '', segments[3] ?? ''];
  } else if (host.endsWith('.visualstudio.com')) {
    const rest = segments[0]?.toLowerCase() === 'defaultcollection' ? segments.slice(1) : segments;
    if (rest.length === 3 && rest[1] === '_git')
      parts = [host.slice(0, -'.visualstudio.com'.length), rest[0] ?? '', rest[2] ?? ''];
  }
  if (!parts) return undefined;
  const [organization, project, repository] = [parts[0].toLowerCase(), parts[1], parts[2]];
  const path = `${organization}/${project}/_git/${repository}`;
  return {
    host: 'dev.azure.com',
    path,
    identity: `dev.azure.com/${path}`,
    name: repository,
    kind: 'azure',
    webUrl: `https://dev.azure.com/${[organization, project, '_git', repository].map(encodeURIComponent).join('/')}`,
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
