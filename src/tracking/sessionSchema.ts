// Strict check of a Session read back from disk: every field, so nothing malformed ever reaches Graph.
import { isPrivacyLevel, PRIVACY_LEVELS } from '../privacy/disclosure';
import type { CursorPosition, Session, SessionEndReason } from './types';
import { isFiniteNumber, isNonNegativeInteger, isRecord, mismatch, type Parsed } from '../text/jsonShape';

// A Record, so that adding a reason to SessionEndReason fails to compile until it is listed here.
const END_REASONS: Record<SessionEndReason, true> = {
  idle: true,
  switch: true,
  close: true,
  blur: true,
  shutdown: true,
  excluded: true,
  paused: true,
};

function isEndReason(value: unknown): value is SessionEndReason {
  return typeof value === 'string' && Object.hasOwn(END_REASONS, value);
}

/** Returns a fresh Session holding only the known fields. */
export function parseSession(value: unknown, where = 'session'): Parsed<Session> {
  if (!isRecord(value)) return mismatch(where, 'an object', value);
  const { id, documentUri, languageId, startedAt, lastActiveAt, activeSeconds, cursor, state, endReason, publishable, privacy } =
    value;
  if (typeof id !== 'string' || id === '') return mismatch(`${where}.id`, 'a non-empty string', id);
  if (typeof documentUri !== 'string' || documentUri === '')
    return mismatch(`${where}.documentUri`, 'a non-empty string', documentUri);
  if (typeof languageId !== 'string') return mismatch(`${where}.languageId`, 'a string', languageId);
  if (!isFiniteNumber(startedAt)) return mismatch(`${where}.startedAt`, 'a finite number', startedAt);
  if (!isFiniteNumber(lastActiveAt)) return mismatch(`${where}.lastActiveAt`, 'a finite number', lastActiveAt);
  if (!isFiniteNumber(activeSeconds) || activeSeconds < 0)
    return mismatch(`${where}.activeSeconds`, 'a finite number ≥ 0', activeSeconds);
  if (state !== 'ongoing' && state !== 'ended') return mismatch(`${where}.state`, '"ongoing" or "ended"', state);
  if (endReason !== undefined && !isEndReason(endReason)) {
    return mismatch(`${where}.endReason`, `one of ${Object.keys(END_REASONS).join(', ')}`, endReason);
  }
  if (publishable !== undefined && typeof publishable !== 'boolean')
    return mismatch(`${where}.publishable`, 'true or false', publishable);
  if (privacy !== undefined && !isPrivacyLevel(privacy))
    return mismatch(`${where}.privacy`, `one of ${PRIVACY_LEVELS.join(', ')}`, privacy);
  let position: CursorPosition | undefined;
  if (cursor !== undefined) {
    const parsed = parseCursor(cursor, `${where}.cursor`);
    if (!parsed.ok) return parsed;
    position = parsed.value;
  }
  const session: Session = { id, documentUri, languageId, startedAt, lastActiveAt, activeSeconds, state };
  if (position) session.cursor = position;
  if (endReason !== undefined) session.endReason = endReason;
  if (publishable !== undefined) session.publishable = publishable;
  if (privacy !== undefined) session.privacy = privacy;
  return { ok: true, value: session };
}

function parseCursor(value: unknown, where: string): Parsed<CursorPosition> {
  if (!isRecord(value)) return mismatch(where, 'an object', value);
  const { line, character, cell } = value;
  if (!isNonNegativeInteger(line)) return mismatch(`${where}.line`, 'an integer ≥ 0', line);
  if (!isNonNegativeInteger(character)) return mismatch(`${where}.character`, 'an integer ≥ 0', character);
  if (cell !== undefined && !isNonNegativeInteger(cell)) return mismatch(`${where}.cell`, 'an integer ≥ 0', cell);
  return { ok: true, value: cell === undefined ? { line, character } : { line, character, cell } };
}
