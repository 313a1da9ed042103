// Publishing as one service: when and what a run sends (run policy), what a session becomes on the wire (planning,
// free of side effects), and the Graph client with the budgets it spends. The editor's side (the running session,
// each document's privacy level and facts, sign-in, settings) comes in through small interfaces, so this file never
// imports `vscode`.
import type { ActivityInput, MappingOptions } from '../activity/types';
import { publishLevel, type RecordedLevels } from '../privacy/recorded';
import type { PrivacyLevel } from '../privacy/disclosure';
import { FIVE_MINUTES, ONE_DAY, RequestBudget, type BudgetWindow } from '../graph/budget';
import { GraphClient } from '../graph/client';
import type { TokenCredential } from '../graph/credential';
import type { Logger } from '../platform/ports';
import { planRequests, sessionsByDocument, type Plan, type PlannedRequest } from '../publish/plan';
import { Publisher, type LockLike, type OutboxLike, type PublishedIndexLike, type PublishSummary } from '../publish/publisher';
import { runPolicyFor } from '../publish/runPolicy';
import type { RunReason } from '../publish/scheduler';
import type { ServiceFactsStore } from '../publish/serviceFacts';
import type { ContentSettings, GraphSettings, SettingsReport } from '../platform/validSettings';
import type { CursorPosition, Session } from '../tracking/types';
import { Emitter } from './emitter';

/** What publishing needs from the editor. */
export interface PublishingEditor {
  /** The running session as the tracker holds it now, if any. */
  currentSession(): Session | undefined;
  /** The level a document's activity may be published at now (settings and the workspace's override). */
  privacyOf(documentUri: string): PrivacyLevel;
  /** The editor's facts about a document (folder, git, language), for its activity. */
  activityInput(documentUri: string, sessions: Session[]): ActivityInput;
  /** The mapper's options for these content settings (the editor's URL scheme and name added). */
  mappingOptions(content: ContentSettings): MappingOptions;
  /** Sessions shorter than this may still be dropped by the tracker (seconds). */
  minimumSessionSeconds(): number;
}

/** Local tables written once Graph holds an activity: where its link opens, and the name of its workspace. */
export interface WrittenActivityTables {
  links: { remember(appActivityId: string, target: { documentUri: string; cursor?: CursorPosition }): void };
  workspaceNames: { remember(contentInfo: Record<string, unknown> | undefined, workspaceName: string | undefined): void };
}

export interface PublishingOptions {
  settings: () => SettingsReport;
  /** Tells the person about settings that could not be used (once per problem). */
  reportProblems: (problems: string[]) => void;
  editor: PublishingEditor;
  accounts: TokenCredential & { readonly state: { readonly kind: string } };
  outbox: OutboxLike & { put(session: Session): unknown };
  lock: LockLike;
  published: PublishedIndexLike;
  service: ServiceFactsStore;
  written: WrittenActivityTables;
  recordedLevels: RecordedLevels;
  /** Stamps a session with its recorded privacy level before it is queued. */
  recorded: (session: Session) => Session;
  /** Removes from the queue what the exclusion settings now cover. */
  purgeExcluded: () => void;
  userAgent: string;
  now: () => number;
  log: Logger;
  /** For tests only: the client's fetch (default: the global one, which the editor routes through its proxy). */
  fetch?: typeof fetch;
}

export interface LastRun {
  at: number;
  summary: PublishSummary;
}

export class Publishing {
  private running = false;
  private last: LastRun | undefined;
  private writeKey: string;
  private readKey: string;
  private writes: RequestBudget;
  private reads: RequestBudget;
  private readonly publisher: Publisher;
  private readonly changed = new Emitter<void>();
  private readonly wrote = new Emitter<void>();
  /** Fires when publishing starts or stops, or a run's result is known (the status bar follows it). */
  readonly onDidChange = this.changed.event;
  /** Fires after a run wrote at least one activity (the Published view reads again). */
  readonly onDidPublish = this.wrote.event;
  /** The read budget as it is now, for the feed (its numbers follow the settings). */
  readonly readBudget = { remaining: () => this.reads.remaining(), nextSlotAt: () => this.reads.nextSlotAt() };

  constructor(private readonly options: PublishingOptions) {
    const graph = options.settings().settings.graph;
    this.writeKey = writeKeyOf(graph);
    this.writes = new RequestBudget(writeWindows(graph));
    this.readKey = readKeyOf(graph);
    this.reads = new RequestBudget(readWindows(graph));
    this.publisher = new Publisher({
      outbox: options.outbox,
      lock: options.lock,
      published: options.published,
      graph: () => this.graph(),
      writeBudget: {
        remaining: () => this.writes.remaining(),
        nextSlotAt: () => this.writes.nextSlotAt(),
        pausedUntil: () => this.writes.pausedUntil(),
      },
      plan: (sessions) => this.plan(sessions),
      onWritten: (request) => this.remember(request),
      now: options.now,
      log: options.log,
      service: options.service,
    });
  }

