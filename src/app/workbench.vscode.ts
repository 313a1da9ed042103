// Everything that is not needed in the first second: publishing and the Graph client, sign-in, the Published view's
// contents, Forget, previews, Check Microsoft Graph, settings diagnostics and Insights. Built from the core parts once,
// just after start-up or on first use of one of its commands.
import { authentication, EventEmitter, version as editorVersion, window, type Disposable, type Uri } from 'vscode';
import { AccountManager } from '../auth/accountManager';
import { activityInputFor, mappingOptionsFor } from '../editor/activityInput.vscode';
import { loadIdKey } from '../editor/idKey.vscode';
import { userActivityScope } from '../graph/credential';
import { WorkspaceNames } from '../insights/workspaceNames';
import { Outbox } from '../outbox/outbox';
import { PublishedIndex } from '../outbox/publishedIndex';
import { PublishLock } from '../outbox/publishLock';
import type { Plan } from '../publish/plan';
import { purgeLocalTraces, type PurgeTarget } from '../publish/purgeLocal';
import { PublishScheduler } from '../publish/scheduler';
import { otherMachinesSessions, otherMachinesToday, TodayTotal, type OtherSession } from '../publish/todayTotal';
import { PublishedFeed } from '../feed/publishedFeed';
import { isDocumentExcluded } from '../tracking/exclusionCheck.vscode';
import { offerCheckAfterSignIn, registerCheckGraphCommand, type CheckGraphDeps } from '../publish/checkGraphCommand.vscode';
import { COMMANDS } from '../platform/commandIds';
import { registerCommands } from './commands.vscode';
import { registerForgetCommands } from '../feed/forgetCommands.vscode';
import type { InsightsHost } from '../insights/host.vscode';
import { OpenActivityHandler } from '../links/openActivityHandler.vscode';
import { PreviewDocuments } from '../publish/previewDocument.vscode';
import { PrivacyQuestions } from '../privacy/questions.vscode';
import { PublishedView } from '../feed/publishedView.vscode';
import { ServiceFactsState } from '../publish/serviceFactsState.vscode';
import { SettingsProblems } from '../platform/settingsProblems.vscode';
import { statusView } from '../status/statusModel';
import { isBundleLoaded, loadBundle } from '../platform/lazyBundles';
import type { IdentityModule } from '../auth/identityAccount';
import type { Core } from './core.vscode';
import { Publishing, type LastRun } from './publishing';
import { SettingsStore } from './settingsStore.vscode';
import { workbenchApi, type WorkbenchApi } from './workbenchApi.vscode';

/** The time deactivate() gives publishing before it lets go (the editor allows a few seconds in total). */
const SHUTDOWN_PUBLISH_MS = 3_000;

type InsightsModule = typeof import('../insights/bundle.vscode');

/** Today's time moves while you work; a cheap refresh of the status bar keeps it honest. */
const STATUS_REFRESH_MS = 30_000;

/** The loader hands this bundle the activation's secret registry (src/platform/lazyBundles.ts). */
export { adoptSecretRegistry } from '../text/redact';

export interface Workbench extends Disposable {
  /** The whole outbox: what waits, publishing's bookkeeping, pruning (activation only appends). */
  readonly outbox: Outbox;
  /** The parts of activate()'s API that are about what the workbench does. */
  readonly api: WorkbenchApi;
  plan(): Plan;
  readonly accounts: AccountManager;
  readonly lastRun: LastRun | undefined;
  readonly view: PublishedView;
  showInsights(): void;
  /** The open Insights panel, without loading its bundle when it was never opened. */
  insightsPanel(): InsightsModule['InsightsPanel']['open'] | undefined;
  /** Opens what an activation link (vscode://…/open?id=…) points to. */
  handleUri(uri: Uri): Promise<void>;
  /** Publishes what waits, if the settings ask for it at shutdown (bounded in time). */
  shutdown(): Promise<void>;
}

