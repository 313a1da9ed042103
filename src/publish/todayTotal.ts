// Today's active time for the status bar: finished sessions add up per local calendar day; the running session is
// added on top when asked. Kept in a memento so a reload does not reset it.
import type { Session } from '../tracking/types';

export interface DayMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'activityFeed.today';

function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class TodayTotal {
  private readonly counted = new Set<string>();

  constructor(
    private readonly memento: DayMemento,
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
