// The write counts the benchmark compares ours with, computed from the same trace, and the peak-rate measure.
import type { TrackingEvent } from '../../src/tracking/engineEvents';
import type { TimedEvent } from './trace';

export const HEARTBEAT_INTERVAL_MS = 2 * 60_000;

/** Most timestamps (sorted ascending) that fall in any window of `windowMs` ending at one of them. */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[first] <= times[last] - windowMs) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/** Something the person did in the editor; opening and closing documents is bookkeeping, not an editor event. */
export function isEditorEvent(event: TrackingEvent): boolean {
  return (
    event.type !== 'open' &&
    event.type !== 'close' &&
    event.type !== 'rename' &&
    event.type !== 'pause' &&
    event.type !== 'resume' &&
    event.type !== 'shutdown'
  );
}

/** Baseline (a): one write per editor event. Returns the write times. */
export function perEventWrites(events: readonly TimedEvent[]): number[] {
  return events.filter((e) => isEditorEvent(e.event)).map((e) => e.at);
}

function activityKey(event: TrackingEvent): string | undefined {
  switch (event.type) {
    case 'edit':
      return event.inActiveEditor ? event.key : undefined;
    case 'selection':
    case 'scroll':
    case 'save':
      return event.key;
    default:
      return undefined;
  }
}

/**
 * Baseline (b), a heartbeat tracker: a write when the active file changes, and a write on activity in the active
 * file when at least `intervalMs` passed since the last write for that file. Returns the write times.
 */
export function heartbeatWrites(events: readonly TimedEvent[], intervalMs = HEARTBEAT_INTERVAL_MS): number[] {
  const writes: number[] = [];
  const lastWriteAt = new Map<string, number>();
  let active: string | undefined;
  let focused = true;
  const write = (key: string, at: number) => {
    writes.push(at);
    lastWriteAt.set(key, at);
  };
  for (const { at, event } of events) {
    if (event.type === 'focus') {
      focused = event.focused;
      continue;
    }
    if (event.type === 'activeEditor') {
      const changed = event.key !== undefined && event.key !== active;
      active = event.key;
      if (changed && focused && active !== undefined) write(active, at);
      continue;
    }
    const key = activityKey(event);
    if (key === undefined || key !== active || !focused) continue;
    const last = lastWriteAt.get(key);
    if (last === undefined || at - last >= intervalMs) write(key, at);
  }
  return writes;
}
