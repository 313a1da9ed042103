// The on-disk format of one outbox entry (one file per session), versioned so a later release can change it.
import type { Session } from '../tracking/types';
import { isFiniteNumber, isNonNegativeInteger, isPositiveInteger, isRecord, mismatch } from '../text/jsonShape';
import { parseSession } from '../tracking/sessionSchema';

export const OUTBOX_FORMAT = 'activity-feed-outbox';
export const OUTBOX_VERSION = 1;

export interface OutboxEntry {
  format: typeof OUTBOX_FORMAT;
  version: typeof OUTBOX_VERSION;
  session: Session;
  /** Grows with every put of the same session, so an acknowledgement can tell which state was published. */
  revision: number;
  /** When the session was first queued (epoch ms). */
  queuedAt: number;
  /** Failed publish attempts so far. */
  attempts: number;
  lastError?: string;
}

export type EntryParseResult =
  | { ok: true; entry: OutboxEntry }
  | { ok: false; kind: 'corrupt'; reason: string }
  | { ok: false; kind: 'newer-version'; version: number; reason: string };

export function parseOutboxEntry(value: unknown): EntryParseResult {
  const corrupt = (problem: { reason: string }): EntryParseResult => ({ ok: false, kind: 'corrupt', reason: problem.reason });
  if (!isRecord(value)) return corrupt(mismatch('the entry', 'an object', value));
  const { format, version, session, revision, queuedAt, attempts, lastError } = value;
  if (format !== OUTBOX_FORMAT) return corrupt(mismatch('format', `"${OUTBOX_FORMAT}"`, format));
  if (isPositiveInteger(version) && version > OUTBOX_VERSION) {
    return {
      ok: false,
      kind: 'newer-version',
      version,
      reason: `written by a newer version of the extension (format version ${version})`,
    };
  }
  if (version !== OUTBOX_VERSION) return corrupt(mismatch('version', String(OUTBOX_VERSION), version));
  const parsedSession = parseSession(session);
  if (!parsedSession.ok) return corrupt(parsedSession);
  if (!isPositiveInteger(revision)) return corrupt(mismatch('revision', 'an integer ≥ 1', revision));
  if (!isFiniteNumber(queuedAt)) return corrupt(mismatch('queuedAt', 'a finite number', queuedAt));
  if (!isNonNegativeInteger(attempts)) return corrupt(mismatch('attempts', 'an integer ≥ 0', attempts));
  if (lastError !== undefined && typeof lastError !== 'string') return corrupt(mismatch('lastError', 'a string', lastError));
  const entry: OutboxEntry = {
    format: OUTBOX_FORMAT,
    version: OUTBOX_VERSION,
    session: parsedSession.value,
    revision,
    queuedAt,
    attempts,
  };
  if (lastError !== undefined) entry.lastError = lastError;
  return { ok: true, entry };
}

export function serializeOutboxEntry(entry: OutboxEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The revision field of any JSON value, when it has a usable one; lets a put continue numbering after a bad file. */
export function revisionOf(value: unknown): number {
  return isRecord(value) && isPositiveInteger(value.revision) ? value.revision : 0;
}