  get publishing(): boolean {
    return this.running;
  }

  get lastRun(): LastRun | undefined {
    return this.last;
  }

  /** A client for the current settings. Only a change of a budget's numbers starts that budget anew. */
  graph(): GraphClient {
    const { graph } = this.options.settings().settings;
    if (writeKeyOf(graph) !== this.writeKey) {
      this.writeKey = writeKeyOf(graph);
      this.writes = new RequestBudget(writeWindows(graph));
    }
    if (readKeyOf(graph) !== this.readKey) {
      this.readKey = readKeyOf(graph);
      this.reads = new RequestBudget(readWindows(graph));
    }
    return new GraphClient({
      credential: this.options.accounts,
      baseUrl: graph.endpoint,
      userAgent: this.options.userAgent,
      logger: this.options.log,
      timeoutMs: graph.requestTimeoutSeconds * 1000,
      retry: { maxAttempts: graph.maxAttempts },
      writeBudget: this.writes,
      readBudget: this.reads,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
  }

  /** What the next run would send: the queue, and the running session at the level it has (or would get now). */
  planPending(): Plan {
    const { editor, recordedLevels, outbox } = this.options;
    const running = editor.currentSession();
    const current = running && {
      ...running,
      privacy: recordedLevels.levelOf(running, () => editor.privacyOf(running.documentUri)),
    };
    const queued = outbox.list().map((entry) => entry.session);
    return this.plan(current ? [...queued.filter((s) => s.id !== current.id), current] : queued);
  }

  /** One run, as `reason` asks: purges what is now excluded, snapshots the running session, then publishes. */
  async run(
    reason: RunReason,
    signal?: AbortSignal,
    onProgress?: (done: number, total: number) => void,
  ): Promise<PublishSummary> {
    const { accounts, outbox, editor, log, now } = this.options;
    const auth = accounts.state.kind;
    // Whatever the exclusions now cover leaves the queue first, also what other windows or an older version queued.
    this.options.purgeExcluded();
    // The running session goes out as it is now; its GUID stays, so later updates replace it. One shorter than the
    // tracker's minimum may still be dropped by it, so it waits.
    const policy = runPolicyFor(reason);
    const current = policy.snapshotRunning ? editor.currentSession() : undefined;
    if (current && current.activeSeconds >= Math.max(1, editor.minimumSessionSeconds()))
      outbox.put(this.options.recorded(current));
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

  /** The PUTs for these sessions, one per document, each at the stricter of its recorded and current levels. */
  plan(sessions: Session[]): Plan {
    const { settings, reportProblems, editor } = this.options;
    const { settings: current, problems } = settings();
    reportProblems(problems);
    const inputs = [...sessionsByDocument(sessions)].map(([uri, group]) => editor.activityInput(uri, group));
    const plan: Plan = { requests: [], problems: [] };
    for (const input of inputs) {
      const privacy = publishLevel(input.sessions, editor.privacyOf(input.documentUri));
      const part = planRequests([input], editor.mappingOptions({ ...current.content, privacy }), current.graph.endpoint);
      plan.requests.push(...part.requests);
      plan.problems.push(...part.problems);
    }
    return plan;
  }

  /** After Graph holds an activity: its link opens the document, and Insights can name its workspace. */
  private remember({ body, documentUri, origin }: PlannedRequest): void {
    this.options.written.links.remember(body.appActivityId, { documentUri, cursor: origin.cursor });
    this.options.written.workspaceNames.remember(body.contentInfo, origin.workspaceFolderName);
  }
}

const writeKeyOf = (graph: GraphSettings) => `${graph.writesPerFiveMinutes}/${graph.writesPerDay}`;
const readKeyOf = (graph: GraphSettings) => `${graph.readsPerFiveMinutes}/${graph.readsPerDay}`;

function writeWindows(graph: GraphSettings): BudgetWindow[] {
  return [
    { max: graph.writesPerFiveMinutes, windowMs: FIVE_MINUTES },
    { max: graph.writesPerDay, windowMs: ONE_DAY },
  ];
}

function readWindows(graph: GraphSettings): BudgetWindow[] {
  return [
    { max: graph.readsPerFiveMinutes, windowMs: FIVE_MINUTES },
    { max: graph.readsPerDay, windowMs: ONE_DAY },
  ];
}
