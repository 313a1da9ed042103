// The adapter's wiring, against a small fake of the editor API: which VS Code events reach the engine, and how.
import * as assert from 'node:assert/strict';
import type { TrackingAdapter as TrackingAdapterClass, TrackingAdapterOptions } from '../../../src/tracking/adapter.vscode';
import type { Session } from '../../../src/tracking/types';
import { at, RecordingSink, T0 } from '../../support/tracking';
import { VirtualClock } from '../../support/clock';
import { FakeEventEmitter, useFakeVscode } from '../../support/vscodeFake';

class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class FakeTabInputTextDiff {
  constructor(
    readonly original: FakeUri,
    readonly modified: FakeUri,
  ) {}
}
class FakeTabInputNotebook {}

interface FakeDocument {
  uri: FakeUri;
  languageId: string;
}
interface FakeEditor {
  document: FakeDocument;
  selection: { active: { line: number; character: number } };
  viewColumn: number;
}

const KIND = { Keyboard: 1, Mouse: 2, Command: 3 } as const;

function createFakeVscode() {
  const settings: Record<string, unknown> = {};
  const events = {
    activeEditor: new FakeEventEmitter<FakeEditor | undefined>(),
    activeNotebook: new FakeEventEmitter<unknown>(),
    windowState: new FakeEventEmitter<{ focused: boolean }>(),
    selection: new FakeEventEmitter<{
      textEditor: FakeEditor;
      kind: number | undefined;
      selections: Array<{ active: { line: number; character: number } }>;
    }>(),
    visibleRanges: new FakeEventEmitter<{ textEditor: FakeEditor }>(),
    change: new FakeEventEmitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
    save: new FakeEventEmitter<FakeDocument>(),
    open: new FakeEventEmitter<FakeDocument>(),
    close: new FakeEventEmitter<FakeDocument>(),
    openNotebook: new FakeEventEmitter<unknown>(),
    closeNotebook: new FakeEventEmitter<unknown>(),
    willRename: new FakeEventEmitter<{ files: Array<{ oldUri: FakeUri; newUri: FakeUri }> }>(),
    didRename: new FakeEventEmitter<{ files: Array<{ oldUri: FakeUri; newUri: FakeUri }> }>(),
    configuration: new FakeEventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  };
  const tabGroup: { viewColumn: number; activeTab: { input: unknown } | undefined } = { viewColumn: 1, activeTab: undefined };
  const window = {
    state: { focused: true },
    activeTextEditor: undefined as FakeEditor | undefined,
    activeNotebookEditor: undefined,
    tabGroups: { activeTabGroup: tabGroup, all: [tabGroup] },
    onDidChangeActiveTextEditor: events.activeEditor.event,
    onDidChangeActiveNotebookEditor: events.activeNotebook.event,
    onDidChangeWindowState: events.windowState.event,
    onDidChangeTextEditorSelection: events.selection.event,
    onDidChangeTextEditorVisibleRanges: events.visibleRanges.event,
  };
  const workspace = {
    textDocuments: [] as FakeDocument[],
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
    getConfiguration: () => ({
      get: (name: string) => settings[name],
      inspect: (name: string) => ({ globalValue: settings[name] }),
    }),
    getWorkspaceFolder: (uri: FakeUri) => (uri.path.startsWith('/work/') ? { uri: new FakeUri('file', '/work') } : undefined),
    asRelativePath: (uri: FakeUri) => uri.path.replace(/^\/work\//, ''),
  };
  return {
    module: {
      window,
      workspace,
      EventEmitter: FakeEventEmitter,
      TabInputTextDiff: FakeTabInputTextDiff,
      TabInputNotebook: FakeTabInputNotebook,
      TextEditorSelectionChangeKind: KIND,
    },
    window,
    workspace,
    events,
    settings,
    tabGroup,
  };
}

type FakeVscode = ReturnType<typeof createFakeVscode>;
type AdapterConstructor = new (options?: TrackingAdapterOptions) => TrackingAdapterClass;

describe('tracking adapter (fake editor API)', () => {
  let fake: FakeVscode;
  let TrackingAdapter: AdapterConstructor;
  const timers: Array<{ callback: () => void; delay: number; cleared: boolean }> = [];
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;

  // The adapter keeps the module object it imported, so it gets one stable object that reads the current fake.
  const stableModule = {
    get window() {
      return fake.module.window;
    },
    get workspace() {
      return fake.module.workspace;
    },
    EventEmitter: FakeEventEmitter,
    TabInputTextDiff: FakeTabInputTextDiff,
    TabInputNotebook: FakeTabInputNotebook,
    TextEditorSelectionChangeKind: KIND,
  };

  // Loaded once the fake is in place, so the adapter's `import * as vscode` receives it.
  useFakeVscode(stableModule, __filename, (loadHere) => {
    ({ TrackingAdapter } = loadHere('../../../src/tracking/adapter.vscode') as { TrackingAdapter: AdapterConstructor });
  });

  beforeEach(() => {
    fake = createFakeVscode();
    timers.length = 0;
    const fakeSetTimeout = (callback: () => void, delay?: number): unknown => {
      const timer = { callback, delay: delay ?? 0, cleared: false };
      timers.push(timer);
      return timer;
    };
    const fakeClearTimeout = (timer: unknown): void => {
      if (timer !== undefined) (timer as { cleared: boolean }).cleared = true;
    };
    globalThis.setTimeout = fakeSetTimeout as unknown as typeof setTimeout;
    globalThis.clearTimeout = fakeClearTimeout;
  });

  afterEach(() => {
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
  });

  function documentAt(path: string, scheme = 'file'): FakeDocument {
    return { uri: new FakeUri(scheme, path), languageId: 'typescript' };
  }

  function editorFor(document: FakeDocument): FakeEditor {
    return { document, selection: { active: { line: 3, character: 7 } }, viewColumn: 1 };
  }

  function start(
    clock: VirtualClock,
    sink = new RecordingSink(),
  ): { adapter: TrackingAdapterClass; sink: RecordingSink; finished: Session[] } {
    fake.settings.minimumSessionSeconds = 0;
    const adapter = new TrackingAdapter({ sink, clock, newId: () => 'id-1' });
    const finished: Session[] = [];
    adapter.onDidFinishSession((session) => finished.push(session));
    return { adapter, sink, finished };
  }

  function show(document: FakeDocument): FakeEditor {
    const editor = editorFor(document);
    fake.window.activeTextEditor = editor;
    fake.events.activeEditor.fire(editor);
    return editor;
  }

  function typeIn(editor: FakeEditor): void {
    fake.events.change.fire({ document: editor.document, contentChanges: [{ text: 'x' }] });
  }

  it('turns typing in the focused active editor into a session, ended as shutdown on dispose', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter, sink, finished } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(20);
    typeIn(editor);
    assert.equal(adapter.currentSession()?.documentUri, 'file:///work/a.ts');
    assert.deepEqual(adapter.currentSession()?.cursor, { line: 3, character: 7 });
    adapter.dispose();
    assert.equal(sink.finished_.length, 1);
    assert.equal(finished[0]?.endReason, 'shutdown');
    assert.equal(finished[0]?.activeSeconds, 20);
    assert.equal(fake.events.change.listenerCount, 0, 'dispose unsubscribes');
  });

  it('picks up the editor that is already active when it starts', () => {
    const clock = new VirtualClock({ start: T0 });
    const document = documentAt('/work/a.ts');
    fake.workspace.textDocuments.push(document);
    fake.window.activeTextEditor = editorFor(document);
    const { adapter } = start(clock);
    assert.equal(adapter.currentSession()?.documentUri, 'file:///work/a.ts');
    adapter.dispose();
  });

  it('ignores empty content changes, background documents and selections no person made', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(10);
    fake.events.change.fire({ document: editor.document, contentChanges: [] });
    fake.events.change.fire({ document: documentAt('/work/other.ts'), contentChanges: [{ text: 'x' }] });
    fake.events.selection.fire({ textEditor: editor, kind: KIND.Command, selections: [{ active: { line: 9, character: 9 } }] });
    fake.events.selection.fire({ textEditor: editor, kind: undefined, selections: [{ active: { line: 9, character: 9 } }] });
    assert.equal(adapter.currentSession()?.lastActiveAt, at(0));
    fake.events.selection.fire({ textEditor: editor, kind: KIND.Mouse, selections: [{ active: { line: 5, character: 1 } }] });
    assert.equal(adapter.currentSession()?.lastActiveAt, at(10));
    assert.deepEqual(adapter.currentSession()?.cursor, { line: 5, character: 1 });
    adapter.dispose();
  });

  it('records nothing while the window is not focused', () => {
    const clock = new VirtualClock({ start: T0 });
    fake.window.state.focused = false;
    const { adapter, finished } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    typeIn(editor);
    assert.equal(adapter.currentSession(), undefined);
    adapter.dispose();
    assert.deepEqual(finished, []);
  });

  it('ignores the original side of a diff editor', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter } = start(clock);
    const original = documentAt('/work/a.ts');
    fake.tabGroup.activeTab = { input: new FakeTabInputTextDiff(original.uri, new FakeUri('file', '/work/b.ts')) };
    show(original);
    assert.equal(adapter.currentSession(), undefined);
    adapter.dispose();
  });

  it('never records excluded documents, and drops a session when its document becomes excluded', () => {
    const clock = new VirtualClock({ start: T0 });
    fake.settings.exclude = ['**/*.secret'];
    const { adapter, finished } = start(clock);
    show(documentAt('/work/keys.secret'));
    assert.equal(adapter.currentSession(), undefined);

    const document = documentAt('/work/a.ts');
    fake.workspace.textDocuments.push(document);
    show(document);
    assert.ok(adapter.currentSession());
    fake.settings.enabled = false;
    // As the editor answers: a change of activityFeed.tracking.enabled affects that key and every section above it.
    const changed = 'activityFeed.tracking.enabled';
    fake.events.configuration.fire({
      affectsConfiguration: (section) => changed === section || changed.startsWith(`${section}.`),
    });
    assert.equal(adapter.currentSession(), undefined);
    adapter.dispose();
    assert.deepEqual(finished, []);
  });

  it('keeps one timer for the next deadline, not one per keystroke, and ends idle sessions when it fires', () => {
    const clock = new VirtualClock({ start: T0 });
    fake.settings.checkpointIntervalSeconds = 3600;
    const { adapter, finished } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    for (let second = 1; second <= 100; second++) {
      clock.time = at(second);
      typeIn(editor);
    }
    assert.equal(timers.length, 1, 'typing only moves the deadline later, so the first timer stands');
    assert.equal(timers[0]?.delay, 300_000);

    clock.time = at(300);
    timers[0]?.callback(); // nothing due yet: re-arms for the idle deadline after the last keystroke
    assert.equal(timers.length, 2);
    assert.equal(timers[1]?.delay, 100_000);
    clock.time = at(400);
    timers[1]?.callback();
    assert.deepEqual(
      finished.map((s) => [s.endReason, s.lastActiveAt]),
      [['idle', at(100)]],
    );
    adapter.dispose();
  });

  it('does no timer, settings or path work per event: a burst of cursor moves and typing only updates the session', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(1);
    typeIn(editor); // the first activity arms the one timer
    const timersBefore = timers.length;
    let settingsReads = 0;
    let pathLookups = 0;
    const { getConfiguration, getWorkspaceFolder } = fake.workspace;
    fake.workspace.getConfiguration = () => {
      settingsReads++;
      return getConfiguration();
    };
    fake.workspace.getWorkspaceFolder = (uri) => {
      pathLookups++;
      return getWorkspaceFolder(uri);
    };
    for (let i = 0; i < 1000; i++) {
      clock.time = at(2) + i * 50;
      const active = { line: i % 40, character: i % 80 };
      editor.selection = { active };
      fake.events.selection.fire({ textEditor: editor, kind: KIND.Keyboard, selections: [{ active }] });
      typeIn(editor);
    }
    assert.equal(timers.length, timersBefore, 'no timer is created or reset while the person works');
    assert.ok(timers.every((timer) => !timer.cleared));
    assert.equal(settingsReads, 0, 'no settings are read per event');
    assert.equal(pathLookups, 0, 'no workspace path work per event');
    const session = adapter.currentSession();
    assert.equal(session?.lastActiveAt, at(2) + 999 * 50, 'every event still counts as activity');
    assert.deepEqual(session?.cursor, { line: 999 % 40, character: 999 % 80 });
    adapter.dispose();
  });

  it('reads the window state once, at start: focus changes come from their event, not from a read per edit', () => {
    const clock = new VirtualClock({ start: T0 });
    let stateReads = 0;
    const state = { focused: true };
    Object.defineProperty(fake.window, 'state', {
      get: () => {
        stateReads++;
        return { ...state };
      },
    });
    const { adapter } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(5);
    typeIn(editor);
    assert.equal(adapter.currentSession()?.lastActiveAt, at(5));
    state.focused = false;
    fake.events.windowState.fire({ focused: false });
    clock.time = at(6);
    typeIn(editor);
    assert.equal(adapter.currentSession()?.lastActiveAt, at(5), 'typing while the window has no focus does not count');
    state.focused = true;
    fake.events.windowState.fire({ focused: true });
    clock.time = at(8);
    typeIn(editor);
    assert.equal(adapter.currentSession()?.lastActiveAt, at(8));
    assert.equal(stateReads, 1);
    adapter.dispose();
  });

  it('moves the session when its file is renamed', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter, finished } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(10);
    typeIn(editor);
    fake.events.willRename.fire({ files: [{ oldUri: editor.document.uri, newUri: new FakeUri('file', '/work/renamed.ts') }] });
    fake.events.close.fire(editor.document);
    assert.equal(adapter.currentSession()?.documentUri, 'file:///work/renamed.ts');
    adapter.dispose();
    assert.equal(finished[0]?.languageId, 'typescript');
  });

  it('pauses and resumes', () => {
    const clock = new VirtualClock({ start: T0 });
    const { adapter, finished } = start(clock);
    const editor = show(documentAt('/work/a.ts'));
    clock.time = at(10);
    typeIn(editor);
    adapter.pause();
    assert.ok(adapter.isPaused);
    assert.equal(finished[0]?.endReason, 'paused');
    typeIn(editor);
    assert.equal(adapter.currentSession(), undefined);
    adapter.resume();
    clock.time = at(20);
    typeIn(editor);
    assert.equal(adapter.currentSession()?.startedAt, at(20));
    adapter.dispose();
  });
});
