// One live session's bookkeeping: start, accrue active time, and take immutable snapshots.
import type { CursorPosition, Session, SessionEndReason } from './types';

/** The mutable record behind a session while it is live. */
export interface LiveSession {
  readonly id: string;
  /** Key of the document the session belongs to (for notebook cells: the notebook). */
  key: string;
  languageId: string;
  publishable: boolean;
  readonly startedAt: number;
  /** Time of the last real activity; reading time counts only once a later activity confirms it. */
  lastActiveAt: number;
  activeMs: number;
  /** The session's own record, updated in place: the cursor a caller passes may be an object it goes on using. */
  cursor: LiveCursor | undefined;
  lastCheckpointAt: number;
  changedSinceCheckpoint: boolean;
  /** An 'ongoing' snapshot has left the engine, so the session must always be closed with a 'finished'. */
  checkpointed: boolean;
}

interface LiveCursor {
  line: number;
  character: number;
  cell: number | undefined;
}

export interface SessionOwner {
  readonly key: string;
  readonly languageId: string;
  readonly publishable: boolean;
}

export function startSession(id: string, owner: SessionOwner, now: number, cursor: CursorPosition | undefined): LiveSession {
  return {
    id,
    key: owner.key,
    languageId: owner.languageId,
    publishable: owner.publishable,
    startedAt: now,
    lastActiveAt: now,
    activeMs: 0,
    cursor: cursor === undefined ? undefined : ownCursor(cursor),
    lastCheckpointAt: now,
    changedSinceCheckpoint: true,
    checkpointed: false,
  };
}

/**
 * Records activity at `now`: the gap since the previous activity counts as active time. Callers guarantee the
 * gap is shorter than the idle timeout (the engine ends idle sessions before it applies any later event).
 */
export function accrue(session: LiveSession, now: number, cursor: CursorPosition | undefined): void {
  if (cursor !== undefined) setCursor(session, cursor);
  if (now <= session.lastActiveAt) return; // same millisecond, or a clock that stepped back
  session.activeMs += now - session.lastActiveAt;
  session.lastActiveAt = now;
  session.changedSinceCheckpoint = true;
}

function setCursor(session: LiveSession, cursor: CursorPosition): void {
  const own = session.cursor;
  if (own === undefined) {
    session.cursor = ownCursor(cursor);
    return;
  }
  own.line = cursor.line;
  own.character = cursor.character;
  own.cell = cursor.cell;
}

function ownCursor(cursor: CursorPosition): LiveCursor {
  return { line: cursor.line, character: cursor.character, cell: cursor.cell };
}

/** The person is back after time away (window blurred): active again from `now`, the absence not counted. */
export function resumeAfterAbsence(session: LiveSession, now: number): void {
  if (now <= session.lastActiveAt) return;
  session.lastActiveAt = now;
  session.changedSinceCheckpoint = true;
}

export function moveSession(session: LiveSession, owner: SessionOwner): void {
  session.key = owner.key;
  session.languageId = owner.languageId;
  session.publishable = owner.publishable;
}

export function snapshot(session: LiveSession, endReason?: SessionEndReason): Session {
  const result: Session = {
    id: session.id,
    documentUri: session.key,
    languageId: session.languageId,
    startedAt: session.startedAt,
    lastActiveAt: session.lastActiveAt,
    activeSeconds: Math.floor(session.activeMs / 1000),
    state: endReason === undefined ? 'ongoing' : 'ended',
    publishable: session.publishable,
  };
  if (session.cursor !== undefined) result.cursor = copyCursor(session.cursor);
  if (endReason !== undefined) result.endReason = endReason;
  return result;
}

function copyCursor(cursor: LiveCursor): CursorPosition {
  const copy: CursorPosition = { line: cursor.line, character: cursor.character };
  if (cursor.cell !== undefined) copy.cell = cursor.cell;
  return copy;
}
