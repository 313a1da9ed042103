// Sessions → history items. Ongoing sessions are sent with their lastActiveDateTime so far: the item is upserted
// by its GUID, so the next checkpoint or the final write replaces it, and a reader never sees an open-ended item
// that might stay "ongoing" forever if the editor crashes.
import type { HistoryItemRequest } from '../graph/types';
import type { Session } from '../tracking/types';

export const INT32_MAX = 2_147_483_647;

/** Sessions that may leave the machine: never-saved buffers and excluded files stay local. */
export function publishableSessions(sessions: readonly Session[]): Session[] {
  return sessions.filter((session) => session.publishable !== false && session.endReason !== 'excluded');
}

export function toDateTimeOffset(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Whole seconds of activity, never negative, never more than the wall span, within int32. */
export function activeDurationSeconds(session: Session): number {
  const spanSeconds = Math.max(0, Math.floor((session.lastActiveAt - session.startedAt) / 1000));
  const active = Number.isFinite(session.activeSeconds) ? Math.floor(session.activeSeconds) : 0;
  return Math.min(Math.max(0, active), spanSeconds, INT32_MAX);
}

/** How long Graph is asked to keep each history item: `keepDays` after the session's last activity. */
export interface Retention {
  keepDays: number;
  /** Epoch ms of the write: an item is never asked to go sooner than an hour after it (a late publish). */
  now: number;
}

const DAY_MS = 24 * 60 * 60_000;
const SOONEST_EXPIRY_MS = 60 * 60_000;

export function toHistoryItem(session: Session, userTimezone?: string, retention?: Retention): HistoryItemRequest {
  const lastActiveAt = Math.max(session.lastActiveAt, session.startedAt);
  return {
    id: session.id,
    startedDateTime: toDateTimeOffset(session.startedAt),
    lastActiveDateTime: toDateTimeOffset(lastActiveAt),
    activeDurationSeconds: activeDurationSeconds({ ...session, lastActiveAt }),
    ...(userTimezone ? { userTimezone } : {}),
    ...(retention && retention.keepDays > 0
      ? {
          expirationDateTime: toDateTimeOffset(
            Math.max(lastActiveAt + retention.keepDays * DAY_MS, retention.now + SOONEST_EXPIRY_MS),
          ),
        }
      : {}),
  };
}

/** Oldest first, so split payloads go out in the order the sessions happened. */
export function toHistoryItems(sessions: readonly Session[], userTimezone?: string, retention?: Retention): HistoryItemRequest[] {
  return [...sessions]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((session) => toHistoryItem(session, userTimezone, retention));
}

export function totalActiveSeconds(sessions: readonly Session[]): number {
  return sessions.reduce((sum, session) => sum + activeDurationSeconds(session), 0);
}
