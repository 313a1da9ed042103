// Which documents can ever produce sessions. Pure: decides from the URI string and the exclusion settings.
import { matchesAnyGlob } from './glob';

/**
 * How a document is treated, by URI scheme:
 *
 * | scheme                                   | treatment                                                       |
 * | ---------------------------------------- | --------------------------------------------------------------- |
 * | file                                     | tracked                                                         |
 * | vscode-remote                            | tracked (SSH, WSL, containers: the file lives on the remote)    |
 * | untitled                                 | tracked, not publishable until saved; the session then moves    |
 * | vscode-notebook-cell                     | attributed to its notebook (the notebook's key and rules apply) |
 * | output, debug, git, vscode-scm           | ignored: panels and version-control views, not the user's files |
 * | vscode-settings, vscode-userdata         | ignored: editor configuration                                   |
 * | walkThrough, search-editor, and any      | ignored: virtual or generated content                           |
 * | other scheme                             |                                                                 |
 *
 * The original (left) side of a diff editor is ignored too; only the adapter can tell, so it reports
 * such an editor as "no active document".
 */
export type DocumentClass = 'tracked' | 'untitled' | 'notebookCell' | 'ignored';

export function schemeOf(uri: string): string {
  const colon = uri.indexOf(':');
  return colon <= 0 ? '' : uri.slice(0, colon).toLowerCase();
}

export function classifyDocument(uri: string): DocumentClass {
  switch (schemeOf(uri)) {
    case 'file':
    case 'vscode-remote':
      return 'tracked';
    case 'untitled':
      return 'untitled';
    case 'vscode-notebook-cell':
      return 'notebookCell';
    default:
      return 'ignored';
  }
}

/** The resource-scoped exclusion settings that apply to one document. */
export interface ExclusionSettings {
  /** Tracking switched on for this document's workspace (the per-workspace off switch). */
  readonly trackingEnabled: boolean;
  /** Glob patterns; a document matching any of them never produces a session. */
  readonly exclude: readonly string[];
}

export interface DocumentPaths {
  /** Path relative to its workspace folder, when inside one. */
  readonly relativePath?: string;
  /** Absolute path on its file system. */
  readonly absolutePath?: string;
}

export function isExcluded(paths: DocumentPaths, settings: ExclusionSettings): boolean {
  if (!settings.trackingEnabled) return true;
  if (settings.exclude.length === 0) return false;
  if (paths.relativePath !== undefined && matchesAnyGlob(paths.relativePath, settings.exclude)) return true;
  if (paths.absolutePath !== undefined && matchesAnyGlob(paths.absolutePath, settings.exclude)) return true;
  return false;
}
