// One publishing run: takes the publish lock (one window at a time), plans one request per activity with its
// pending sessions, writes each through activityWriter (which follows what is known about the service and checks
// every answer) within the write budget, and removes from the outbox only what Graph holds as sent. It stops at
// the first failure that would hit every other request too (signed out, offline, throttled, budget spent) and says
// when trying again makes sense. Pure: no editor imports.
import { GraphError } from '../graph/errors';
import { clampServerDelay } from '../graph/serverDelay';
import { answerWasLost } from '../graph/transport';
import type { Session } from '../tracking/types';
import { ActivityGraph, PublishedIndexLike, writeActivity, WriteBudgetSpent } from './activityWriter';
import type { PlannedRequest } from './plan';
import { MemoryServiceFacts, type ServiceFactsStore } from './serviceFacts';

export interface OutboxEntryLike {
  session: Session;
  revision: number;
  attempts: number;
  lastError?: string;
}

export interface OutboxLike {
  list(): OutboxEntryLike[];
  count(): number;
  acknowledge(acks: { sessionId: string; revision: number }[]): number;
  recordFailure(sessionId: string, revision: number, message: string): void;
  prune(): { expired: number; overCap: number };
}

export interface LockLike {
  tryAcquire(): boolean;
  heartbeat(): void;
  release(): void;
}

export type { PublishedIndexLike } from './activityWriter';
export type GraphWriter = ActivityGraph;

export interface BudgetLike {
  remaining(): number;
  nextSlotAt(): number;
  /** While Microsoft Graph's last Retry-After lasts, when it ends. */
  pausedUntil?(): number | undefined;
}

export interface PublishFailure {
  documentUri: string;
  message: string;
}

export type PublishOutcome =
  /** Everything that was pending has been acknowledged (or there was nothing). */
  | 'done'
  /** Another window holds the publish lock and is publishing the same outbox. */
  | 'busy'
  | 'signInRequired'
  /** No network, a timeout, or Graph is down or throttling: try again later. */
  | 'retryLater'
  /** The write budget is spent until `retryAt`. */
  | 'budget'
  /** Some activities were refused for good (their sessions stay queued, with the error recorded). */
  | 'partial'
  | 'cancelled';

export interface PublishSummary {
  outcome: PublishOutcome;
  activities: number;
  sessions: number;
  /** Sessions still queued after the run. */
  remaining: number;
  failures: PublishFailure[];
  /** Epoch ms: when a retry makes sense (retryLater, budget). */
  retryAt?: number;
  /** The message of the error that stopped the run. */
  reason?: string;
  /** Epoch ms: Microsoft Graph asked for nothing to be sent before then (a Retry-After; retryLater, budget). */
  heldUntil?: number;
}

export interface PublisherOptions {
  outbox: OutboxLike;
  lock: LockLike;
  published: PublishedIndexLike;
  graph: () => GraphWriter;
  writeBudget: BudgetLike;
  /** The PUTs for these sessions (grouped by document, mapped, validated), or the reason one cannot be built. */
  plan: (sessions: Session[]) => { requests: PlannedRequest[]; problems: { documentUri: string; message: string }[] };
  /** Called once Graph holds a request's activity, next to the published index update (planning itself writes nothing). */
  onWritten?: (request: PlannedRequest) => void;
  now: () => number;
  log: { info(message: string): void; warn(message: string): void };
  /** How long to wait after a network-level failure before trying again. */
  retryDelayMs?: number;
  /** What is known about the live service (Check Microsoft Graph, and what writes showed); default: nothing yet. */
  service?: ServiceFactsStore;
  /**
   * How long after a write lost its answer the session is read back to confirm it: long enough for that write to
   * have landed if it ever does (default 2 minutes, four times the client's request timeout).
   */
  confirmAfterMs?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Entries refused for good this many times are skipped by automatic runs (a person's Publish Now retries them). */
  skipAfterPermanentFailures?: number;
  /** 'withFinished': checkpoints of running sessions go only with a finished session of the same file. */
  ongoing?: 'all' | 'withFinished';
  onProgress?: (done: number, total: number) => void;
}

const PERMANENT_MARK = '[permanent] ';

export class Publisher {
  /** Sessions a write of which lost its answer, and when: they are read back before they are acknowledged. */
  private readonly unconfirmed = new Map<string, number>();
  private readonly service: ServiceFactsStore;

  constructor(private readonly options: PublisherOptions) {
    this.service = options.service ?? new MemoryServiceFacts();
  }

  async run(run: RunOptions = {}): Promise<PublishSummary> {
    const { outbox, lock, log } = this.options;
    if (!lock.tryAcquire()) return summary('busy', 0, 0, outbox.count(), []);
    try {
      const pruned = outbox.prune();
      if (pruned.expired + pruned.overCap > 0)
        log.warn(`Dropped ${pruned.expired} session(s) older than Graph keeps them and ${pruned.overCap} beyond the outbox cap.`);
      return await this.send(run);
    } finally {
      lock.release();
    }
  }

