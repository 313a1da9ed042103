// Reads back where an activity's activationUrl points, so the view can open the same place the feed would.
// Pure: the editor adapter turns the result into a document and a selection.
import { OPEN_ACTIVITY_PATH } from './activationUrl';
import type { CursorPosition } from '../tracking/types';

export type ActivationTarget =
  | { kind: 'file'; path: string; position?: CursorPosition }
  | { kind: 'remote'; authority: string; path: string; position?: CursorPosition }
  /** The extension's own link: the file is looked up locally by appActivityId. */
  | { kind: 'link'; appActivityId: string };

const POSITION_SUFFIX = /:(\d+):(\d+)$/;

/** Undefined when the URL is not one this extension writes for the given editor scheme. */
export function parseActivationUrl(url: string, uriScheme: string, extensionId: string): ActivationTarget | undefined {
  const prefix = `${uriScheme}://`;
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return undefined;
  const host = rest.slice(0, slash);
  const pathAndQuery = rest.slice(slash);
  if (host.toLowerCase() === extensionId.toLowerCase()) return parseLink(pathAndQuery);
  const { path, position } = splitPosition(pathAndQuery);
  if (host === 'file') {
    const decoded = safeDecode(path);
    return decoded === undefined ? undefined : { kind: 'file', path: decoded, ...(position && { position }) };
  }
  if (host === 'vscode-remote') {
    // The authority is one encoded segment (it may itself hold an encoded '/'), so split before decoding.
    const [rawAuthority, ...segments] = path.slice(1).split('/');
    const authority = safeDecode(rawAuthority ?? '');
    const rest = safeDecode(`/${segments.join('/')}`);
    if (!authority || rest === undefined || segments.length === 0) return undefined;
    return { kind: 'remote', authority, path: rest, ...(position && { position }) };
  }
  return undefined;
}

function parseLink(pathAndQuery: string): ActivationTarget | undefined {
  const question = pathAndQuery.indexOf('?');
  if (question < 0 || pathAndQuery.slice(0, question) !== OPEN_ACTIVITY_PATH) return undefined;
  const id = new URLSearchParams(pathAndQuery.slice(question + 1)).get('id');
  return id ? { kind: 'link', appActivityId: id } : undefined;
}

function splitPosition(path: string): { path: string; position?: CursorPosition } {
  const match = POSITION_SUFFIX.exec(path);
  if (!match) return { path };
  const line = Number(match[1]) - 1;
  const character = Number(match[2]) - 1;
  if (line < 0 || character < 0) return { path: path.slice(0, match.index) };
  return { path: path.slice(0, match.index), position: { line, character } };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
