// The session engine: turns editor events into sessions of real engagement per document.
// Pure: no editor API, no timers, no I/O. Time comes from an injected clock; the adapter owns the one timer and
// calls tick() at nextDeadline().
//
// What the times mean:
// - startedAt: the moment the person engaged with the document (it became the focused active editor, or was
//   edited, selected or scrolled).
// - lastActiveAt: the last real activity. Leaving the document (switching away, the window losing focus) counts
//   as the end of reading it, so time spent reading up to that moment counts. When a session ends because
//   nothing happened for the idle timeout, it ends at lastActiveAt, never when the idleness was noticed.
// - activeSeconds: the sum of the gaps between consecutive activities (each shorter than the idle timeout),
//   excluding time the window was not focused. So it never exceeds (lastActiveAt - startedAt) / 1000.
//
// Switch grace: when the person leaves document A for B, A's session stays open for the grace. B meanwhile is a
// candidate session that collects its activity but is not reported. Coming back to A within the grace continues
// A (the visit to B counts as A's time, B is dropped); staying away ends A ('switch') and makes B the current
// session, started when B was entered. Leaving B for C (or for no editor) within A's grace depends on B: with at
// least the minimum session of active time, B is work of its own, so A ends where it was left and B becomes the
// current session, left in its turn (its own grace, C its candidate); with less, B was a glance on the way: it is
// kept aside (`glances`) while A's grace goes on, folded into A if the person comes back, finished (and so dropped
// under the minimum) when A ends. Closing B follows the same rule; losing focus, pausing, quitting and saving B as
// a file end A where it was left, then B goes on or ends with the rest. No candidate is ever discarded without
// being accounted for. At most one session is current, and sessions never overlap in time.
import { DEFAULT_TRACKING_CONFIG, validateTrackingConfig, type TrackingConfig } from './engineConfig';
import { DocumentRegistry, descriptorAfterRename, renamedKey, type DocumentState } from './engineDocuments';
import type { DocumentDescriptor, SelectionKind, TrackingEvent } from './engineEvents';
import { accrue, moveSession, resumeAfterAbsence, snapshot, startSession, type LiveSession } from './engineSession';
import type { CursorPosition, Session, SessionEndReason, SessionSink } from './types';
import type { Clock, Logger } from '../platform/ports';

export type { Clock };

/** Where the engine explains what it drops; lines carry durations, never document names. */
export type TrackingLog = Pick<Logger, 'debug'>;

export interface TrackingEngineOptions {
  readonly sink: SessionSink;
  readonly log?: TrackingLog;
  readonly config?: TrackingConfig;
  readonly clock?: Clock;
  /** Session ids; defaults to crypto.randomUUID. */
  readonly newId?: () => string;
  /** Whether the window has focus when the engine starts (default true). */
  readonly focused?: boolean;
}

interface PendingEnd {
  readonly reason: 'switch' | 'blur';
  readonly deadline: number;
}

interface SaveAs {
  readonly fromKey: string;
  readonly toKey: string;
  readonly at: number;
}

/** Saving an untitled buffer as a file: the file's save, the editor swap and the buffer's close arrive within this. */
const SAVE_AS_WINDOW_MS = 3000;

/** Date itself, whose now() is the port: no function of ours between a keystroke and the clock read. */
export const systemClock: Clock = Date;

export class TrackingEngine {
  readonly #sink: SessionSink;
  readonly #log: TrackingLog | undefined;
  readonly #clock: Clock;
  readonly #newId: () => string;
  readonly #documents = new DocumentRegistry();

  #rules: TrackingConfig = DEFAULT_TRACKING_CONFIG;
  #idleMs = 0;
  #switchGraceMs = 0;
  #blurGraceMs = 0;
  #minimumMs = 0;
  #checkpointMs = 0;