  private async send(run: RunOptions): Promise<PublishSummary> {
    const { outbox, lock, published, writeBudget, log, now } = this.options;
    const entries = this.entriesToSend(run);
    const revisions = new Map(entries.map((e) => [e.session.id, e.revision]));
    const plan = this.options.plan(entries.map((e) => e.session));
    const failures: PublishFailure[] = [];
    for (const problem of plan.problems) {
      failures.push(problem);
      this.recordFailure(
        entries.filter((e) => e.session.documentUri === problem.documentUri),
        `${PERMANENT_MARK}${problem.message}`,
      );
    }
    let activities = 0;
    let sessions = 0;
    let confirmAt: number | undefined;
    const total = plan.requests.length;
    const remaining = () => outbox.count();
    const graph = this.options.graph();
    for (const [index, request] of plan.requests.entries()) {
      if (run.signal?.aborted) return summary('cancelled', activities, sessions, remaining(), failures);
      if (writeBudget.remaining() < 1) return this.budgetSpent(summary('budget', activities, sessions, remaining(), failures));
      const itemIds = (request.body.historyItems ?? [])
        .map((item) => item.id)
        .filter((id): id is string => typeof id === 'string');
      try {
        await writeActivity(request, {
          graph,
          facts: this.service,
          published,
          unconfirmed: this.unconfirmed,
          confirmAfterMs: this.options.confirmAfterMs ?? 120_000,
          confirmLater: (at) => (confirmAt = Math.max(confirmAt ?? at, at)),
          canWrite: () => writeBudget.remaining() >= 1,
          acknowledge: (ids) => {
            const acks = ids.flatMap((id) =>
              revisions.has(id) ? [{ sessionId: id, revision: revisions.get(id) as number }] : [],
            );
            outbox.acknowledge(acks);
            sessions += acks.length;
            lock.heartbeat();
          },
          now,
          log,
          signal: run.signal,
        });
        activities++;
        this.options.onWritten?.(request);
        run.onProgress?.(index + 1, total);
      } catch (error) {
        if (run.signal?.aborted) return summary('cancelled', activities, sessions, remaining(), failures);
        if (error instanceof WriteBudgetSpent)
          return this.budgetSpent(summary('budget', activities, sessions, remaining(), failures));
        // The write may have landed without its answer, or may still land: read it back before acknowledging it.
        if (answerWasLost(error)) for (const id of itemIds) this.unconfirmed.set(id, now());
        const stop = this.classify(error);
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        if (stop) return this.paused(summary(stop, activities, sessions, remaining(), failures), error, message);
        log.warn(`Graph refused the activity for ${request.documentUri}: ${message}`);
        failures.push({ documentUri: request.documentUri, message });
        this.recordFailure(
          entries.filter((e) => itemIds.includes(e.session.id)),
          `${PERMANENT_MARK}${message}`,
        );
      }
    }
    if (failures.length === 0 && confirmAt !== undefined) {
      const reason = 'sessions whose answer was lost are read back before they count as published';
      log.info(`Some ${reason}; reading back at ${new Date(confirmAt).toISOString()}.`);
      return { ...summary('retryLater', activities, sessions, remaining(), failures), reason, retryAt: confirmAt };
    }
    return summary(failures.length > 0 ? 'partial' : 'done', activities, sessions, remaining(), failures);
  }

  /** The outbox entries this run sends: not those failing for good too often, and running ones only as the run asks. */
  private entriesToSend(run: RunOptions): OutboxEntryLike[] {
    const skipAfter = run.skipAfterPermanentFailures ?? Infinity;
    const sendable = this.options.outbox
      .list()
      .filter((e) => !(e.lastError?.startsWith(PERMANENT_MARK) && e.attempts >= skipAfter));
    if (run.ongoing !== 'withFinished') return sendable;
    const withFinished = new Set(sendable.filter((e) => e.session.state === 'ended').map((e) => e.session.documentUri));
    return sendable.filter((e) => e.session.state === 'ended' || withFinished.has(e.session.documentUri));
  }

  /** The run stops because the write budget is spent: it says when a slot is free again. */
  private budgetSpent(stopped: PublishSummary): PublishSummary {
    const retryAt = this.options.writeBudget.nextSlotAt();
    this.options.log.info(`Write budget spent; publishing resumes at ${new Date(retryAt).toISOString()}.`);
    return { ...stopped, retryAt, ...this.held() };
  }

  /** The run stops on an error that will not go away by itself within the run (offline, signed out, throttled). */
  private paused(stopped: PublishSummary, error: unknown, message: string): PublishSummary {
    const stop = stopped.outcome;
    this.options.log.warn(`Publishing paused (${stop}): ${message}`);
    if (stop !== 'retryLater') return { ...stopped, reason: message };
    const held = this.held(error);
    const retryAt = Math.max(this.options.now() + (this.options.retryDelayMs ?? 60_000), held.heldUntil ?? 0);
    return { ...stopped, reason: message, retryAt, ...held };
  }

  /** While Microsoft Graph's wait lasts (held by the write budget, or named by `error`), when it ends. */
  private held(error?: unknown): { heldUntil?: number } {
    const now = this.options.now();
    const asked = error instanceof GraphError ? clampServerDelay(error.retryAfterMs) : undefined;
    const at = Math.max(this.options.writeBudget.pausedUntil?.() ?? 0, asked === undefined ? 0 : now + asked);
    return at > now ? { heldUntil: at } : {};
  }

  /** A failure that every other request would meet too stops the run; anything else concerns one activity. */
  private classify(error: unknown): 'signInRequired' | 'retryLater' | undefined {
    if (error instanceof GraphError) {
      if (error.kind === 'needsSignIn') return 'signInRequired';
      if (error.kind === 'retryable') return 'retryLater';
      return undefined;
    }
    return 'retryLater';
  }

  private recordFailure(entries: OutboxEntryLike[], message: string): void {
    for (const entry of entries) this.options.outbox.recordFailure(entry.session.id, entry.revision, message);
  }
}

function summary(
  outcome: PublishOutcome,
  activities: number,
  sessions: number,
  remaining: number,
  failures: PublishFailure[],
): PublishSummary {
  return { outcome, activities, sessions, remaining, failures };
}
