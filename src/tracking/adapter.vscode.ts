// The thin adapter: turns VS Code events into engine events and keeps the engine's one timer. It decides nothing;
// every rule lives in the engine.
import {
  Disposable,
  EventEmitter,
  NotebookDocument,
  Position,
  TabInputNotebook,
  TabInputTextDiff,
  TextDocument,
  TextDocumentChangeEvent,
  TextEditor,
  TextEditorSelectionChangeEvent,
  TextEditorSelectionChangeKind,
  Uri,
  window,
  workspace,
  type Event,
} from 'vscode';
import { settingsAt, SettingsChanges, type SettingsChange } from '../platform/settings.vscode';
import type { ExclusionSettings } from './documentFilter';
import { combineExclusionScopes, type CheckedExclusionSettings } from './exclusionSettings';
import { systemClock, TrackingEngine, type Clock, type TrackingLog } from './engine';
import { validateTrackingConfig, type TrackingConfig, type ValidatedTrackingConfig } from './engineConfig';
import type { DocumentDescriptor, SelectionKind, TrackingEvent } from './engineEvents';
import type { CursorPosition, Session, SessionSink } from './types';

const CELL_SCHEME = 'vscode-notebook-cell';

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export interface TrackingAdapterOptions {
  /** Receives checkpoints and finished sessions. */
  readonly sink?: SessionSink;
  /** Current rules; defaults to reading the `activityFeed.tracking.*` settings. */
  readonly readConfig?: () => ValidatedTrackingConfig;
  /** Exclusion settings for one document; defaults to the resource-scoped `activityFeed.tracking.*` settings. */
  readonly exclusionsFor?: (uri: Uri) => ExclusionSettings;
  /** The extension's one settings change event; without it the adapter listens itself. */
  readonly settingsChanges?: Event<SettingsChange>;
  readonly clock?: Clock;
  readonly newId?: () => string;
  /** Called with messages about invalid settings (they were replaced by defaults or clamped). */
  readonly onConfigProblems?: (problems: string[]) => void;
  /** Called when the sink throws; the engine has already finished its transition. */
  readonly onError?: (error: unknown) => void;
  /** Receives the engine's debug lines (sessions dropped under the minimum or discarded as excluded). */
  readonly log?: TrackingLog;
}

export class TrackingAdapter implements Disposable {
  readonly #engine: TrackingEngine;
  readonly #clock: Clock;
  readonly #exclusionsFor: (uri: Uri) => ExclusionSettings;
  readonly #readConfig: () => ValidatedTrackingConfig;
  readonly #options: TrackingAdapterOptions;
  readonly #finishedEmitter = new EventEmitter<Session>();
  readonly #checkpointEmitter = new EventEmitter<Session>();
  readonly #subscriptions: Disposable[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDeadline: number | undefined;
  #activeNotebookKey: string | undefined;
  /**
   * window.state.focused as its change event last told it: the editor builds a new state object (with getters) on
   * every read of window.state, and an edit would read it.
   */
  #windowFocused: boolean;
  #disposed = false;
  /** Problems of the rule settings, and of the exclusion settings met since they were last read. */
  #configProblems: string[] = [];
  readonly #exclusionProblems = new Set<string>();

  /** Fires for every session handed to the sink as finished. */
  readonly onDidFinishSession = this.#finishedEmitter.event;
  /** Fires for every 'ongoing' checkpoint. */
  readonly onDidCheckpointSession = this.#checkpointEmitter.event;