  #focused: boolean;
  #paused = false;
  #stopped = false;
  #activeTextKey: string | undefined;
  #activeNotebookKey: string | undefined;
  /**
   * The document a person is looking at, resolved (cell → notebook) and only if it may produce sessions. Always the
   * registry's record for its key: it is resolved again whenever a document is registered, closed or renamed.
   */
  #activeTarget: DocumentState | undefined;

  #current: LiveSession | undefined;
  /** Set while the current session is being left; a candidate exists only during a switch. */
  #pending: PendingEnd | undefined;
  #candidate: LiveSession | undefined;
  /** Documents glanced at (under the minimum) while the current session is being left, oldest first. */
  #glances: LiveSession[] = [];
  #saveAs: SaveAs | undefined;
  #sinkError: { error: unknown } | undefined;

  constructor(options: TrackingEngineOptions) {
    this.#sink = options.sink;
    this.#log = options.log;
    this.#clock = options.clock ?? systemClock;
    this.#newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.#focused = options.focused ?? true;
    this.updateConfig(options.config ?? DEFAULT_TRACKING_CONFIG);
  }

  /** The rules in force (validated). */
  get config(): TrackingConfig {
    return this.#rules;
  }

  /** Applies new rules from now on; values are validated (clamped) first. Reschedule at nextDeadline() afterwards. */
  updateConfig(rules: TrackingConfig): void {
    const { config } = validateTrackingConfig(rules);
    this.#rules = config;
    this.#idleMs = config.idleTimeoutSeconds * 1000;
    this.#switchGraceMs = config.switchGraceSeconds * 1000;
    this.#blurGraceMs = config.blurGraceSeconds * 1000;
    this.#minimumMs = config.minimumSessionSeconds * 1000;
    this.#checkpointMs = config.checkpointIntervalSeconds * 1000;
  }

