// Reads a document URI (`file:///c%3A/x.ts`, `vscode-remote://ssh-remote%2Bbox/home/x.ts`, `untitled:Untitled-1`)
// or a bare absolute path (`/home/x.ts`, `c:\x\y.ts`) into scheme, authority and a decoded `/`-separated path.

export interface DocumentLocation {
  scheme: string;
  /** Decoded authority, e.g. `ssh-remote+box` or a UNC server; empty when there is none. */
  authority: string;
  /** Decoded path with forward slashes; Windows drive paths as `/c:/x/y`. */
  path: string;
}

export function parseDocumentLocation(uriOrPath: string): DocumentLocation {
  if (/^[a-zA-Z]:[\\/]/.test(uriOrPath)) return { scheme: 'file', authority: '', path: `/${uriOrPath.replace(/\\/g, '/')}` };
  if (/^\\\\[^\\]+\\/.test(uriOrPath)) {
    const [server = '', ...rest] = uriOrPath.slice(2).split('\\');
    return { scheme: 'file', authority: server, path: `/${rest.join('/')}` };
  }
  if (uriOrPath.startsWith('/')) return { scheme: 'file', authority: '', path: uriOrPath };
  const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/.exec(uriOrPath);
  if (!match) return { scheme: 'file', authority: '', path: uriOrPath };
  return { scheme: (match[1] ?? '').toLowerCase(), authority: safeDecode(match[2] ?? ''), path: safeDecode(match[3] ?? '') };
}

/**
 * In a remote window the extension may see the remote side's files as plain `file:` URIs; they are located as
 * `vscode-remote://<authority>/…`, both for links and so that equal paths on different machines stay apart.
 */
export function inWindow(location: DocumentLocation, remoteAuthority: string | undefined): DocumentLocation {
  if (!remoteAuthority || location.scheme !== 'file' || location.authority !== '') return location;
  return { scheme: 'vscode-remote', authority: remoteAuthority, path: location.path };
}

/** A stable textual identity for the document: lowercase scheme and drive letter, decoded path. */
export function documentIdentity(location: DocumentLocation): string {
  const path = location.path.replace(/^\/([A-Z]):/, (_whole, drive: string) => `/${drive.toLowerCase()}:`);
  return `${location.scheme}://${location.authority}${path}`;
}

/** Last path segment. */
export function baseName(path: string): string {
  const trimmed = path.replace(/(?<!\/)\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** File name without its last extension; dotfiles (`.env`) keep their name. */
export function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** Name of the directory that holds the file, or '' at the root. */
export function parentFolderName(path: string): string {
  const trimmed = path.replace(/(?<!\/)\/+$/, '');
  return baseName(trimmed.slice(0, Math.max(0, trimmed.lastIndexOf('/'))));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