  constructor(options: TrackingAdapterOptions = {}) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#exclusionsFor = options.exclusionsFor ?? ((uri) => this.#noteProblems(readExclusionSettings(uri)));
    this.#readConfig = options.readConfig ?? readTrackingConfig;
    const sink = options.sink;
    this.#windowFocused = window.state.focused;
    this.#engine = new TrackingEngine({
      config: this.#loadConfig(),
      clock: this.#clock,
      newId: options.newId,
      log: options.log,
      focused: this.#windowFocused,
      sink: {
        checkpoint: (session) => {
          this.#checkpointEmitter.fire(session);
          sink?.checkpoint(session);
        },
        finished: (session) => {
          this.#finishedEmitter.fire(session);
          sink?.finished(session);
        },
      },
    });
    this.#registerOpenDocuments();
    this.#syncActiveNotebook();
    this.#onActiveEditor(window.activeTextEditor);
    this.#subscribe();
  }

  currentSession(): Session | undefined {
    return this.#engine.currentSession();
  }

  get isPaused(): boolean {
    return this.#engine.isPaused;
  }

  /** The tracking rules in force: the settings as last read and validated. */
  get rules(): TrackingConfig {
    return this.#engine.config;
  }

  pause(): void {
    this.#send({ type: 'pause' });
  }

  resume(): void {
    this.#send({ type: 'resume' });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#send({ type: 'shutdown' });
    this.#disposed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose();
    this.#finishedEmitter.dispose();
    this.#checkpointEmitter.dispose();
  }

  #subscribe(): void {
    this.#subscriptions.push(
      window.onDidChangeActiveTextEditor((editor) => {
        this.#syncActiveNotebook();
        this.#onActiveEditor(editor);
      }),
      window.onDidChangeActiveNotebookEditor(() => this.#syncActiveNotebook()),
      window.onDidChangeWindowState((state) => {
        this.#windowFocused = state.focused;
        this.#send({ type: 'focus', focused: state.focused });
      }),
      workspace.onDidChangeTextDocument((event) => this.#onTextChanged(event)),
      window.onDidChangeTextEditorSelection((event) => this.#onSelection(event)),
      window.onDidChangeTextEditorVisibleRanges((event) =>
        this.#send({ type: 'scroll', key: event.textEditor.document.uri.toString() }),
      ),
      workspace.onDidSaveTextDocument((document) => this.#send({ type: 'save', key: document.uri.toString() })),
      workspace.onDidOpenTextDocument((document) => this.#send({ type: 'open', document: this.#describeText(document) })),
      workspace.onDidCloseTextDocument((document) => this.#send({ type: 'close', key: document.uri.toString() })),
      workspace.onDidOpenNotebookDocument((notebook) => this.#send({ type: 'open', document: this.#describeNotebook(notebook) })),
      workspace.onDidCloseNotebookDocument((notebook) => this.#send({ type: 'close', key: notebook.uri.toString() })),
      // Before the rename, so the session moves before the old document's close would end it.
      workspace.onWillRenameFiles((event) => this.#onRename(event.files)),
      workspace.onDidRenameFiles((event) => this.#onRename(event.files)),
      this.#watchSettings((change) => {
        if (change.affects('tracking')) this.#reloadSettings();
      }),
    );
  }

  #onActiveEditor(editor: TextEditor | undefined): void {
    if (editor === undefined) {
      this.#send({ type: 'activeEditor', key: undefined });
      return;
    }
    const key = this.#ensureKnown(editor.document);
    this.#send({
      type: 'activeEditor',
      key,
      diffOriginal: isDiffOriginal(editor),
      cursor: cursorIn(editor.document, editor.selection.active),
    });
  }

  /** The notebook editor counts as active only while its tab is the active one. */
  #syncActiveNotebook(): void {
    const notebookEditor = window.activeNotebookEditor;
    const activeInput = window.tabGroups.activeTabGroup.activeTab?.input;
    const notebook =
      notebookEditor !== undefined && activeInput instanceof TabInputNotebook ? notebookEditor.notebook : undefined;
    const key = notebook === undefined ? undefined : this.#ensureNotebookKnown(notebook);
    if (key === this.#activeNotebookKey) return;
    this.#activeNotebookKey = key;
    this.#send({ type: 'activeNotebook', key });
  }

  // Keystrokes and cursor moves call the engine directly, not through send(): no event object per event, and the
  // timer is looked at only when the engine says its next deadline may have moved earlier.

  #onTextChanged(event: TextDocumentChangeEvent): void {
    if (this.#disposed || event.contentChanges.length === 0) return; // dirty-state or metadata changes, not edits
    const document = event.document;
    const active = window.activeTextEditor;
    const inActiveEditor = active !== undefined && active.document === document && this.#windowFocused;
    const key = inActiveEditor ? this.#ensureKnown(document) : document.uri.toString();
    let reschedule = true;
    try {
      reschedule = this.#engine.edit(
        key,
        inActiveEditor,
        inActiveEditor ? cursorIn(document, active.selection.active) : undefined,
      );
    } catch (error) {
      this.#options.onError?.(error);
    }
    if (reschedule) this.#schedule();
  }

  #onSelection(event: TextEditorSelectionChangeEvent): void {
    if (this.#disposed) return;
    const document = event.textEditor.document;
    let reschedule = true;
    try {
      reschedule = this.#engine.selection(
        document.uri.toString(),
        selectionKind(event.kind),
        cursorIn(document, event.selections[0]?.active),
      );
    } catch (error) {
      this.#options.onError?.(error);
    }
    if (reschedule) this.#schedule();
  }

  #onRename(files: ReadonlyArray<{ readonly oldUri: Uri; readonly newUri: Uri }>): void {
    for (const { oldUri, newUri } of files) {
      this.#send({ type: 'rename', fromKey: oldUri.toString(), to: this.#describeUri(newUri, '') });
    }
  }

  #watchSettings(listener: (change: SettingsChange) => void): Disposable {
    if (this.#options.settingsChanges) return this.#options.settingsChanges(listener);
    const own = new SettingsChanges();
    const subscription = own.event(listener);
    return { dispose: () => (subscription.dispose(), own.dispose()) };
  }

  #reloadSettings(): void {
    this.#exclusionProblems.clear();
    this.#engine.updateConfig(this.#loadConfig());
    this.#registerOpenDocuments();
    this.#schedule();
  }

  #loadConfig(): TrackingConfig {
    const { config, problems } = this.#readConfig();
    this.#configProblems = problems;
    if (problems.length > 0 || this.#exclusionProblems.size > 0) this.#reportProblems();
    return config;
  }

  /** Reports exclusion problems as they are met (per document: the settings are resource-scoped), each once. */
  #noteProblems(checked: CheckedExclusionSettings): ExclusionSettings {
    const fresh = checked.problems.filter((problem) => !this.#exclusionProblems.has(problem));
    for (const problem of fresh) this.#exclusionProblems.add(problem);
    if (fresh.length > 0) this.#reportProblems();
    return checked.settings;
  }

  #reportProblems(): void {
    this.#options.onConfigProblems?.([...this.#configProblems, ...this.#exclusionProblems]);
  }

  /** Registers (or re-evaluates after a settings change) every open notebook and text document. */
  #registerOpenDocuments(): void {
    for (const notebook of workspace.notebookDocuments) this.#send({ type: 'open', document: this.#describeNotebook(notebook) });
    for (const document of workspace.textDocuments) this.#send({ type: 'open', document: this.#describeText(document) });
  }

  #ensureKnown(document: TextDocument): string {
    const key = document.uri.toString();
    if (!this.#engine.isKnown(key)) this.#send({ type: 'open', document: this.#describeText(document) });
    return key;
  }

  #ensureNotebookKnown(notebook: NotebookDocument): string {
    const key = notebook.uri.toString();
    if (!this.#engine.isKnown(key)) this.#send({ type: 'open', document: this.#describeNotebook(notebook) });
    return key;
  }

  #describeText(document: TextDocument): DocumentDescriptor {
    const notebook = notebookOfCell(document);
    if (notebook === undefined) return this.#describeUri(document.uri, document.languageId);
    const notebookKey = this.#ensureNotebookKnown(notebook);
    return { ...this.#describeUri(document.uri, document.languageId), notebookKey };
  }

  #describeNotebook(notebook: NotebookDocument): DocumentDescriptor {
    return this.#describeUri(notebook.uri, notebook.notebookType);
  }

  #describeUri(uri: Uri, languageId: string): DocumentDescriptor {
    const exclusions = this.#exclusionsFor(uri);
    const inWorkspace = workspace.getWorkspaceFolder(uri) !== undefined;
    return {
      key: uri.toString(),
      languageId,
      relativePath: inWorkspace ? workspace.asRelativePath(uri, false) : undefined,
      absolutePath: uri.scheme === 'file' ? uri.fsPath : uri.path,
      trackingEnabled: exclusions.trackingEnabled,
      exclude: exclusions.exclude,
    };
  }

  #send(event: TrackingEvent): void {
    if (this.#disposed) return;
    try {
      this.#engine.handle(event);
    } catch (error) {
      this.#options.onError?.(error);
    }
    this.#schedule();
  }

  /**
   * Keeps one timer for the engine's next deadline. Activity only moves deadlines later, so a timer already set
   * for an earlier moment is left alone: it fires, finds nothing due, and re-arms. No timer work per keystroke.
   */
  #schedule(): void {
    if (this.#disposed) return;
    const deadline = this.#engine.nextDeadline();
    if (deadline === undefined) return;
    if (this.#timerDeadline !== undefined && this.#timerDeadline <= deadline) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerDeadline = deadline;
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, deadline - this.#clock.now()));
    this.#timer = setTimeout(() => this.#onTimer(), delay);
  }

  #onTimer(): void {
    this.#timer = undefined;
    this.#timerDeadline = undefined;
    if (this.#disposed) return;
    try {
      this.#engine.tick();
    } catch (error) {
      this.#options.onError?.(error);
    }
    this.#schedule();
  }
}

