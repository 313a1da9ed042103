// Everything that is not needed in the first second: publishing and the Graph client, sign-in, the Published view's
// contents, Forget, previews, Check Microsoft Graph, settings diagnostics and Insights. Its own bundle
// (dist/services.js), built over the startup parts once, just after start-up or on first use of one of its commands.
import { join } from 'node:path';
import { authentication, EventEmitter, version as editorVersion, window, type Disposable, type Uri } from 'vscode';
import { AccountManager } from '../auth/accountManager';
import type { IdentityModule } from '../auth/identityAccount';
import { activityInputFor, planningFacts } from '../editor/activityInput.vscode';
import { loadIdKey } from '../editor/idKey.vscode';
import { registerForgetCommands } from '../feed/forgetCommands.vscode';
import { PublishedFeed } from '../feed/publishedFeed';
import { PublishedView } from '../feed/publishedView.vscode';
import { userActivityScope } from '../graph/credential';
import type { InsightsHost } from '../insights/host.vscode';
import { WorkspaceNames } from '../insights/workspaceNames';
import { LEDGER_ENTRY, type LedgerEntry } from '../ledger/entry';
import { Ledger } from '../ledger/ledger';
import { OtherMachines } from '../ledger/otherMachines';
import { clearHistory } from '../ledger/clearHistoryCommand.vscode';
import { OpenActivityHandler } from '../links/openActivityHandler.vscode';
import { Outbox } from '../outbox/outbox';
import { PublishedIndex } from '../outbox/publishedIndex';
import { PublishLock } from '../outbox/publishLock';
import { COMMANDS } from '../platform/commandIds';
import { isBundleLoaded, loadBundle } from '../platform/lazyBundles';
import { SettingsProblems } from '../settings/settingsProblems.vscode';
import { PrivacyQuestions } from '../privacy/questions.vscode';
import { offerCheckAfterSignIn, registerCheckGraphCommand, type CheckGraphDeps } from '../publish/checkGraphCommand.vscode';
import type { Plan } from '../publish/plan';
import { PreviewDocuments } from '../publish/previewDocument.vscode';
import { Publishing, type LastRun } from '../publish/publishing';
import { purgeLocalTraces, type PurgeTarget } from '../publish/purgeLocal';
import { PublishScheduler } from '../publish/scheduler';
import { ServiceFactsState } from '../publish/serviceFactsState.vscode';
import { otherMachinesSessions, otherMachinesToday, TodayTotal, type OtherSession } from '../publish/todayTotal';
import { statusView } from '../status/statusModel';
import { isDocumentExcluded } from '../tracking/exclusionCheck.vscode';
import type { Session } from '../tracking/types';
import { registerCommands } from './commands.vscode';
import { servicesApi, type ServicesApi } from './servicesApi.vscode';
import { SettingsStore } from '../settings/settingsStore.vscode';
import { OtherMachinesHistory } from './otherMachinesHistory';
import type { ActivityFeedApi } from './api';
import type { StartupParts } from './startupParts.vscode';

/** The time deactivate() gives publishing before it lets go (the editor allows a few seconds in total). */
const SHUTDOWN_PUBLISH_MS = 3_000;

/** How long Microsoft Graph keeps a session by itself, as every example in its reference shows. */
const FEED_RETENTION_DAYS = 30;

/** The ledger's tidying waits until start-up is over. */
const LEDGER_TIDY_DELAY_MS = 5_000;

/** Today's time moves while you work; a cheap refresh of the status bar keeps it honest. */
const STATUS_REFRESH_MS = 30_000;

type InsightsModule = typeof import('../insights/bundle.vscode');

/** The loader hands this bundle the activation's secret registry (src/platform/lazyBundles.ts). */
export { adoptSecretRegistry } from '../text/redact';

export function startServices(parts: StartupParts): Services {
  return new Services(parts);
}