// eslint-disable-next-line max-lines-per-function -- builds and wires every later part; to be split into one container.
export function startWorkbench(core: Core): Workbench {
  const { context, log, tracker, status } = core;
  // Read and validated on first use, then again only after they change.
  const settings = new SettingsStore(core.settingsChanges);
  const outbox = new Outbox({
    writer: core.outbox,
    dir: core.outboxDir,
    clock: { now: Date.now },
    logger: log,
    maxSessions: settings.settings.publish.maxQueuedSessions,
  });
  const extensionId = context.extension.id;
  const subscriptions: Disposable[] = [settings];
  const lock = new PublishLock({ dir: core.outboxDir, clock: { now: Date.now } });
  const published = new PublishedIndex({ dir: core.outboxDir, clock: { now: Date.now }, logger: log });
  const idKey = loadIdKey(context.globalState);
  const workspaceNames = new WorkspaceNames(context.globalState);
  const previews = new PreviewDocuments();
  const links = new OpenActivityHandler(context.globalState, log);
  const privacyQuestions = new PrivacyQuestions(core.privacyOverrides, log);
  core.privacyQuestions.handleWith((question) => privacyQuestions.ask(question));
  const settingsProblems = new SettingsProblems(log);
  subscriptions.push(settingsProblems);
  core.settingsProblems.handleWith(({ source, problems, exceptUserAndWindow }) =>
    settingsProblems.report(source, exceptUserAndWindow ? problems.filter((p) => !settings.problems.includes(p)) : problems),
  );
  const reportSettingsProblems = (problems: readonly string[]) => settingsProblems.report('content', problems);

  /** Removes queued sessions, set-aside copies and link-table entries of what was forgotten or is now excluded. */
  const purgeLocal = (target: PurgeTarget, why: string) => {
    const result = purgeLocalTraces(target, { outbox, links });
    if (result.queued + result.setAside + result.links === 0) return;
    log.info(
      `Purged (${why}): ${result.queued} queued session(s), ${result.setAside} set-aside file(s), ${result.links} link(s).`,
    );
    status.update();
    view.update();
  };
  const purgeExcluded = () => {
    const verdicts = new Map<string, boolean>();
    const excluded = (uri: string) => verdicts.get(uri) ?? verdicts.set(uri, isDocumentExcluded(uri)).get(uri) === true;
    purgeLocal({ documents: excluded }, 'excluded');
  };

  const accounts = new AccountManager({
    settings: () => settings.settings.auth,
    scope: () => userActivityScope(settings.settings.graph.endpoint),
    identity: () => loadBundle<IdentityModule>('identity'),
    secrets: context.secrets,
    editorAuthentication: { getSession: (provider, scopes, options) => authentication.getSession(provider, scopes, options) },
    memento: context.globalState,
    log,
  });
  // What Check Microsoft Graph (and publishing itself) found out about the service; the publisher follows it.
  const serviceFacts = new ServiceFactsState(context.globalState, () =>
    settings.settings.graph.endpoint.replace(/(?<!\/)\/+$/, ''),
  );
  const publishing = new Publishing({
    settings: () => ({ settings: settings.settings, problems: settings.problems }),
    reportProblems: reportSettingsProblems,
    editor: {
      currentSession: () => tracker.currentSession(),
      privacyOf: (uri) => core.workspacePrivacy.levelFor(uri),
      activityInput: (uri, sessions) => activityInputFor(uri, sessions),
      mappingOptions: (content) => mappingOptionsFor(content, idKey, extensionId),
      minimumSessionSeconds: () => settings.tracking.config.minimumSessionSeconds,
    },
    accounts,
    outbox,
    lock,
    published,
    service: serviceFacts,
    written: { links, workspaceNames },
    recordedLevels: core.recordedLevels,
    recorded: (session) => core.recorded(session),
    purgeExcluded,
    userAgent: `${extensionId}/${core.version} vscode/${editorVersion}`,
    now: Date.now,
    log,
  });
  const graph = () => publishing.graph();
  const scheduler = new PublishScheduler({
    run: (reason, options) => publishing.run(reason, options?.signal, options?.onProgress),
    settings: () => settings.settings.publish,
    now: Date.now,
    onError: (error) => log.error(error instanceof Error ? error : String(error)),
  });
  const checkDeps: CheckGraphDeps = {
    graph,
    auth: () => accounts.state.kind,
    facts: serviceFacts,
    activitySourceHost: () => settings.settings.content.activitySourceHost,
    extensionId,
    log,
    previews,
  };

  // Other machines' sessions in the feed's copy, for the status bar's "all machines" today; none before a read.
  let otherSessions: OtherSession[] | undefined;
  const feedChanged = new EventEmitter<void>();
  const thisMachineSessionIds = () =>
    new Set([
      ...[...published.all().values()].flatMap((entry) => entry.historyItemIds),
      ...outbox.list().map((entry) => entry.session.id),
    ]);
  const publishedDocuments = () => new Map([...published.all()].map(([id, entry]) => [id, entry.documentUri]));
  const feed: PublishedFeed = new PublishedFeed({
    list: (signal) => graph().listActivities({ signal }),
    auth: () => accounts.state.kind,
    readBudget: publishing.readBudget,
    now: Date.now,
    onChange: () => {
      view.update();
      if (feed.lastReadAt !== undefined && feed.state.kind !== 'loading') {
        const mine = thisMachineSessionIds();
        otherSessions = otherMachinesSessions(feed.cached, (id) => mine.has(id));
      } else if (feed.state.kind === 'idle') otherSessions = undefined;
      status.update();
      feedChanged.fire();
    },
    log: (message) => log.warn(message),
  });
  const view: PublishedView = new PublishedView({
    feed,
    pendingSessions: () => outbox.list().map((entry) => entry.session),
    publishedDocuments,
    links,
    extensionId,
    register: core.register,
    settingsChanges: core.settingsChanges,
  });
  const insightsHost: InsightsHost = {
    feed,
    onFeedChange: feedChanged.event,
    publishedDocuments,
    thisMachineSessionIds,
    workspaceNameOf: (tag) => workspaceNames.nameOf(tag),
    extensionUri: context.extensionUri,
    log,
  };
  const showInsights = () => loadBundle<InsightsModule>('insights').InsightsPanel.show(insightsHost);

  let publishMode = settings.settings.publish.mode;
  const settingsChanged = (tracking: boolean) => {
    if (tracking) purgeExcluded();
    reportSettingsProblems(settings.problems);
    scheduler.settingsChanged();
    const current = settings.settings;
    outbox.maxSessions = current.publish.maxQueuedSessions;
    // Switching publishing on sends what has been waiting, without waiting for the next session to end.
    if (current.publish.mode === 'automatic' && publishMode === 'manual' && outbox.count() > 0) void scheduler.runNow('start');
    publishMode = current.publish.mode;
    void accounts.refresh();
    status.update();
  };
  reportSettingsProblems(settings.problems);

  subscriptions.push(
    previews,
    { dispose: () => scheduler.dispose() },
    publishing,
    view,
    feedChanged,
    publishing.onDidChange(() => status.update()),
    publishing.onDidPublish(() => view.published()),
    core.onDidQueue(() => view.update()),
    settings.onDidChange((change) => settingsChanged(change.tracking)),
    accounts.onDidChange((state) => {
      status.update();
      view.authChanged(state.kind);
      if (state.kind === 'signedIn' && outbox.count() > 0) scheduler.signedIn();
      if (state.kind === 'signedIn') void offerCheckAfterSignIn(checkDeps);
    }),
    ...registerForgetCommands({
      view,
      feed,
      graph,
      outbox,
      published,
      forgotten: core.forgotten,
      purgeLocal: (target) => purgeLocal(target, 'forgotten'),
      log,
      onPendingChanged: () => status.update(),
      register: core.register,
    }),
    registerCheckGraphCommand(checkDeps, core.register),
    window.onDidChangeWindowState((state) => {
      if (!state.focused) scheduler.windowBlurred();
    }),
    core.register(COMMANDS.revokeWorkspacePrivacyOverride, () => privacyQuestions.revoke()),
    core.register(COMMANDS.showInsights, () => {
      showInsights();
    }),
    core.register(COMMANDS.exportTimesheet, (args?: unknown) =>
      loadBundle<InsightsModule>('insights').exportTimesheet(insightsHost, args),
    ),
  );
  registerCommands(context, {
    log,
    tracker,
    previews,
    plan: () => publishing.planPending(),
    accounts,
    signInMethod: () => settings.settings.auth.method,
    publishNow: (signal, onProgress) => scheduler.runNow('command', { signal, onProgress }),
    outbox,
    status,
    onTrackingChanged: () => status.update(),
    showCards: (plan) => loadBundle<InsightsModule>('insights').showCardPreview(context.extensionUri, plan),
    register: core.register,
  });
  void accounts.refresh().then((state) => {
    if (state.kind === 'signedIn' && outbox.count() > 0 && settings.settings.publish.mode === 'automatic')
      void scheduler.runNow('start');
  });

  log.info(`${outbox.count()} session(s) waiting in the outbox`);
  const today = new TodayTotal(context.globalState);
  core.finishedSessions.handleWith((session) => {
    today.add(session);
    scheduler.sessionFinished();
    status.update();
  });
  const statusRefresh = setInterval(() => status.update(), STATUS_REFRESH_MS);
  subscriptions.push({ dispose: () => clearInterval(statusRefresh) });

  let api: WorkbenchApi | undefined;
  const workbench: Workbench = {
    outbox,
    get api() {
      return (api ??= workbenchApi(core, workbench));
    },
    plan: () => publishing.planPending(),
    accounts,
    get lastRun() {
      return publishing.lastRun;
    },
    view,
    handleUri: (uri) => links.handleUri(uri),
    showInsights,
    insightsPanel: () => (isBundleLoaded('insights') ? loadBundle<InsightsModule>('insights').InsightsPanel.open : undefined),
    shutdown: async () => {
      const publish = settings.settings.publish;
      if (publish.mode !== 'automatic' || !publish.onShutdown || outbox.count() === 0 || accounts.state.kind !== 'signedIn')
        return;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), SHUTDOWN_PUBLISH_MS);
      try {
        const summary = await publishing.run('shutdown', abort.signal);
        log.info(`At shutdown: ${summary.outcome}; ${summary.remaining} session(s) stay queued.`);
      } finally {
        clearTimeout(timer);
      }
    },
    dispose: () => {
      for (const part of subscriptions.reverse()) part.dispose();
    },
  };
  status.showFrom(() => {
    const todayActiveSeconds = today.seconds(tracker.currentSession());
    return statusView({
      paused: tracker.isPaused,
      pending: outbox.count(),
      todayActiveSeconds,
      automatic: settings.settings.publish.mode === 'automatic',
      auth: accounts.state,
      publishing: publishing.publishing,
      lastRun: publishing.lastRun,
      nextRunAt: scheduler.nextRunAt,
      allMachinesTodaySeconds: otherSessions && todayActiveSeconds + otherMachinesToday(otherSessions, Date.now()),
    });
  });
  return workbench;
}
