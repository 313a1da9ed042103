// A week offline: 10,000 finished sessions over 500 files in a real outbox on disk, drained by the real publisher
// and scheduler against the emulator with the service's limits on. The emulator's throttle, the client's write
// budget and the scheduler's timers share one virtual clock that jumps ahead whenever the publisher says it must
// wait, so the figures give both the time the drain needs (budget-bound, virtual) and the work it takes (wall).
import { LIMITS } from '../../src/activity/limits';
import type { ProfileName } from '../../tools/graph-emulator';
import { SERVICE_THROTTLING } from '../../tools/graph-emulator/throttle';
import { backlogSessions } from './backlogSessions';
import { startPublishingStack } from './publishingStack';
import { VirtualClock } from '../support/clock';

export interface BacklogBenchResult {
  profile: ProfileName;
  sessions: number;
  files: number;
  /** Activities with pending sessions: the fewest writes that can carry the backlog. */
  activitiesPending: number;
  writes: number;
  throttled: number;
  historyItemsInGraph: number;
  historyItemsPerWrite: { min: number; max: number };
  /** Our cap per PUT (src/activity/limits.ts); more sessions of one file are split over several PUTs. */
  historyItemsPerPayloadLimit: number;
  runs: number;
  budgetStops: number;
  clientSleeps: number;
  enqueueWallMs: number;
  drainWallMs: number;
  drainVirtualMs: number;
}

const SESSIONS = 10_000;
const FILES = 500;

export async function benchBacklog(dir: string, profile: ProfileName = 'documented'): Promise<BacklogBenchResult> {
  const offlineEnd = Date.UTC(2026, 2, 9, 9);
  const clock = new VirtualClock({ start: offlineEnd + 60 * 60_000 });
  // The default cap (publish.maxQueuedSessions = 5,000) would refuse half of this backlog; the setting allows 100,000.
  const stack = await startPublishingStack({ clock, dir, maxQueuedSessions: SESSIONS, throttling: SERVICE_THROTTLING, profile });
  try {
    const sessions = backlogSessions({ sessions: SESSIONS, files: FILES, days: 7, endAt: offlineEnd });
    const enqueueStarted = performance.now();
    for (const session of sessions) {
      if (stack.outbox.put(session) !== 'stored') throw new Error(`backlog bench: session ${session.id} was not stored`);
    }
    const enqueueWallMs = performance.now() - enqueueStarted;

    const virtualStart = clock.now();
    const drainStarted = performance.now();
    await clock.track(stack.scheduler.runNow('start'));
    await clock.settle();
    while (stack.outbox.count() > 0) {
      const next = clock.nextTimerAt();
      if (next === undefined || next - virtualStart > 4 * 24 * 60 * 60_000)
        throw new Error(`backlog bench: ${stack.outbox.count()} sessions never drained`);
      await clock.runTimersTo(next);
    }
    const drainWallMs = performance.now() - drainStarted;

    const writes = stack.writes();
    const accepted = writes.filter((w) => w.status >= 200 && w.status < 300);
    const inGraph = new Set<string>();
    let historyItemsInGraph = 0;
    for (const activity of stack.emulator.state.all()) {
      for (const item of activity.historyItems) {
        inGraph.add(item.id);
        historyItemsInGraph++;
      }
    }
    const missing = sessions.filter((s) => !inGraph.has(s.id)).length;
    if (missing > 0 || historyItemsInGraph !== SESSIONS) {
      throw new Error(
        `backlog bench: Graph holds ${historyItemsInGraph} history items; ${missing} of the ${SESSIONS} sessions are missing`,
      );
    }
    if (stack.errors.length > 0) throw new Error(`backlog bench: scheduled runs failed: ${stack.errors.map(String).join('; ')}`);
    const perWrite = accepted.map((w) => w.historyItemIds.length);
    return {
      profile,
      sessions: SESSIONS,
      files: FILES,
      activitiesPending: new Set(sessions.map((s) => s.documentUri)).size,
      writes: writes.length,
      throttled: writes.filter((w) => w.status === 429).length,
      historyItemsInGraph,
      historyItemsPerWrite: { min: Math.min(...perWrite), max: Math.max(...perWrite) },
      historyItemsPerPayloadLimit: LIMITS.historyItemsPerPayload,
      runs: stack.runs.length,
      budgetStops: stack.runs.filter((r) => r.summary.outcome === 'budget').length,
      clientSleeps: clock.sleeps.length,
      enqueueWallMs,
      drainWallMs,
      drainVirtualMs: Math.max(...accepted.map((w) => w.at)) - virtualStart,
    };
  } finally {
    await stack.close();
  }
}
