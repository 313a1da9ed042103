// A stand-in for the parts of the `vscode` module the tracking adapter touches, for the per-event benchmark. Its
// events are delivered the way the extension host delivers them: each fire builds a fresh event object (as the host
// does from the renderer's message) and calls every listener registered for it. URIs cache their string like the
// real URI does. It counts settings reads, so the benchmark can tell what the listeners do per event.

type Listener<T> = (event: T) => unknown;

export class BenchEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((candidate) => candidate !== listener)) };
  };
  fire(event: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i]?.(event);
      } catch (error) {
        console.error(error);
      }
    }
  }
  get listenerCount(): number {
    return this.listeners.length;
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class BenchUri {
  private formatted: string | undefined;
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    this.formatted ??= `${this.scheme}://${this.path}`;
    return this.formatted;
  }
}

export interface BenchPosition {
  readonly line: number;
  readonly character: number;
}
export interface BenchDocument {
  readonly uri: BenchUri;
  readonly languageId: string;
}
export interface BenchEditor {
  readonly document: BenchDocument;
  selection: { anchor: BenchPosition; active: BenchPosition };
  readonly viewColumn: number;
}

const SELECTION_KIND = { Keyboard: 1, Mouse: 2, Command: 3 } as const;

class TabInputTextDiff {}
class TabInputNotebook {}

export function createBenchEditor() {
  let settingsReads = 0;
  const events = {
    activeEditor: new BenchEmitter<BenchEditor | undefined>(),
    activeNotebook: new BenchEmitter<unknown>(),
    windowState: new BenchEmitter<{ focused: boolean }>(),
    selection: new BenchEmitter<{
      textEditor: BenchEditor;
      selections: { anchor: BenchPosition; active: BenchPosition }[];
      kind: number | undefined;
    }>(),
    visibleRanges: new BenchEmitter<{ textEditor: BenchEditor }>(),
    change: new BenchEmitter<{
      document: BenchDocument;
      contentChanges: { range: unknown; rangeOffset: number; rangeLength: number; text: string }[];
      reason: undefined;
    }>(),
    save: new BenchEmitter<BenchDocument>(),
    open: new BenchEmitter<BenchDocument>(),
    close: new BenchEmitter<BenchDocument>(),
    openNotebook: new BenchEmitter<unknown>(),
    closeNotebook: new BenchEmitter<unknown>(),
    willRename: new BenchEmitter<unknown>(),
    didRename: new BenchEmitter<unknown>(),
    configuration: new BenchEmitter<{ affectsConfiguration(section: string): boolean }>(),
  };
  const tabGroup = { viewColumn: 1, activeTab: undefined };
  const window = {
    state: { focused: true },
    activeTextEditor: undefined as BenchEditor | undefined,
    activeNotebookEditor: undefined,
    tabGroups: { activeTabGroup: tabGroup, all: [tabGroup] },
    onDidChangeActiveTextEditor: events.activeEditor.event,
    onDidChangeActiveNotebookEditor: events.activeNotebook.event,
    onDidChangeWindowState: events.windowState.event,
    onDidChangeTextEditorSelection: events.selection.event,
    onDidChangeTextEditorVisibleRanges: events.visibleRanges.event,
  };
  const workspace = {
    textDocuments: [] as BenchDocument[],
    notebookDocuments: [] as unknown[],
    onDidChangeTextDocument: events.change.event,
    onDidSaveTextDocument: events.save.event,
    onDidOpenTextDocument: events.open.event,
    onDidCloseTextDocument: events.close.event,
    onDidOpenNotebookDocument: events.openNotebook.event,
    onDidCloseNotebookDocument: events.closeNotebook.event,
    onWillRenameFiles: events.willRename.event,
    onDidRenameFiles: events.didRename.event,
    onDidChangeConfiguration: events.configuration.event,
    getConfiguration: () => {
      settingsReads++;
      return { get: () => undefined, inspect: () => undefined };
    },
    getWorkspaceFolder: (uri: BenchUri) => (uri.path.startsWith('/work/') ? { uri: new BenchUri('file', '/work') } : undefined),
    asRelativePath: (uri: BenchUri) => uri.path.replace(/^\/work\//, ''),
  };
  const module = {
    window,
    workspace,
    EventEmitter: BenchEmitter,
    TabInputTextDiff,
    TabInputNotebook,
    TextEditorSelectionChangeKind: SELECTION_KIND,
  };

  /** Every event source the editor offers here, as `onDid…` functions, to register do-nothing listeners on. */
  const sources = Object.values(events).map((emitter) => emitter.event);

  /** A person moving the cursor with the keyboard: a fresh event with a fresh selection, as the host builds it. */
  function moveCursor(editor: BenchEditor, line: number, character: number): void {
    const position = { line, character };
    const selection = { anchor: position, active: position };
    editor.selection = selection;
    events.selection.fire({ textEditor: editor, selections: [selection], kind: SELECTION_KIND.Keyboard });
  }

  /** A person typing one character. */
  function type(document: BenchDocument, line: number, character: number): void {
    const at = { line, character };
    events.change.fire({
      document,
      contentChanges: [{ range: { start: at, end: at }, rangeOffset: line * 80 + character, rangeLength: 0, text: 'x' }],
      reason: undefined,
    });
  }

  function show(document: BenchDocument): BenchEditor {
    const position = { line: 0, character: 0 };
    const editor: BenchEditor = { document, selection: { anchor: position, active: position }, viewColumn: 1 };
    window.activeTextEditor = editor;
    events.activeEditor.fire(editor);
    return editor;
  }

  return {
    module,
    window,
    workspace,
    events,
    sources,
    moveCursor,
    type,
    show,
    get settingsReads() {
      return settingsReads;
    },
  };
}

export type BenchEditorFake = ReturnType<typeof createBenchEditor>;
