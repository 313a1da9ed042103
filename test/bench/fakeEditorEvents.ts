// A stand-in for the parts of the `vscode` module the tracking adapter touches, for the per-event benchmark. Its
// events are delivered the way the extension host delivers them, minus the message passing: the host first applies
// the change to its copy of the document (a text edit) or the editor (its selections), builds the event from fresh
// Position/Range/Selection objects, then calls every listener registered for it. URIs cache their string like the
// real URI does. It counts settings reads, so the benchmark can tell what the listeners do per event. The floor is
// this delivery with do-nothing listeners; whatever the tracking listeners add is measured on top of it.

type Listener<T> = (event: T) => unknown;

export class BenchEmitter<T> {
  private listeners: Listener<T>[] = [];
  /**
   * The event last delivered. The editor's emitter holds the event in its delivery queue while listeners run, and
   * several parties always listen, so its event objects always exist. Without a reference here, V8 would drop the
   * construction of an event no listener reads: the floor would lose the editor's own work, which no editor can.
   */
  lastEvent: T | undefined;
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((candidate) => candidate !== listener)) };
  };
  fire(event: T): void {
    this.lastEvent = event;
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

export class BenchPosition {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class BenchRange {
  constructor(
    readonly start: BenchPosition,
    readonly end: BenchPosition,
  ) {}
}
export class BenchSelection extends BenchRange {
  constructor(
    readonly anchor: BenchPosition,
    readonly active: BenchPosition,
  ) {
    super(anchor, active);
  }
}
export class BenchDocument {
  version = 1;
  readonly lines: string[] = Array.from({ length: 400 }, (_, i) => `const line${i} = ${i}; // some code on this line`);
  constructor(
    readonly uri: BenchUri,
    readonly languageId: string,
  ) {}
  /** What the host's mirror of the document does with an insertion before it tells any listener. */
  insert(line: number, character: number, text: string): void {
    const old = this.lines[line] ?? '';
    this.lines[line] = old.slice(0, character) + text + old.slice(character);
    this.version++;
  }
}
export interface BenchEditor {
  readonly document: BenchDocument;
  selections: readonly BenchSelection[];
  selection: BenchSelection;
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
    selection: new BenchEmitter<{ textEditor: BenchEditor; selections: readonly BenchSelection[]; kind: number | undefined }>(),
    visibleRanges: new BenchEmitter<{ textEditor: BenchEditor }>(),
    change: new BenchEmitter<{
      document: BenchDocument;
      contentChanges: { range: BenchRange; rangeOffset: number; rangeLength: number; text: string }[];
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
  const windowState = { focused: true, active: true };
  const window = {
    /** As the extension host answers window.state: a new object with getters on every read. */
    get state(): { readonly focused: boolean; readonly active: boolean } {
      const state = windowState;
      return {
        get focused() {
          return state.focused;
        },
        get active() {
          return state.active;
        },
      };
    },
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
    const selection = new BenchSelection(new BenchPosition(line, character), new BenchPosition(line, character));
    const selections = [selection];
    editor.selections = selections;
    editor.selection = selection;
    events.selection.fire({ textEditor: editor, selections, kind: SELECTION_KIND.Keyboard });
  }

  /** A person typing one character. */
  function type(document: BenchDocument, line: number, character: number): void {
    document.insert(line, character, 'x');
    const range = new BenchRange(new BenchPosition(line, character), new BenchPosition(line, character));
    events.change.fire({
      document,
      contentChanges: [{ range, rangeOffset: line * 80 + character, rangeLength: 0, text: 'x' }],
      reason: undefined,
    });
  }

  function show(document: BenchDocument): BenchEditor {
    const selection = new BenchSelection(new BenchPosition(0, 0), new BenchPosition(0, 0));
    const editor: BenchEditor = { document, selections: [selection], selection, viewColumn: 1 };
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
