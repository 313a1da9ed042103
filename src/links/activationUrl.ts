// Links that reopen the file in the editor that is running, through the editor's own URL handler.
import type { CursorPosition } from '../tracking/types';
import type { DocumentLocation } from './documentLocation';
import { encodePath, encodePathSegment, encodeRfc2396 } from '../text/percentEncoding';

/** `publisher.name`: the editor routes `<scheme>://<this id>/...` to this extension's URI handler. */
export const EXTENSION_ID = 'activity-feed.graph-activity-feed';

/** Path of the extension's own link, resolved locally from the extension's map of ids to files. */
export const OPEN_ACTIVITY_PATH = '/open';

/**
 * `<scheme>://file/<path>:<line>:<column>` for a local file, `<scheme>://vscode-remote/<authority><path>:<line>:<column>`
 * for a file of a remote window (1-based line and column). A notebook's cursor is in a cell, which such a link
 * cannot name (its line would be a line of the notebook's file format), so a notebook's link is its bare path and
 * opens the notebook. Undefined for documents the editor cannot open from a path (untitled, virtual file systems,
 * UNC shares). Pass locations through `inWindow` first.
 */
export function buildFileActivationUrl(
  location: DocumentLocation,
  cursor: CursorPosition | undefined,
  uriScheme: string,
): string | undefined {
  const position = cursor && cursor.cell === undefined ? `:${cursor.line + 1}:${cursor.character + 1}` : '';
  if (location.scheme === 'vscode-remote' && location.authority) {
    return `${uriScheme}://vscode-remote/${encodePathSegment(location.authority)}${encodePath(location.path)}${position}`;
  }
  if (location.scheme !== 'file' || location.authority !== '' || !location.path.startsWith('/')) return undefined;
  return `${uriScheme}://file${encodePath(location.path)}${position}`;
}

/**
 * A link that names no path: the extension's URI handler looks the id up in its own local map and opens the file
 * at the last known cursor. Used when the path must not leave the machine, or cannot be linked directly.
 */
export function buildHandlerActivationUrl(uriScheme: string, appActivityId: string, extensionId: string = EXTENSION_ID): string {
  return `${uriScheme}://${extensionId}${OPEN_ACTIVITY_PATH}?id=${encodeRfc2396(appActivityId)}`;
}
