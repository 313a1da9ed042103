// Today's active time for the status bar: finished sessions add up per local calendar day; the running session is
// added on top when asked. Kept in a memento so a reload does not reset it.
import type { KeyValueStore } from '../platform/ports';
import type { Session } from '../tracking/types';

const KEY = 'activityFeed.today';

function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class TodayTotal {
  private readonly counted = new Set<string>();

  constructor(
    private readonly memento: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds a finished session once (a replayed one is not counted twice). */
  add(session: Session): void {
    if (session.state !== 'ended' || session.endReason === 'excluded' || this.counted.has(session.id)) return;
    this.counted.add(session.id);
    const today = localDay(this.now());
    if (localDay(session.lastActiveAt) !== today) return;
    void this.memento.update(KEY, { day: today, seconds: this.storedSeconds(today) + session.activeSeconds });
  }

  seconds(current?: Session): number {
    const today = localDay(this.now());
    return this.storedSeconds(today) + (current && localDay(current.lastActiveAt) === today ? current.activeSeconds : 0);
  }

  /** What finished sessions added up to on `day`; a total of another day counts as nothing. */
  private storedSeconds(day: string): number {
    const stored = this.memento.get<{ day: string; seconds: number }>(KEY);
    return stored?.day === day && Number.isFinite(stored.seconds) ? stored.seconds : 0;
  }
}

/** A session another machine published, as far as "today" needs it. */
export interface OtherSession {
  startedAt: number;
  activeSeconds: number;
}

/** The feed's sessions that this machine did not record (it counts its own itself, running one included). */
export function otherMachinesSessions(
  activities: readonly { historyItems?: readonly { id: string; startedDateTime: string; activeDurationSeconds?: number }[] }[],
  isMine: (sessionId: string) => boolean,
): OtherSession[] {
  return activities.flatMap((activity) =>
    (activity.historyItems ?? []).flatMap((item) => {
      const startedAt = Date.parse(item.startedDateTime);
      if (isMine(item.id) || !Number.isFinite(startedAt)) return [];
      return [{ startedAt, activeSeconds: Math.max(0, item.activeDurationSeconds ?? 0) }];
    }),
  );
}

/** What the other machines' sessions that started on today's local day add up to. */
export function otherMachinesToday(sessions: readonly OtherSession[], now: number): number {
  const today = localDay(now);
  return sessions.reduce((sum, s) => (localDay(s.startedAt) === today ? sum + s.activeSeconds : sum), 0);
}