export class Services implements Disposable {
  // Read and validated on first use, then again only after they change.
  private readonly settings: SettingsStore;
  /** The whole outbox: what waits, publishing's bookkeeping, pruning (activation only appends). */
  readonly outbox: Outbox;
  private readonly published: PublishedIndex;
  private readonly links: OpenActivityHandler;
  private readonly workspaceNames: WorkspaceNames;
  private readonly previews = new PreviewDocuments();
  private readonly settingsProblems: SettingsProblems;
  private readonly privacyQuestions: PrivacyQuestions;
  /** What Check Microsoft Graph (and publishing itself) found out about the service; the publisher follows it. */
  private readonly serviceFacts: ServiceFactsState;
  readonly accounts: AccountManager;
  private readonly publishing: Publishing;
  private readonly scheduler: PublishScheduler;
  private readonly feed: PublishedFeed;
  private readonly feedChanged = new EventEmitter<void>();
  readonly view: PublishedView;
  private readonly insightsHost: InsightsHost;
  private readonly today: TodayTotal;
  /** Every finished session of this machine, kept after the feed forgets it (src/ledger/). */
  readonly ledger: Ledger<LedgerEntry>;
  /** Other machines' sessions as this machine read them from the feed, kept after the feed forgets them. */
  readonly otherMachines: OtherMachinesHistory;
  /** Other machines' sessions in the feed's copy, for the status bar's "all machines" today; none before a read. */
  private otherSessions: OtherSession[] | undefined;
  /** The services' lifetime: disposed before activation's parts, in reverse order. */
  private readonly subscriptions: Disposable[] = [];
  private apiParts: ServicesApi | undefined;

  constructor(private readonly parts: StartupParts) {
    const { context, log } = parts;
    this.settings = this.keep(new SettingsStore(parts.settingsChanges));
    this.outbox = new Outbox({
      ...{ writer: parts.outbox, dir: parts.outboxDir, clock: { now: Date.now }, logger: log },
      maxSessions: this.settings.settings.publish.maxQueuedSessions,
    });
    this.published = new PublishedIndex({ dir: parts.outboxDir, clock: { now: Date.now }, logger: log });
    this.links = new OpenActivityHandler(context.globalState, log);
    this.workspaceNames = new WorkspaceNames(context.globalState);
    this.settingsProblems = this.keep(new SettingsProblems(log));
    this.privacyQuestions = new PrivacyQuestions(parts.privacyOverrides, log);
    this.serviceFacts = new ServiceFactsState(context.globalState, () =>
      this.settings.settings.graph.endpoint.replace(/(?<!\/)\/+$/, ''),
    );
    this.today = new TodayTotal(context.globalState);
    this.ledger = new Ledger({
      dir: join(context.globalStorageUri.fsPath, 'ledger'),
      codec: LEDGER_ENTRY,
      now: Date.now,
      logger: log,
    });
    this.accounts = this.buildAccounts();
    this.otherMachines = this.buildOtherMachines();
    this.publishing = this.keep(this.buildPublishing());
    this.scheduler = new PublishScheduler({
      run: this.publishing.run.bind(this.publishing),
      settings: () => this.settings.settings.publish,
      now: Date.now,
      onError: (error) => log.error(error instanceof Error ? error : String(error)),
    });
    this.keep({ dispose: () => this.scheduler.dispose() });
    this.feed = this.buildFeed();
    this.view = this.keep(this.buildView());
    this.insightsHost = this.buildInsightsHost();
    this.keep(this.previews);
    this.keep(this.feedChanged);
    this.registerCommands();
    this.follow();
    this.start();
  }

  /** The parts of activate()'s API about what the services do. */
  get api(): ServicesApi {
    return (this.apiParts ??= servicesApi(this.parts, this));
  }

  get lastRun(): LastRun | undefined {
    return this.publishing.lastRun;
  }

  /** What the next run would send (previews and the API). */
  plan(): Plan {
    return this.publishing.planPending();
  }

  showInsights(args?: unknown): void {
    const insights = loadBundle<InsightsModule>('insights');
    insights.InsightsPanel.show(this.insightsHost, insights.shownDays(args));
  }

  /** The open Insights panel, without loading its bundle when it was never opened. */
  insightsPanel(): InsightsModule['InsightsPanel']['open'] | undefined {
    return isBundleLoaded('insights') ? loadBundle<InsightsModule>('insights').InsightsPanel.open : undefined;
  }

