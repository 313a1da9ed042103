// What the adapter tells the engine: plain data, no editor types. Keys are URI strings (`uri.toString()`).
import type { ExclusionSettings } from './documentFilter';
import type { CursorPosition } from './types';

/** Who moved the selection. Only 'keyboard' and 'mouse' are a person's doing. */
export type SelectionKind = 'keyboard' | 'mouse' | 'command' | undefined;

export interface DocumentDescriptor extends ExclusionSettings {
  /** The document's URI string; the scheme decides how it is treated. */
  readonly key: string;
  /** Language of a text document; for a notebook, its notebook type. */
  readonly languageId: string;
  /** For a notebook cell: the key of its notebook, whose session the cell's activity extends. */
  readonly notebookKey?: string;
  readonly relativePath?: string;
  readonly absolutePath?: string;
}

export type TrackingEvent =
  /** A document (text or notebook) became known, or its settings changed: registers or re-evaluates it. */
  | { readonly type: 'open'; readonly document: DocumentDescriptor }
  | { readonly type: 'close'; readonly key: string }
  /** The active text editor changed; `diffOriginal` when it is the left side of a diff editor. */
  | {
      readonly type: 'activeEditor';
      readonly key: string | undefined;
      readonly diffOriginal?: boolean;
      readonly cursor?: CursorPosition;
    }
  | { readonly type: 'activeNotebook'; readonly key: string | undefined }
  /** Text changed; `inActiveEditor` when the adapter saw it in the active editor of the focused window. */
  | { readonly type: 'edit'; readonly key: string; readonly inActiveEditor: boolean; readonly cursor?: CursorPosition }
  | { readonly type: 'selection'; readonly key: string; readonly kind: SelectionKind; readonly cursor?: CursorPosition }
  /** The visible ranges changed: scrolling, i.e. reading. */
  | { readonly type: 'scroll'; readonly key: string }
  | { readonly type: 'save'; readonly key: string }
  | { readonly type: 'focus'; readonly focused: boolean }
  /** A file (or folder: every document under it moves) is being renamed or moved. */
  | { readonly type: 'rename'; readonly fromKey: string; readonly to: DocumentDescriptor }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'shutdown' };
