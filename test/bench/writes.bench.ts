// Graph writes over a synthetic 8-hour day: the real TrackingEngine and the real publishing path (outbox, scheduler,
// publisher, budget, Graph client; default settings) run over the seeded trace on a virtual clock, against the
// emulator whose clock is the same. The writes counted are the PUTs the emulator received. Afterwards every
// finished session of the day must be in Graph exactly once, with its final times; anything else throws.
import { DEFAULT_TRACKING_CONFIG } from '../../src/tracking/engineConfig';
import { TrackingEngine } from '../../src/tracking/engine';
import type { Session } from '../../src/tracking/types';
import type { RunReason } from '../../src/publish/scheduler';
import { FIVE_MINUTES } from '../../src/graph/budget';
import type { ProfileName } from '../../tools/graph-emulator';
import { Prng } from './prng';
import { startPublishingStack, type GraphWrite, type PublishingStack } from './publishingStack';
import { generateTrace, type Trace } from './trace';
import { VirtualClock } from '../support/clock';
import { heartbeatWrites, peakInWindow, perEventWrites } from './writeRules';

export interface WriteCount {
  writes: number;
  peakPerFiveMinutes: number;
}

export interface WritesBenchResult {
  profile: ProfileName;
  traceEvents: number;
  filesWorked: number;
  filesReplaced: number;
  finishedSessions: number;
  ours: WriteCount & {
    /** Distinct history items in Graph afterwards (one per finished session). */
    sessionsPublished: number;
    /** History items carried by all PUTs: a session sent while ongoing and again when finished counts twice. */
    historyItemsSent: number;
    refused: number;
    /** Writes none of whose history items was the session's last upload (only snapshots replaced later). */
    interimOnlyWrites: number;
    runs: number;
    writesByReason: Partial<Record<RunReason, number>>;
    /** Sessions still queued when the day's editor closed (published by the next start). */
    leftAtClose: number;
  };
  perEvent: WriteCount;
  heartbeat: WriteCount;
  wallMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes whose every history item was sent again later: they only carried a snapshot of a running session. */
function interimOnly(writes: readonly GraphWrite[]): number {
  const lastWriteOf = new Map<string, number>();
  writes.forEach((write, index) => {
    for (const id of write.historyItemIds) lastWriteOf.set(id, index);
  });
  return writes.filter((write, index) => write.historyItemIds.every((id) => lastWriteOf.get(id) !== index)).length;
}

/** Ground truth against Graph: each finished session exactly once, with its final times, and nothing else. */
function verify(finished: ReadonlyMap<string, Session>, stack: PublishingStack): number {
  const seen = new Map<string, { count: number; startedDateTime: string; lastActiveDateTime: string | null }>();
  for (const activity of stack.emulator.state.all()) {
    for (const item of activity.historyItems) {
      const previous = seen.get(item.id);
      seen.set(item.id, {
        count: (previous?.count ?? 0) + 1,
        startedDateTime: item.startedDateTime,
        lastActiveDateTime: item.lastActiveDateTime,
      });
    }
  }
  const problems: string[] = [];
  for (const session of finished.values()) {
    const stored = seen.get(session.id);
    if (stored === undefined) problems.push(`session ${session.id} never reached Graph`);
    else if (stored.count !== 1) problems.push(`session ${session.id} is in Graph ${stored.count} times`);
    else if (
      stored.startedDateTime !== iso(session.startedAt) ||
      stored.lastActiveDateTime !== iso(Math.max(session.lastActiveAt, session.startedAt))
    ) {
      problems.push(
        `session ${session.id} is in Graph with ${stored.startedDateTime}..${stored.lastActiveDateTime}, not its final ${iso(session.startedAt)}..${iso(session.lastActiveAt)}`,
      );
    }
  }
  for (const id of seen.keys()) if (!finished.has(id)) problems.push(`history item ${id} is not a finished session of the trace`);
  if (stack.outbox.count() !== 0) problems.push(`${stack.outbox.count()} session(s) still in the outbox`);
  if (stack.errors.length > 0) problems.push(`scheduled runs failed: ${stack.errors.map(String).join('; ')}`);
  if (problems.length > 0)
    throw new Error(`writes bench: the published sessions do not match the trace:\n  ${problems.slice(0, 20).join('\n  ')}`);
  return seen.size;
}

async function simulateDay(trace: Trace, dir: string, profile: ProfileName) {
  const clock = new VirtualClock({ start: trace.startAt });
  const finished = new Map<string, Session>();
  const holder: { engine?: TrackingEngine } = {};
  const stack = await startPublishingStack({
    clock,
    dir,
    currentSession: () => holder.engine?.currentSession(),
    minimumSessionSeconds: DEFAULT_TRACKING_CONFIG.minimumSessionSeconds,
    profile,
  });
  const ids = new Prng(trace.seed ^ 0x51d5);
  const engine = new TrackingEngine({
    clock,
    config: DEFAULT_TRACKING_CONFIG,
    newId: () => ids.guid(),
    sink: {
      checkpoint: (session) => void stack.outbox.put(session),
      finished: (session) => {
        stack.outbox.put(session);
        if (session.endReason !== 'excluded' && session.publishable !== false) finished.set(session.id, session);
        stack.scheduler.sessionFinished();
      },
    },
  });
  holder.engine = engine;

  // The adapter's one timer: the engine's next deadline, interleaved in time order with the scheduler's timers.
  const advanceTo = async (at: number) => {
    let guard = 0;
    for (;;) {
      const deadline = engine.nextDeadline();
      const timer = clock.nextTimerAt();
      const next = Math.min(deadline ?? Infinity, timer ?? Infinity);
      if (next === Infinity || next > at) break;
      if (++guard > 1_000_000) throw new Error('writes bench: the simulation stopped making progress');
      clock.advanceTo(next);
      if (deadline !== undefined && deadline <= clock.now()) engine.tick(clock.now());
      await clock.fireDue();
    }
    clock.advanceTo(at);
  };

  try {
    for (const { at, event } of trace.events) {
      await advanceTo(at);
      engine.handle(event);
      await clock.settle();
    }
    await advanceTo(trace.endAt);
    // Closing the editor: the running session ends, and the extension tries one last publish.
    engine.handle({ type: 'shutdown' });
    await clock.track(stack.scheduler.runNow('shutdown'));
    await clock.settle();
    const leftAtClose = stack.outbox.count();
    // Whatever waited for the budget goes out on the next start; let the scheduler's timers run until it has.
    const giveUpAt = clock.now() + 24 * 60 * 60_000;
    while (stack.outbox.count() > 0 && clock.now() < giveUpAt) {
      const next = clock.nextTimerAt();
      if (next === undefined) break;
      await advanceTo(next);
    }
    return { stack, finished, leftAtClose };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

export async function benchWrites(dir: string, seed?: number, profile: ProfileName = 'documented'): Promise<WritesBenchResult> {
  const started = performance.now();
  const trace = generateTrace({ seed });
  const { stack, finished, leftAtClose } = await simulateDay(trace, dir, profile);
  try {
    const sessionsPublished = verify(finished, stack);
    const writes = stack.writes();
    const accepted = writes.filter((w) => w.status >= 200 && w.status < 300);
    const writesByReason: Partial<Record<RunReason, number>> = {};
    for (const run of stack.runs) writesByReason[run.reason] = (writesByReason[run.reason] ?? 0) + run.summary.activities;
    const perEvent = perEventWrites(trace.events);
    const heartbeat = heartbeatWrites(trace.events);
    return {
      profile,
      traceEvents: trace.events.length,
      filesWorked: new Set([...finished.values()].map((s) => s.documentUri)).size,
      filesReplaced: trace.replace.files,
      finishedSessions: finished.size,
      ours: {
        writes: writes.length,
        peakPerFiveMinutes: peakInWindow(
          writes.map((w) => w.at),
          FIVE_MINUTES,
        ),
        sessionsPublished,
        historyItemsSent: accepted.reduce((sum, w) => sum + w.historyItemIds.length, 0),
        interimOnlyWrites: interimOnly(accepted),
        refused: writes.length - accepted.length,
        runs: stack.runs.length,
        writesByReason,
        leftAtClose,
      },
      perEvent: { writes: perEvent.length, peakPerFiveMinutes: peakInWindow(perEvent, FIVE_MINUTES) },
      heartbeat: { writes: heartbeat.length, peakPerFiveMinutes: peakInWindow(heartbeat, FIVE_MINUTES) },
      wallMs: performance.now() - started,
    };
  } finally {
    await stack.close();
  }
}