  /** The open timesheet review, without loading the bundle when it was never opened. */
  timesheetReview(): ActivityFeedApi['insights']['review'] {
    return isBundleLoaded('insights') ? loadBundle<InsightsModule>('insights').TimesheetReview.open : undefined;
  }

  /** Opens what an activation link (vscode://…/open?id=…) points to. */
  handleUri(uri: Uri): Promise<void> {
    return this.links.handleUri(uri);
  }

  /** Publishes what waits, if the settings ask for it at shutdown (bounded in time). */
  async shutdown(): Promise<void> {
    const publish = this.settings.settings.publish;
    if (publish.mode !== 'automatic' || !publish.onShutdown || this.outbox.count() === 0) return;
    if (this.accounts.state.kind !== 'signedIn') return;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), SHUTDOWN_PUBLISH_MS);
    try {
      const summary = await this.publishing.run('shutdown', { signal: abort.signal });
      this.parts.log.info(`At shutdown: ${summary.outcome}; ${summary.remaining} session(s) stay queued.`);
    } finally {
      clearTimeout(timer);
    }
  }

  dispose(): void {
    for (const part of this.subscriptions.splice(0).reverse()) part.dispose();
  }

  private buildAccounts(): AccountManager {
    const { context, log } = this.parts;
    return new AccountManager({
      settings: () => this.settings.settings.auth,
      scope: () => userActivityScope(this.settings.settings.graph.endpoint),
      identity: () => loadBundle<IdentityModule>('identity'),
      secrets: context.secrets,
      editorAuthentication: {
        getSession: (provider, scopes, options) => authentication.getSession(provider, scopes, options),
      },
      memento: context.globalState,
      log,
    });
  }

  private buildOtherMachines(): OtherMachinesHistory {
    const { context, log, forgotten } = this.parts;
    const dir = join(context.globalStorageUri.fsPath, 'ledger', 'other-machines');
    return new OtherMachinesHistory({
      store: new OtherMachines({ dir, now: Date.now, logger: log }),
      account: () => (this.accounts.state.kind === 'signedIn' ? this.accounts.state.username : undefined),
      thisMachineSessionIds: () => this.thisMachineSessionIds(),
      isForgotten: (id) => forgotten.has(id),
      log,
    });
  }

  private buildPublishing(): Publishing {
    const { context, log, tracker, privacy, intake, version } = this.parts;
    const idKey = loadIdKey(context.globalState);
    const extensionId = context.extension.id;
    return new Publishing({
      settings: () => ({ settings: this.settings.settings, problems: this.settings.problems }),
      reportProblems: (problems) => this.reportSettingsProblems(problems),
      editor: {
        ...planningFacts(idKey, extensionId),
        currentSession: tracker.currentSession.bind(tracker),
        minimumSessionSeconds: () => this.settings.tracking.config.minimumSessionSeconds,
      },
      ...{ accounts: this.accounts, outbox: this.outbox, published: this.published, service: this.serviceFacts },
      lock: new PublishLock({ dir: this.parts.outboxDir, clock: { now: Date.now } }),
      written: { links: this.links, workspaceNames: this.workspaceNames },
      privacy,
      record: intake.record,
      purgeExcluded: () => this.purgeExcluded(),
      userAgent: `${extensionId}/${version} vscode/${editorVersion}`,
      now: Date.now,
      log,
    });
  }

  private buildFeed(): PublishedFeed {
    const feed: PublishedFeed = new PublishedFeed({
      list: (signal) => this.publishing.graph().listActivities({ signal }),
      auth: () => this.accounts.state.kind,
      readBudget: this.publishing.readBudget,
      now: Date.now,
      onChange: () => this.feedChangedNow(feed),
      log: (message) => this.parts.log.warn(message),
    });
    return feed;
  }

  private feedChangedNow(feed: PublishedFeed): void {
    this.otherMachines.feedChanged(feed);
    this.view.update();
    if (feed.lastReadAt !== undefined && feed.state.kind !== 'loading') {
      const mine = this.thisMachineSessionIds();
      this.otherSessions = otherMachinesSessions(feed.cached, (id) => mine.has(id));
    } else if (feed.state.kind === 'idle') this.otherSessions = undefined;
    this.parts.status.update();
    this.feedChanged.fire();
  }

  private buildView(): PublishedView {
    return new PublishedView({
      feed: this.feed,
      pendingSessions: () => this.outbox.list().map((entry) => entry.session),
      publishedDocuments: () => this.publishedDocuments(),
      links: this.links,
      extensionId: this.parts.context.extension.id,
      register: this.parts.register,
      settingsChanges: this.parts.settingsChanges,
    });
  }

  private buildInsightsHost(): InsightsHost {
    return {
      feed: this.feed,
      onFeedChange: this.feedChanged.event,
      publishedDocuments: () => this.publishedDocuments(),
      thisMachineSessionIds: () => this.thisMachineSessionIds(),
      workspaceNameOf: (tag) => this.workspaceNames.nameOf(tag),
      workspaceTagOf: (name) => this.workspaceNames.tagOf(name),
      ledgerEntries: () => this.ledger.read().entries,
      otherMachinesEntries: () => this.otherMachines.entries(),
      feedKeepsDays: () => this.feedKeepsDays(),
      timesheetSettings: () => this.settings.settings.timesheet,
      extensionUri: this.parts.context.extensionUri,
      log: this.parts.log,
    };
  }

  private registerCommands(): void {
    const { context, log, tracker, status, register } = this.parts;
    const checkDeps = this.checkGraphDeps();
    this.keepAll(
      ...registerForgetCommands({
        ...{ view: this.view, feed: this.feed, graph: () => this.publishing.graph(), outbox: this.outbox },
        published: this.published,
        forgotten: this.parts.forgotten,
        purgeLocal: (target) => this.purgeLocal(target, 'forgotten'),
        forgetOtherMachines: this.otherMachines.forgotten.bind(this.otherMachines),
        log,
        onPendingChanged: () => status.update(),
        register,
      }),
      registerCheckGraphCommand(checkDeps, register),
      register(COMMANDS.revokeWorkspacePrivacyOverride, () => this.privacyQuestions.revoke()),
      register(COMMANDS.showInsights, (args?: unknown) => this.showInsights(args)),
      register(COMMANDS.clearHistory, (options?: { confirmed?: boolean }) =>
        clearHistory(this.ledger, this.otherMachines, options),
      ),
      register(COMMANDS.exportTimesheet, (args?: unknown) =>
        loadBundle<InsightsModule>('insights').exportTimesheet(this.insightsHost, args),
      ),
      ...registerCommands(context.extension.id, {
        ...{ log, tracker, previews: this.previews, accounts: this.accounts, outbox: this.outbox, status, register },
        plan: () => this.plan(),
        signInMethod: () => this.settings.settings.auth.method,
        publishNow: (signal, onProgress) => this.scheduler.runNow('command', { signal, onProgress }),
        onTrackingChanged: () => status.update(),
        showCards: (plan) => loadBundle<InsightsModule>('insights').showCardPreview(context.extensionUri, plan),
      }),
    );
    this.keep(
      this.accounts.onDidChange((state) => {
        if (state.kind === 'signedIn') void offerCheckAfterSignIn(checkDeps);
      }),
    );
  }

  private checkGraphDeps(): CheckGraphDeps {
    return {
      graph: () => this.publishing.graph(),
      auth: () => this.accounts.state.kind,
      facts: this.serviceFacts,
      activitySourceHost: () => this.settings.settings.content.activitySourceHost,
      extensionId: this.parts.context.extension.id,
      log: this.parts.log,
      previews: this.previews,
    };
  }

  /** What the services react to: settings, sign-in, publishing runs, the queue, the window's focus, finished sessions. */
  private follow(): void {
    const { status } = this.parts;
    this.parts.settingsProblems.handleWith(({ source, problems, exceptUserAndWindow }) =>
      this.settingsProblems.report(
        source,
        exceptUserAndWindow ? problems.filter((p) => !this.settings.problems.includes(p)) : problems,
      ),
    );
    this.parts.privacyQuestions.handleWith((question) => this.privacyQuestions.ask(question));
    let publishMode = this.settings.settings.publish.mode;
    this.keepAll(
      this.settings.onDidChange((change) => {
        this.settingsChanged(change.tracking, publishMode);
        publishMode = this.settings.settings.publish.mode;
      }),
      this.publishing.onDidChange(() => status.update()),
      this.publishing.onDidPublish(() => this.view.published()),
      this.parts.onDidQueue(() => this.view.update()),
      this.accounts.onDidChange((state) => {
        status.update();
        this.view.authChanged(state.kind);
        if (state.kind === 'signedIn' && this.outbox.count() > 0) this.scheduler.signedIn();
      }),
      window.onDidChangeWindowState((state) => {
        if (!state.focused) this.scheduler.windowBlurred();
      }),
    );
    this.parts.finishedSessions.handleWith((session) => {
      this.today.add(session);
      void this.keepInLedger([session]);
      this.scheduler.sessionFinished();
      status.update();
    });
  }

  private settingsChanged(tracking: boolean, publishModeBefore: string): void {
    if (tracking) this.purgeExcluded({ ledgerToo: true });
    this.reportSettingsProblems(this.settings.problems);
    this.scheduler.settingsChanged();
    const current = this.settings.settings;
    this.outbox.maxSessions = current.publish.maxQueuedSessions;
    // Switching publishing on sends what has been waiting, without waiting for the next session to end.
    if (current.publish.mode === 'automatic' && publishModeBefore === 'manual' && this.outbox.count() > 0)
      void this.scheduler.runNow('start');
    void this.accounts.refresh();
    this.parts.status.update();
  }

  /** Start-up: settings problems told, sign-in state known (publishing what waits), the status bar given its words. */
  private start(): void {
    const { log, status, tracker } = this.parts;
    this.reportSettingsProblems(this.settings.problems);
    void this.accounts.refresh().then((state) => {
      if (state.kind === 'signedIn' && this.outbox.count() > 0 && this.settings.settings.publish.mode === 'automatic')
        void this.scheduler.runNow('start');
    });
    log.info(`${this.outbox.count()} session(s) waiting in the outbox`);
    const tidyLedger = setTimeout(() => void this.tidyLedger(), LEDGER_TIDY_DELAY_MS);
    this.keep({ dispose: () => clearTimeout(tidyLedger) });
    const statusRefresh = setInterval(() => status.update(), STATUS_REFRESH_MS);
    this.keep({ dispose: () => clearInterval(statusRefresh) });
    status.showFrom(() => {
      const todayActiveSeconds = this.today.seconds(tracker.currentSession());
      return statusView({
        paused: tracker.isPaused,
        pending: this.outbox.count(),
        todayActiveSeconds,
        automatic: this.settings.settings.publish.mode === 'automatic',
        auth: this.accounts.state,
        publishing: this.publishing.publishing,
        lastRun: this.publishing.lastRun,
        nextRunAt: this.scheduler.nextRunAt,
        allMachinesTodaySeconds: this.otherSessions && todayActiveSeconds + otherMachinesToday(this.otherSessions, Date.now()),
      });
    });
  }

  private reportSettingsProblems(problems: readonly string[]): void {
    this.settingsProblems.report('content', problems);
  }

  /**
   * Removes queued sessions, set-aside copies and link-table entries of what was forgotten or is now excluded, and
   * its ledger entries unless the target keeps them.
   */
  private purgeLocal(target: PurgeTarget, why: string): void {
    if (!target.keepLedger) void this.purgeLedger(target, why);
    const result = purgeLocalTraces(target, { outbox: this.outbox, links: this.links });
    if (result.queued + result.setAside + result.links === 0) return;
    this.parts.log.info(
      `Purged (${why}): ${result.queued} queued session(s), ${result.setAside} set-aside file(s), ${result.links} link(s).`,
    );
    this.parts.status.update();
    this.view.update();
  }

  /** Publishing runs purge the queue only; a change of the exclusions (and the start) purges the ledger too. */
  private purgeExcluded({ ledgerToo = false } = {}): void {
    const verdicts = new Map<string, boolean>();
    const excluded = (uri: string) => verdicts.get(uri) ?? verdicts.set(uri, isDocumentExcluded(uri)).get(uri) === true;
    this.purgeLocal({ documents: excluded, keepLedger: !ledgerToo }, 'excluded');
  }

  private async purgeLedger(target: PurgeTarget, why: string): Promise<void> {
    const { sessionIds, documents } = target;
    try {
      await this.ledger.remove((e) => sessionIds?.has(e.id) === true || documents?.(e.documentUri) === true, why);
    } catch (error) {
      this.parts.log.warn(`Ledger: could not remove what was ${why}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * A while after start-up: past months are compacted, what the exclusions cover now leaves the ledger (they may have
   * changed while the editor was closed), and finished sessions that wait in the outbox but never reached the ledger (a window that crashed
   * before its services loaded) are recorded.
   */
  private async tidyLedger(): Promise<void> {
    try {
      await this.ledger.compact();
    } catch (error) {
      this.parts.log.warn(`Ledger: could not compact past months: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.purgeExcluded({ ledgerToo: true });
    const known = new Set(this.ledger.read().entries.map((entry) => entry.id));
    await this.keepInLedger(
      this.outbox
        .list()
        .map((entry) => entry.session)
        .filter((session) => !known.has(session.id)),
    );
  }

  /** Records finished sessions with what only this machine knows of them (never a forgotten or excluded one). */
  private async keepInLedger(sessions: readonly Session[]): Promise<void> {
    const kept = sessions.filter((s) => s.state === 'ended' && s.endReason !== 'excluded' && !this.parts.forgotten.has(s.id));
    try {
      const withCommitSubject = this.settings.settings.timesheet.ticketFromCommitMessage;
      await this.ledger.append(kept.map((session) => ledgerEntryOf(session, withCommitSubject)));
    } catch (error) {
      this.parts.log.warn(
        `Ledger: could not record ${kept.length} session(s): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** How far back the feed holds other machines' sessions: longer than its own retention only when the check found
   * that the service keeps the time each session asks for (`activityFeed.history.keepDays`). */
  feedKeepsDays(): number {
    const keepDays = this.settings.settings.content.keepDays;
    const honoured = this.serviceFacts.lastCheck()?.clientExpiration === 'honoured';
    return honoured && keepDays > FEED_RETENTION_DAYS ? keepDays : FEED_RETENTION_DAYS;
  }

  /** History item ids this machine recorded: published, or still queued. */
  private thisMachineSessionIds(): Set<string> {
    return new Set([
      ...[...this.published.all().values()].flatMap((entry) => entry.historyItemIds),
      ...this.outbox.list().map((entry) => entry.session.id),
    ]);
  }

  private publishedDocuments(): Map<string, string> {
    return new Map([...this.published.all()].map(([id, entry]) => [id, entry.documentUri]));
  }

  private keep<T extends Disposable>(part: T): T {
    this.subscriptions.push(part);
    return part;
  }

  private keepAll(...parts: Disposable[]): void {
    this.subscriptions.push(...parts);
  }
}

/**
 * A finished session as the ledger keeps it, with the facts the editor knows of its file now; the commit's first
 * line only when the person asked for it (activityFeed.timesheet.ticketFromCommitMessage).
 */
function ledgerEntryOf(session: Session, withCommitSubject: boolean): LedgerEntry {
  const { workspaceFolderName, relativePath, git } = activityInputFor(session.documentUri, [session]);
  return {
    id: session.id,
    documentUri: session.documentUri,
    startedAt: session.startedAt,
    lastActiveAt: session.lastActiveAt,
    activeSeconds: session.activeSeconds,
    languageId: session.languageId,
    ...(workspaceFolderName !== undefined ? { workspaceFolderName } : {}),
    ...(relativePath !== undefined ? { relativePath } : {}),
    ...(git?.branch !== undefined ? { branch: git.branch } : {}),
    ...(withCommitSubject && git?.commitSubject !== undefined ? { commitSubject: git.commitSubject } : {}),
  };
}
