// Publishing as one service: when and what a run sends (run policy), with the planner (what a session becomes on the
// wire) and the Graph clients (with the budgets they spend) it hands to the publisher. The editor's side (the running
// session, each document's facts, sign-in, settings) comes in through small interfaces, so this file never imports
// `vscode`.
import type { GraphClient } from '../graph/client';
import { GraphClients } from './graphClients';
import type { TokenCredential } from '../graph/credential';
import type { Logger } from '../platform/ports';
import type { SettingsReport } from '../settings/validSettings';
import { Emitter } from '../platform/emitter';
import type { SessionPrivacy } from '../privacy/sessionPrivacy';
import type { Session } from '../tracking/types';
import type { Plan } from './plan';
import { Planner, type PlanningEditor } from './planner';
import { Publisher, type LockLike, type OutboxLike, type PublishedIndexLike, type PublishSummary } from './publisher';
import { runPolicyFor } from './runPolicy';
import type { RunReason } from './scheduler';
import type { ServiceFactsStore } from './serviceFacts';
import { rememberWritten, type WrittenActivityTables } from './writtenTables';

/** What publishing needs from the editor. */
export interface PublishingEditor extends PlanningEditor {
  /** Sessions shorter than this may still be dropped by the tracker (seconds). */
  minimumSessionSeconds(): number;
}

export interface PublishingOptions {
  settings: () => SettingsReport;
  /** Tells the person about settings that could not be used (once per problem). */
  reportProblems: (problems: string[]) => void;
  editor: PublishingEditor;
  accounts: TokenCredential & { readonly state: { readonly kind: string } };
  outbox: OutboxLike;
  lock: LockLike;
  published: PublishedIndexLike;
  service: ServiceFactsStore;
  written: WrittenActivityTables;
  /** Decides the level each activity is planned at. */
  privacy: Pick<SessionPrivacy, 'levelOf' | 'publishLevel'>;
  /** Puts a snapshot of the running session in the outbox, as the tracker's own checkpoints go (src/outbox/sessionIntake.ts). */
  record: (session: Session) => void;
  /** Removes from the queue what the exclusion settings now cover. */
  purgeExcluded: () => void;
  userAgent: string;
  now: () => number;
  log: Logger;
  /** For tests only: the client's fetch (default: the global one, which the editor routes through its proxy). */
  fetch?: typeof fetch;
}

/** What the caller of a run controls: cancelling it, and hearing how far it got. */
export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface LastRun {
  at: number;
  summary: PublishSummary;
}

export class Publishing {
  private running = false;
  private last: LastRun | undefined;
  private readonly clients: GraphClients;
  private readonly planner: Planner;
  private readonly publisher: Publisher;
  private readonly changed = new Emitter<void>();
  private readonly wrote = new Emitter<void>();
  /** Fires when publishing starts or stops, or a run's result is known (the status bar follows it). */
  readonly onDidChange = this.changed.event;
  /** Fires after a run wrote at least one activity (the Published view reads again). */
  readonly onDidPublish = this.wrote.event;

  constructor(private readonly options: PublishingOptions) {
    const { settings, outbox, log } = options;
    const clients = new GraphClients({ ...options, settings: () => settings().settings, credential: options.accounts });
    const planner = new Planner({ ...options, queued: () => outbox.list().map((entry) => entry.session) });
    this.clients = clients;
    this.planner = planner;
    this.publisher = new Publisher({
      ...{ outbox, lock: options.lock, published: options.published, now: options.now, log, service: options.service },
      // Handed over bound: the publisher calls the planner, the clients and the tables directly, never back in here.
      graph: clients.client.bind(clients),
      writeBudget: clients.writeBudget,
      plan: planner.plan.bind(planner),
      onWritten: rememberWritten(options.written),
    });
  }

  /** The read budget as it is now, for the feed (its numbers follow the settings). */
  get readBudget(): GraphClients['readBudget'] {
    return this.clients.readBudget;
  }

  get publishing(): boolean {
    return this.running;
  }

  get lastRun(): LastRun | undefined {
    return this.last;
  }

  /** A client for the current settings. */
  graph(): GraphClient {
    return this.clients.client();
  }

  /** What the next run would send: the queue, and the running session at the level it has (or would get now). */
  planPending(): Plan {
    return this.planner.planPending();
  }

  /** One run, as `reason` asks: purges what is now excluded, snapshots the running session, then publishes. */
  async run(reason: RunReason, { signal, onProgress }: RunControl = {}): Promise<PublishSummary> {
    const { accounts, outbox, editor, log, now } = this.options;
    const auth = accounts.state.kind;
    // Whatever the exclusions now cover leaves the queue first, also what other windows or an older version queued.
    this.options.purgeExcluded();
    // The running session goes out as it is now; its GUID stays, so later updates replace it. One shorter than the
    // tracker's minimum may still be dropped by it, so it waits.
    const policy = runPolicyFor(reason);
    const current = policy.snapshotRunning ? editor.currentSession() : undefined;
    if (current && current.activeSeconds >= Math.max(1, editor.minimumSessionSeconds())) this.options.record(current);
    if (auth === 'notConfigured') {
      const summary: PublishSummary = {
        outcome: 'signInRequired',
        activities: 0,
        sessions: 0,
        remaining: outbox.count(),
        failures: [],
        reason: 'no app registration is configured (activityFeed.auth.clientId)',
      };
      log.info(`Publish (${reason}): waiting; ${summary.reason}.`);
      this.last = { at: now(), summary };
      this.changed.fire();
      return summary;
    }
    this.running = true;
    this.changed.fire();
    try {
      const summary = await this.publisher.run({
        signal,
        onProgress,
        skipAfterPermanentFailures: policy.skipAfterPermanentFailures,
        ongoing: policy.ongoing,
      });
      log.info(
        `Publish (${reason}): ${summary.outcome}; ${summary.activities} activities, ${summary.sessions} sessions; ${summary.remaining} waiting.`,
      );
      this.last = { at: now(), summary };
      if (summary.activities > 0) this.wrote.fire();
      return summary;
    } finally {
      this.running = false;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.wrote.dispose();
  }
}