/** Reads and validates `activityFeed.tracking.*` rule settings. */
export function readTrackingConfig(): ValidatedTrackingConfig {
  const settings = settingsAt('tracking');
  return validateTrackingConfig({
    idleTimeoutSeconds: settings.get<unknown>('idleTimeoutSeconds'),
    switchGraceSeconds: settings.get<unknown>('switchGraceSeconds'),
    blurGraceSeconds: settings.get<unknown>('blurGraceSeconds'),
    minimumSessionSeconds: settings.get<unknown>('minimumSessionSeconds'),
    checkpointIntervalSeconds: settings.get<unknown>('checkpointIntervalSeconds'),
  });
}

/**
 * Reads the exclusion settings that apply to `uri` at every scope (user, workspace, the document's folder), joined so
 * that they only add up, with what was wrong about them.
 */
export function readExclusionSettings(uri: Uri): CheckedExclusionSettings {
  const settings = settingsAt('tracking', uri);
  return combineExclusionScopes(settings.inspect<unknown>('enabled'), settings.inspect<unknown>('exclude'));
}

function selectionKind(kind: TextEditorSelectionChangeKind | undefined): SelectionKind {
  switch (kind) {
    case TextEditorSelectionChangeKind.Keyboard:
      return 'keyboard';
    case TextEditorSelectionChangeKind.Mouse:
      return 'mouse';
    case TextEditorSelectionChangeKind.Command:
      return 'command';
    default:
      return undefined;
  }
}