  handle(event: TrackingEvent): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    this.#advance(now);
    switch (event.type) {
      case 'edit':
        this.#onEdit(event.key, event.inActiveEditor, event.cursor, now);
        break;
      case 'selection':
        this.#onSelection(event.key, event.kind, event.cursor, now);
        break;
      case 'scroll':
        this.#engageIfActive(event.key, now, undefined);
        break;
      case 'save':
        this.#onSave(event.key, now);
        break;
      case 'activeEditor':
        this.#activeTextKey = event.diffOriginal === true ? undefined : event.key;
        this.#onActiveTargetChanged(now, event.cursor);
        break;
      case 'activeNotebook':
        this.#activeNotebookKey = event.key;
        this.#onActiveTargetChanged(now, undefined);
        break;
      case 'focus':
        this.#onFocus(event.focused, now);
        break;
      case 'open':
        this.#onOpen(event.document, now);
        break;
      case 'close':
        this.#onClose(event.key, now);
        break;
      case 'rename':
        this.#onRename(event.fromKey, event.to, now);
        break;
      case 'pause':
        this.#settleSwitch();
        this.#endCurrent('paused', false);
        this.#paused = true;
        break;
      case 'resume':
        this.#paused = false;
        break;
      case 'shutdown':
        this.#settleSwitch();
        this.#endCurrent('shutdown', false);
        this.#stopped = true;
        break;
    }
    this.#throwSinkError();
  }

  /**
   * handle({ type: 'edit', key, inActiveEditor, cursor }) without an event object: the adapter's call for every
   * change. The engine copies what it keeps of `cursor`. Returns false when nextDeadline() can only have moved
   * later, so a timer set for it still fires in time; true when it may have moved earlier (reschedule).
   */
  edit(key: string, inActiveEditor: boolean, cursor: CursorPosition | undefined): boolean {
    if (this.#stopped) return false;
    const now = this.#clock.now();
    if (inActiveEditor) {
      const goneOn = this.#goOn(key, now, cursor, true);
      if (goneOn !== undefined) return goneOn;
    }
    this.#advance(now);
    this.#onEdit(key, inActiveEditor, cursor, now);
    this.#throwSinkError();
    return true;
  }

  /** handle({ type: 'selection', key, kind, cursor }) without an event object, returning as edit() does. */
  selection(key: string, kind: SelectionKind, cursor: CursorPosition | undefined): boolean {
    if (this.#stopped) return false;
    const now = this.#clock.now();
    if (kind === 'keyboard' || kind === 'mouse') {
      const goneOn = this.#goOn(key, now, cursor, false);
      if (goneOn !== undefined) return goneOn;
    }
    this.#advance(now);
    this.#onSelection(key, kind, cursor, now);
    this.#throwSinkError();
    return true;
  }

  /** Processes every deadline that has passed (idle, grace, checkpoint). Call at nextDeadline(). */
  tick(now: number = this.#clock.now()): void {
    if (this.#stopped) return;
    this.#advance(now);
    this.#throwSinkError();
  }

  /** Epoch ms of the next moment something is due, if anything is. Moves later as activity continues. */
  nextDeadline(): number | undefined {
    const current = this.#current;
    if (current === undefined) return undefined;
    // A candidate never goes idle before the session being left: it starts no earlier than that session's last
    // activity, and the switch grace is never longer than the idle timeout.
    let deadline = current.lastActiveAt + this.#idleMs;
    if (this.#pending !== undefined && this.#pending.deadline < deadline) deadline = this.#pending.deadline;
    if (this.#checkpointEligible(current)) deadline = Math.min(deadline, current.lastCheckpointAt + this.#checkpointMs);
    return deadline;
  }

  currentSession(): Session | undefined {
    return this.#current === undefined ? undefined : snapshot(this.#current);
  }

  isKnown(key: string): boolean {
    return this.#activeTarget?.key === key || this.#documents.has(key);
  }

  get isPaused(): boolean {
    return this.#paused;
  }

  get knownDocumentCount(): number {
    return this.#documents.size;
  }

  // --- events -----------------------------------------------------------------------------------------------

  #onEdit(key: string, inActiveEditor: boolean, cursor: CursorPosition | undefined, now: number): void {
    const active = this.#activeTarget;
    const document = active !== undefined && active.key === key ? active : this.#documents.get(key);
    if (document === undefined) return;
    document.editedSinceSave = true;
    if (inActiveEditor) this.#engageIfActive(key, now, cursor, document);
  }

  #onSelection(key: string, kind: SelectionKind, cursor: CursorPosition | undefined, now: number): void {
    if (kind === 'keyboard' || kind === 'mouse') this.#engageIfActive(key, now, cursor);
  }

  #onSave(key: string, now: number): void {
    const document = this.#documents.get(key);
    if (document === undefined) return;
    const edited = document.editedSinceSave;
    document.editedSinceSave = false;
    // Save As saves the buffer in the active editor to a file just opened and not shown yet. Any other file saved
    // meanwhile (by another extension, Save All, a replace across files) looks the same until the editor swaps to
    // the file or the buffer closes, so nothing changes before then.
    const untitled = this.#activeTarget;
    if (
      untitled !== undefined &&
      !untitled.publishable &&
      document.publishable &&
      !document.shown &&
      now - document.registeredAt <= SAVE_AS_WINDOW_MS &&
      this.#focused &&
      (this.#current?.key === untitled.key || this.#candidate?.key === untitled.key)
    ) {
      this.#saveAs = { fromKey: untitled.key, toKey: document.key, at: now };
    }
    if (edited) this.#engageIfActive(key, now, undefined, document);
  }

  #onFocus(focused: boolean, now: number): void {
    if (focused === this.#focused) return;
    this.#focused = focused;
    if (this.#paused) return;
    if (!focused) {
      if (this.#pending?.reason === 'switch') this.#endCurrent('switch', true);
      const current = this.#current;
      if (current === undefined) return;
      accrue(current, now, undefined);
      this.#pending = { reason: 'blur', deadline: now + this.#blurGraceMs };
      this.#advance(now);
      return;
    }
    const current = this.#current;
    if (current !== undefined && this.#pending?.reason === 'blur') {
      if (this.#activeTarget?.key === current.key) {
        this.#pending = undefined;
        resumeAfterAbsence(current, now);
        return;
      }
      // Back, but to another document: the absence already ended the old session.
      this.#endCurrent('blur', false);
    }
    this.#onActiveTargetChanged(now, undefined);
  }

  #onOpen(descriptor: DocumentDescriptor, now: number): void {
    const document = this.#documents.register(descriptor, now);
    const target = this.#documents.sessionTarget(document);
    // The file switched to became excluded: leaving it like any other, then discarding it if it is current.
    if (this.#candidate?.key === document.key && target === undefined) this.#leaveCandidate(now);
    if (this.#current?.key === document.key && target === undefined) this.#endCurrent('excluded', true);
    if (this.#resolveActiveTarget() !== this.#activeTarget) this.#onActiveTargetChanged(now, undefined);
  }

  #onClose(key: string, now: number): void {
    const document = this.#documents.get(key);
    if (document === undefined) return;
    const saveAs = this.#saveAs;
    if (saveAs !== undefined && saveAs.fromKey === key && now - saveAs.at <= SAVE_AS_WINDOW_MS) {
      this.#completeSaveAs(this.#documents.get(saveAs.toKey));
    }
    this.#documents.delete(key);
    if (document.notebookKey === undefined) {
      if (this.#candidate?.key === key) this.#leaveCandidate(undefined);
      if (this.#current?.key === key) this.#endCurrent('close', true);
    }
    this.#activeTarget = this.#resolveActiveTarget();
  }

  #onRename(fromKey: string, to: DocumentDescriptor, now: number): void {
    this.#documents.registerRenamed(fromKey, to);
    for (const session of [this.#current, this.#candidate]) {
      if (session === undefined || renamedKey(session.key, fromKey, to.key) === undefined) continue;
      const moved = this.#documents.register(descriptorAfterRename(session.key, fromKey, to, session.languageId), now);
      if (session === this.#candidate && !moved.trackable) this.#leaveCandidate(now);
      if (session === this.#current) this.#moveCurrentTo(moved);
      else if (session === this.#candidate) moveSession(session, moved);
    }
    this.#activeTarget = this.#resolveActiveTarget();
  }

  // --- engagement -------------------------------------------------------------------------------------------

  /** Activity in a document counts only if it is what the person is looking at in the focused window. */
  #engageIfActive(key: string, now: number, cursor: CursorPosition | undefined, known?: DocumentState): void {
    if (!this.#focused || this.#paused) return;
    const active = this.#activeTarget;
    if (active === undefined) return;
    if (active.key !== key) {
      const document = known ?? this.#documents.get(key);
      if (document === undefined || this.#documents.sessionTarget(document) !== active) return;
    }
    this.#engage(active, now, cursor);
  }

  #engage(target: DocumentState, now: number, cursor: CursorPosition | undefined): void {
    const current = this.#current;
    if (current !== undefined && current.key === target.key) {
      accrue(current, now, cursor);
      this.#pending = undefined;
      this.#candidate = undefined;
      if (this.#glances.length > 0) this.#glances = [];
      return;
    }
    const candidate = this.#candidate;
    if (candidate !== undefined && candidate.key === target.key) {
      accrue(candidate, now, cursor);
      return;
    }
    if (current === undefined) {
      this.#current = startSession(this.#newId(), target, now, cursor);
      return;
    }
    this.#leaveCandidate(now);
    this.#leaveCurrent(now);
    this.#candidate = startSession(this.#newId(), target, now, cursor);
    this.#advance(now);
  }

  /**
   * The common case of a keystroke or cursor move: the person goes on in the document of the session in progress,
   * in the focused window, with nothing due and no switch under way. Then advance() finds nothing to do and the
   * event only accrues to the session, which this does without them. Returns whether the next deadline may have
   * moved earlier (only a checkpoint that just became due can do that); undefined, having changed nothing, when
   * the case is not this one.
   */
  #goOn(key: string, now: number, cursor: CursorPosition | undefined, edited: boolean): boolean | undefined {
    const current = this.#current;
    const target = this.#activeTarget;
    if (current === undefined || target === undefined || current.key !== key || target.key !== key) return undefined;
    if (!this.#focused || this.#paused || this.#pending !== undefined || this.#candidate !== undefined) return undefined;
    if (this.#glances.length > 0 || current.lastActiveAt + this.#idleMs <= now) return undefined;
    const checkpointing = this.#checkpointEligible(current);
    if (checkpointing && current.lastCheckpointAt + this.#checkpointMs <= now) return undefined;
    if (edited) target.editedSinceSave = true;
    accrue(current, now, cursor);
    return !checkpointing && this.#checkpointEligible(current);
  }

  #onActiveTargetChanged(now: number, cursor: CursorPosition | undefined): void {
    this.#activeTarget = this.#resolveActiveTarget();
    if (!this.#focused || this.#paused) return;
    const target = this.#activeTarget;
    if (target !== undefined && this.#isSaveAsTo(target, now)) this.#completeSaveAs(target);
    if (target !== undefined) {
      this.#engage(target, now, cursor);
      return;
    }
    if (this.#current !== undefined) {
      this.#leaveCandidate(now);
      this.#leaveCurrent(now);
      this.#advance(now);
    }
  }

  /**
   * The person moves on from the candidate within the grace (to another document, to none, by closing it or moving
   * it out of sight). Work of its own (the minimum reached) settles the switch; a glance is set aside, to be folded
   * into the session left or finished with it. Leaving is the candidate's last activity, except by closing it.
   */
  #leaveCandidate(now: number | undefined): void {
    const candidate = this.#candidate;
    if (candidate === undefined) return;
    if (now !== undefined) accrue(candidate, now, undefined);
    if (candidate.activeMs >= this.#minimumMs) {
      this.#settleSwitch();
      return;
    }
    this.#glances.push(candidate);
    this.#candidate = undefined;
  }

  /**
   * The person did not come back (they pause, quit, lose focus, Save As, or move on from real work): the
   * session being left ends where it was left and the candidate becomes the current session, which a following
   * leaveCurrent() gives its own grace.
   */
  #settleSwitch(): void {
    if (this.#pending?.reason === 'switch' && this.#candidate !== undefined) this.#endCurrent('switch', true);
  }

  /** Starts the switch grace for the current session (once: after leaving for no editor, the first deadline holds). */
  #leaveCurrent(now: number): void {
    const current = this.#current;
    if (current === undefined || this.#pending !== undefined) return;
    accrue(current, now, undefined);
    this.#pending = { reason: 'switch', deadline: now + this.#switchGraceMs };
  }

  #isSaveAsTo(target: DocumentState, now: number): boolean {
    const saveAs = this.#saveAs;
    return saveAs !== undefined && saveAs.toKey === target.key && now - saveAs.at <= SAVE_AS_WINDOW_MS;
  }

  /**
   * The buffer was saved as `saved` (the editor swapped to the file, or the buffer closed): the switch to the buffer
   * is settled, and its session moves to the file.
   */
  #completeSaveAs(saved: DocumentState | undefined): void {
    const fromKey = this.#saveAs?.fromKey;
    this.#saveAs = undefined;
    if (saved === undefined || fromKey === undefined) return;
    if (this.#candidate?.key === fromKey) this.#settleSwitch();
    if (this.#current?.key === fromKey) this.#moveCurrentTo(saved);
  }

  #moveCurrentTo(document: DocumentState): void {
    const current = this.#current;
    if (current === undefined) return;
    if (!document.trackable) {
      this.#endCurrent('excluded', true);
      return;
    }
    moveSession(current, document);
    const candidate = this.#candidate;
    if (candidate?.key === document.key) {
      // Saved as the document switched to within the grace: the candidate's time is the moved session's.
      accrue(current, candidate.lastActiveAt, candidate.cursor);
      this.#candidate = undefined;
      this.#glances = [];
      this.#pending = undefined;
    }
  }

  #resolveActiveTarget(): DocumentState | undefined {
    if (this.#activeNotebookKey !== undefined) {
      const notebook = this.#documents.get(this.#activeNotebookKey);
      if (notebook === undefined) return undefined;
      notebook.shown = true;
      return notebook.trackable ? notebook : undefined;
    }
    if (this.#activeTextKey === undefined) return undefined;
    const document = this.#documents.get(this.#activeTextKey);
    if (document === undefined) return undefined;
    document.shown = true;
    return this.#documents.sessionTarget(document);
  }

  // --- deadlines and endings --------------------------------------------------------------------------------

  #advance(now: number): void {
    for (;;) {
      const current = this.#current;
      if (current === undefined) return;
      const idleAt = current.lastActiveAt + this.#idleMs;
      const pending = this.#pending;
      if (pending !== undefined && pending.deadline <= now && pending.deadline <= idleAt) {
        this.#endCurrent(pending.reason, true);
        continue;
      }
      if (idleAt <= now) {
        this.#endCurrent('idle', true);
        continue;
      }
      if (this.#checkpointEligible(current) && current.lastCheckpointAt + this.#checkpointMs <= now) {
        this.#emitCheckpoint(current, now);
      }
      return;
    }
  }

  #checkpointEligible(session: LiveSession): boolean {
    return session.changedSinceCheckpoint && session.activeMs >= this.#minimumMs;
  }

  #emitCheckpoint(session: LiveSession, now: number): void {
    session.lastCheckpointAt = now;
    session.changedSinceCheckpoint = false;
    session.checkpointed = true;
    this.#deliver(() => this.#sink.checkpoint(snapshot(session)));
  }

  /** Ends the current session; during a switch the candidate becomes current if `promoteCandidate`. */
  #endCurrent(reason: SessionEndReason, promoteCandidate: boolean): void {
    const ended = this.#current;
    const successor = promoteCandidate && this.#pending?.reason === 'switch' ? this.#candidate : undefined;
    const glances = this.#glances;
    this.#current = successor;
    this.#pending = undefined;
    this.#candidate = undefined;
    this.#glances = [];
    if (ended !== undefined) this.#finish(ended, reason);
    for (const glance of glances) this.#finish(glance, 'switch');
  }

  #finish(session: LiveSession, reason: SessionEndReason): void {
    if (reason === 'excluded') {
      // Excluded content never leaves; a session already checkpointed is closed so its snapshots can be discarded.
      this.#log?.debug(`Tracking: discarded a session of ${formatSeconds(session.activeMs)} whose document is excluded.`);
      if (session.checkpointed) this.#deliver(() => this.#sink.finished(snapshot(session, reason)));
      return;
    }
    if (session.activeMs < this.#minimumMs && !session.checkpointed) {
      this.#log?.debug(
        `Tracking: dropped a session of ${formatSeconds(session.activeMs)} active (${reason}), under the ${formatSeconds(this.#minimumMs)} minimum.`,
      );
      return;
    }
    this.#deliver(() => this.#sink.finished(snapshot(session, reason)));
  }

  /** A throwing sink must not leave the engine half-way through a transition: the error surfaces afterwards. */
  #deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.#sinkError ??= { error };
    }
  }

  #throwSinkError(): void {
    const pending = this.#sinkError;
    if (pending === undefined) return;
    this.#sinkError = undefined;
    throw pending.error;
  }
}

/** Milliseconds as seconds for the log, to the millisecond, e.g. `14.5 s`. */
function formatSeconds(ms: number): string {
  return `${ms / 1000} s`;
}
