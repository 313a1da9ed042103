// The engine's memory of open documents: one small record per document, classified and exclusion-checked once.
import { classifyDocument, isExcluded } from './documentFilter';
import type { DocumentDescriptor } from './engineEvents';

export interface DocumentState {
  readonly key: string;
  languageId: string;
  /** For a notebook cell: its notebook's key. */
  notebookKey: string | undefined;
  /** Its own activity may produce sessions (tracked scheme, not excluded). Cells defer to their notebook. */
  trackable: boolean;
  /** False for untitled buffers. */
  publishable: boolean;
  /** Changed since its last save, so the next save is a person's act rather than a repeat. */
  editedSinceSave: boolean;
  /** When the engine first heard of it (epoch ms): a file created by "Save As" is brand new. */
  readonly registeredAt: number;
  /** Has been in the active editor: "Save As" saves its new file before the editor shows it. */
  shown: boolean;
}

export class DocumentRegistry {
  readonly #documents = new Map<string, DocumentState>();

  get size(): number {
    return this.#documents.size;
  }

  has(key: string): boolean {
    return this.#documents.has(key);
  }

  get(key: string): DocumentState | undefined {
    return this.#documents.get(key);
  }

  delete(key: string): void {
    this.#documents.delete(key);
  }

  /** Registers a document, or re-evaluates a known one (its settings or language changed). */
  register(descriptor: DocumentDescriptor, now: number): DocumentState {
    const kind = classifyDocument(descriptor.key);
    const isCell = kind === 'notebookCell';
    const trackable = isCell ? descriptor.notebookKey !== undefined : kind !== 'ignored' && !isExcluded(descriptor, descriptor);
    const existing = this.#documents.get(descriptor.key);
    if (existing) {
      existing.languageId = descriptor.languageId;
      existing.notebookKey = isCell ? descriptor.notebookKey : undefined;
      existing.trackable = trackable;
      existing.publishable = kind === 'tracked';
      return existing;
    }
    const created: DocumentState = {
      key: descriptor.key,
      languageId: descriptor.languageId,
      notebookKey: isCell ? descriptor.notebookKey : undefined,
      trackable,
      publishable: kind === 'tracked',
      editedSinceSave: false,
      registeredAt: now,
      shown: false,
    };
    this.#documents.set(descriptor.key, created);
    return created;
  }

  /**
   * Registers the documents at or under `fromKey` under the names a rename gives them, as the documents they were:
   * a renamed file is not a new one (which only "Save As" creates).
   */
  registerRenamed(fromKey: string, to: DocumentDescriptor): void {
    for (const document of [...this.#documents.values()]) {
      if (renamedKey(document.key, fromKey, to.key) === undefined) continue;
      const renamed = this.register(descriptorAfterRename(document.key, fromKey, to, document.languageId), document.registeredAt);
      if (document.shown) renamed.shown = true;
    }
  }

  /** The document whose session this document's activity extends, if that may produce sessions at all. */
  sessionTarget(document: DocumentState): DocumentState | undefined {
    if (document.notebookKey === undefined) return document.trackable ? document : undefined;
    const notebook = this.#documents.get(document.notebookKey);
    return notebook !== undefined && notebook.trackable ? notebook : undefined;
  }
}

/** Where `key` ends up when `fromKey` (a file, or a folder containing it) is renamed to `toKey`; undefined if unaffected. */
export function renamedKey(key: string, fromKey: string, toKey: string): string | undefined {
  if (key === fromKey) return toKey;
  const folder = fromKey.endsWith('/') ? fromKey : `${fromKey}/`;
  return key.startsWith(folder) ? `${toKey.endsWith('/') ? toKey.slice(0, -1) : toKey}/${key.slice(folder.length)}` : undefined;
}

/** The descriptor of a document that moved along with its renamed folder. */
export function descriptorAfterRename(
  key: string,
  fromKey: string,
  to: DocumentDescriptor,
  languageId: string,
): DocumentDescriptor {
  const newKey = renamedKey(key, fromKey, to.key) ?? to.key;
  if (newKey === to.key) return { ...to, languageId: to.languageId === '' ? languageId : to.languageId };
  const rest = safeDecode(newKey.slice(to.key.length));
  return {
    ...to,
    key: newKey,
    languageId,
    relativePath: to.relativePath === undefined ? undefined : joinPath(to.relativePath, rest),
    absolutePath: to.absolutePath === undefined ? undefined : joinPath(to.absolutePath, rest),
  };
}

function joinPath(base: string, rest: string): string {
  return `${base.replace(/(?<![\\/])[\\/]+$/, '')}/${rest.replace(/^\/+/, '')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