/**
 * The cursor at `position` in `document`; in a notebook cell, with the cell's index in its notebook. Outside cells the
 * position itself (the engine copies what it keeps).
 */
function cursorIn(document: TextDocument, position: Position | undefined): CursorPosition | undefined {
  if (position === undefined || document.uri.scheme !== CELL_SCHEME) return position;
  const cursor: CursorPosition = { line: position.line, character: position.character };
  const cell = notebookOfCell(document)
    ?.getCells()
    .findIndex((candidate) => candidate.document === document);
  if (cell !== undefined && cell >= 0) cursor.cell = cell;
  return cursor;
}

/** True when the editor shows the original (left, read-only history) side of a diff. */
function isDiffOriginal(editor: TextEditor): boolean {
  const group =
    window.tabGroups.all.find((candidate) => candidate.viewColumn === editor.viewColumn) ?? window.tabGroups.activeTabGroup;
  const input = group.activeTab?.input;
  if (!(input instanceof TabInputTextDiff)) return false;
  const key = editor.document.uri.toString();
  return input.original.toString() === key && input.modified.toString() !== key;
}

function notebookOfCell(document: TextDocument): NotebookDocument | undefined {
  if (document.uri.scheme !== CELL_SCHEME) return undefined;
  return workspace.notebookDocuments.find((notebook) => notebook.getCells().some((cell) => cell.document === document));
}
