// Composition root: builds every part, owns every disposable, and nothing else.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from './api';
import { AccountManager } from './auth/accountManager';
import { loadIdentity } from './auth/loadIdentity';
import { onDidChangeSettings, readSettings } from './config';
import { publishLevel, RecordedLevels } from './activity/recordedPrivacy';
import { activityInputFor, mappingOptionsFor } from './editor/activityInput';
import { loadIdKey } from './editor/idKey';
import { GraphClient, RequestBudget, userActivityScope, FIVE_MINUTES, ONE_DAY } from './graph';
import { DEFAULT_READ_WINDOWS } from './graph/budget';
import { setTranslator } from './l10n';
import { createLogger, Logger } from './log';
import { Outbox, PublishedIndex, PublishLock } from './outbox';
import { planRequests, Plan } from './publish/preview';
import { Publisher, PublishSummary } from './publish/publisher';
import { runPolicyFor } from './publish/runPolicy';
import { PublishScheduler, RunReason } from './publish/scheduler';
import { PrivacyOverrides } from './privacyOverrides';
import { purgeLocalTraces, type PurgeTarget } from './publish/purgeLocal';
import { isDocumentExcluded } from './tracking/exclusionCheck';
import { otherMachinesSessions, otherMachinesToday, OtherSession, TodayTotal } from './publish/todayTotal';
import { PublishedFeed } from './published/feed';
import { ForgottenSessions } from './published/forgotten';
import { WorkspaceNames } from './insights/workspaceNames';
import type { Session } from './tracking/types';
import { readTrackingConfig, TrackingAdapter } from './tracking/vscodeAdapter';
import { COMMANDS } from './ui/commandIds';
import { offerCheckAfterSignIn, registerCheckGraphCommand, type CheckGraphDeps } from './ui/checkGraphCommand';
import { registerCommands } from './ui/commands';
import { registerForgetCommands } from './ui/forgetCommands';
import { PublishedView } from './ui/publishedView';
import { PreviewDocuments } from './ui/previewDocument';
import { OpenActivityHandler } from './ui/openActivityHandler';
import { ServiceFactsState } from './ui/serviceFactsState';
import { SettingsProblems } from './ui/settingsProblems';
import { StatusBar } from './ui/statusBar';
import { shownError } from './text/shownText';
import { WorkspacePrivacy } from './ui/workspacePrivacy';
import type { InsightsHost } from './ui/insights/host';
import { isInsightsLoaded, loadInsights } from './ui/loadInsights';

let shutdown: (() => Promise<void>) | undefined;
let log: Logger | undefined;

/** The time deactivate() gives publishing before it lets go (the editor allows a few seconds in total). */
const SHUTDOWN_PUBLISH_MS = 3_000;

export function activate(context: vscode.ExtensionContext): ActivityFeedApi {
  const started = performance.now();
  // Where activation spends its time, for the log at debug level and the benchmark.
  const phases: [string, number][] = [];
  let lastMark = started;
  const mark = (label: string) => {
    const now = performance.now();
    phases.push([label, now - lastMark]);
    lastMark = now;
  };
  // The pure core formats its messages through src/l10n.ts; from here on in the editor's language.
  setTranslator(vscode.l10n);
  const channel = vscode.window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  const logger = createLogger(channel);
  log = logger;
  mark('log channel');

  try {
    const version = manifestVersion(context);
    const settingsProblems = new SettingsProblems(logger);
    // Settings are read once and again only after they change: each read is a dozen lookups, and activation alone
    // asked for them ten times. This listener is registered first, so every later one sees the new values.
    let settingsReport: ReturnType<typeof readSettings> | undefined;
    const currentSettings = () => (settingsReport ??= readSettings());
    context.subscriptions.push(onDidChangeSettings(() => (settingsReport = undefined)));
    const settings = () => currentSettings().settings;
    currentSettings();
    mark('settings');

    // The outbox creates its folders on first write.
    const outboxDir = path.join(context.globalStorageUri.fsPath, 'outbox');
    const outbox = new Outbox({
      dir: outboxDir,
      clock: { now: Date.now },
      maxSessions: settings().publish.maxQueuedSessions,
      logger,
    });
    const lock = new PublishLock({ dir: outboxDir, clock: { now: Date.now } });
    const published = new PublishedIndex({ dir: outboxDir, clock: { now: Date.now }, logger });
    const today = new TodayTotal(context.globalState);

    // Built further down (they need the tracker), but the tracker's sink already talks to them.
    const later: { scheduler?: PublishScheduler; status?: StatusBar; view?: PublishedView } = {};
    const forgotten = new ForgottenSessions(context.globalState, Date.now);
    // Each document's privacy level, over the person's floor; the level is stored with each session when recorded.
    // A problem of the user's or the window's value is already reported with the other settings; a folder's is new.
    const reportPrivacyProblems = (source: string, problems: string[]) =>
      settingsProblems.report(
        source,
        problems.filter((problem) => !currentSettings().problems.includes(problem)),
      );
    const workspacePrivacy = new WorkspacePrivacy(new PrivacyOverrides(context.globalState), reportPrivacyProblems, logger);
    const recordedLevels = new RecordedLevels();
    const recorded = (session: Session): Session =>
      recordedLevels.stamp(session, () => workspacePrivacy.levelFor(session.documentUri));
    const keep = (session: Session) => {
      // A session the person forgot while it was still running must not come back with its next checkpoint.
      // A full outbox logs its own warning, naming the session.
      outbox.put(forgotten.has(session.id) ? { ...session, endReason: 'excluded' } : recorded(session));
      later.status?.update();
      later.view?.update();
    };
    mark('storage');
    const tracker = new TrackingAdapter({
      sink: {
        checkpoint: keep,
        finished: (session) => {
          keep(session);
          today.add(session);
          later.scheduler?.sessionFinished();
        },
      },
      onConfigProblems: (problems) => settingsProblems.report('tracking', problems),
      onError: (error) => logger.error(error instanceof Error ? error : String(error)),
      log: logger,
    });
    mark('tracker');
    const idKey = loadIdKey(context.globalState);
    const workspaceNames = new WorkspaceNames(context.globalState);
    const previews = new PreviewDocuments();
    const links = new OpenActivityHandler(context.globalState, logger);

    /** Removes queued sessions, set-aside copies and link-table entries of what was forgotten or is now excluded. */
    const purgeLocal = (target: PurgeTarget, why: string) => {
      const result = purgeLocalTraces(target, { outbox, links });
      if (result.queued + result.setAside + result.links === 0) return;
      logger.info(
        `Purged (${why}): ${result.queued} queued session(s), ${result.setAside} set-aside file(s), ${result.links} link(s).`,
      );
      later.status?.update();
      later.view?.update();
    };
    const purgeExcluded = () => {
      const verdicts = new Map<string, boolean>();
      const excluded = (uri: string) => verdicts.get(uri) ?? verdicts.set(uri, isDocumentExcluded(uri)).get(uri) === true;
      purgeLocal({ documents: excluded }, 'excluded');
    };
    mark('links');
    const accounts = new AccountManager({
      settings: () => settings().auth,
      scope: () => userActivityScope(settings().graph.endpoint),
      identity: () => loadIdentity(),
      secrets: context.secrets,
      editorAuthentication: {
        getSession: (provider, scopes, options) => vscode.authentication.getSession(provider, scopes, options),
      },
      memento: context.globalState,
      log: logger,
    });

    const planFor = (sessions: Session[]): Plan => {
      const { settings: current, problems } = currentSettings();
      settingsProblems.report('content', problems);
      const groups = new Map<string, Session[]>();
      for (const session of sessions) groups.set(session.documentUri, [...(groups.get(session.documentUri) ?? []), session]);
      const inputs = [...groups.entries()].map(([uri, group]) => activityInputFor(uri, group));
      // Each activity at the stricter of its sessions' recorded levels and its document's level now.
      const result: Plan = { requests: [], problems: [] };
      for (const input of inputs) {
        const privacy = publishLevel(input.sessions, workspacePrivacy.levelFor(input.documentUri));
        const part = planRequests(
          [input],
          mappingOptionsFor({ ...current.content, privacy }, idKey, context.extension.id),
          current.graph.endpoint,
        );
        result.requests.push(...part.requests);
        result.problems.push(...part.problems);
      }
      const cursors = new Map(inputs.map((input) => [input.documentUri, input.cursor]));
      for (const request of result.requests)
        links.remember(request.body.appActivityId, {
          documentUri: request.documentUri,
          cursor: cursors.get(request.documentUri),
        });
      const workspaceFolders = new Map(inputs.map((input) => [input.documentUri, input.workspaceFolderName]));
      for (const request of result.requests)
        workspaceNames.remember(request.body.contentInfo, workspaceFolders.get(request.documentUri));
      return result;
    };
    const pendingWithCurrent = (): Session[] => {
      const running = tracker.currentSession();
      // A preview shows the running session at the level it has (or would get now) without fixing that level.
      const current = running && {
        ...running,
        privacy: recordedLevels.levelOf(running, () => workspacePrivacy.levelFor(running.documentUri)),
      };
      const queued = outbox.list().map((entry) => entry.session);
      return current ? [...queued.filter((s) => s.id !== current.id), current] : queued;
    };

    // Only a change of the budget numbers starts a new budget; other Graph settings keep what was spent.
    const budgetKeyOf = (graph: { writesPerFiveMinutes: number; writesPerDay: number }) =>
      `${graph.writesPerFiveMinutes}/${graph.writesPerDay}`;
    let budgetKey = budgetKeyOf(settings().graph);
    let writeBudget = budgetsFor(settings().graph);
    // Reads (the Published Activity view) share one budget for the whole session of the editor.
    const readBudget = new RequestBudget(DEFAULT_READ_WINDOWS);
    const graph = () => {
      const current = settings().graph;
      if (budgetKeyOf(current) !== budgetKey) {
        budgetKey = budgetKeyOf(current);
        writeBudget = budgetsFor(current);
      }
      return new GraphClient({
        credential: accounts,
        baseUrl: current.endpoint,
        userAgent: `${context.extension.id}/${version} vscode/${vscode.version}`,
        logger,
        timeoutMs: current.requestTimeoutSeconds * 1000,
        retry: { maxAttempts: current.maxAttempts },
        writeBudget,
        readBudget,
      });
    };
    mark('accounts');
    // What Check Microsoft Graph (and publishing itself) found out about the service; the publisher follows it.
    const serviceFacts = new ServiceFactsState(context.globalState, () => settings().graph.endpoint.replace(/\/+$/, ''));
    const publisher = new Publisher({
      outbox,
      lock,
      published,
      graph,
      writeBudget: { remaining: () => writeBudget.remaining(), nextSlotAt: () => writeBudget.nextSlotAt() },
      plan: planFor,
      now: Date.now,
      log: logger,
      service: serviceFacts,
    });
    const checkDeps: CheckGraphDeps = {
      graph,
      auth: () => accounts.state.kind,
      facts: serviceFacts,
      activitySourceHost: () => settings().content.activitySourceHost,
      extensionId: context.extension.id,
      log: logger,
      previews,
    };

    let publishing = false;
    let lastRun: { at: number; summary: PublishSummary } | undefined;
    const runPublish = async (
      reason: RunReason,
      signal?: AbortSignal,
      onProgress?: (done: number, total: number) => void,
    ): Promise<PublishSummary> => {
      const auth = accounts.state.kind;
      // Whatever the exclusions now cover leaves the queue first, also what other windows or an older version queued.
      purgeExcluded();
      // The running session goes out as it is now; its GUID stays, so later updates replace it. One shorter than the
      // tracker's minimum may still be dropped by it, so it waits.
      const policy = runPolicyFor(reason);
      const current = policy.snapshotRunning ? tracker.currentSession() : undefined;
      if (current && current.activeSeconds >= Math.max(1, readTrackingConfig().config.minimumSessionSeconds))
        outbox.put(recorded(current));
      if (auth === 'notConfigured') {
        const summary: PublishSummary = {
          outcome: 'signInRequired',
          activities: 0,
          sessions: 0,
          remaining: outbox.count(),
          failures: [],
          reason: 'no app registration is configured (activityFeed.auth.clientId)',
        };
        logger.info(`Publish (${reason}): waiting; ${summary.reason}.`);
        lastRun = { at: Date.now(), summary };
        later.status?.update();
        return summary;
      }
      publishing = true;
      later.status?.update();
      try {
        const summary = await publisher.run({
          signal,
          onProgress,
          skipAfterPermanentFailures: policy.skipAfterPermanentFailures,
          ongoing: policy.ongoing,
        });
        logger.info(
          `Publish (${reason}): ${summary.outcome}; ${summary.activities} activities, ${summary.sessions} sessions; ${summary.remaining} waiting.`,
        );
        lastRun = { at: Date.now(), summary };
        if (summary.activities > 0) later.view?.published();
        return summary;
      } finally {
        publishing = false;
        later.status?.update();
      }
    };
    const activeScheduler = new PublishScheduler({
      run: (reason, options) => runPublish(reason, options?.signal, options?.onProgress),
      settings: () => settings().publish,
      now: Date.now,
      onError: (error) => logger.error(error instanceof Error ? error : String(error)),
    });
    later.scheduler = activeScheduler;
    mark('publisher');
    // Other machines' sessions in the feed's copy, for the status bar's "all machines" today; none before a read.
    let otherSessions: OtherSession[] | undefined;
    const feedChanged = new vscode.EventEmitter<void>();
    const thisMachineSessionIds = () =>
      new Set([
        ...[...published.all().values()].flatMap((entry) => entry.historyItemIds),
        ...outbox.list().map((entry) => entry.session.id),
      ]);
    const statusBar = new StatusBar(() => ({
      paused: tracker.isPaused,
      auth: accounts.state,
      pending: outbox.count(),
      publishing,
      lastRun,
      nextRunAt: activeScheduler.nextRunAt,
      todayActiveSeconds: today.seconds(tracker.currentSession()),
      allMachinesTodaySeconds:
        otherSessions && today.seconds(tracker.currentSession()) + otherMachinesToday(otherSessions, Date.now()),
      automatic: settings().publish.mode === 'automatic',
    }));
    later.status = statusBar;

    mark('status bar');
    const feed = new PublishedFeed({
      list: (signal) => graph().listActivities({ signal }),
      auth: () => accounts.state.kind,
      readBudget,
      now: Date.now,
      onChange: () => {
        later.view?.update();
        if (feed.lastReadAt !== undefined && feed.state.kind !== 'loading') {
          const mine = thisMachineSessionIds();
          otherSessions = otherMachinesSessions(feed.cached, (id) => mine.has(id));
        } else if (feed.state.kind === 'idle') otherSessions = undefined;
        later.status?.update();
        feedChanged.fire();
      },
      log: (message) => logger.warn(message),
    });
    const publishedView = new PublishedView({
      feed,
      pendingSessions: () => outbox.list().map((entry) => entry.session),
      publishedDocuments: () => new Map([...published.all()].map(([id, entry]) => [id, entry.documentUri])),
      links,
      extensionId: context.extension.id,
    });
    later.view = publishedView;
    const insightsHost: InsightsHost = {
      feed,
      onFeedChange: feedChanged.event,
      publishedDocuments: () => new Map([...published.all()].map(([id, entry]) => [id, entry.documentUri])),
      thisMachineSessionIds,
      workspaceNameOf: (tag) => workspaceNames.nameOf(tag),
      extensionUri: context.extensionUri,
      log: logger,
    };
    const showInsights = () => loadInsights().InsightsPanel.show(insightsHost);

    let publishMode = settings().publish.mode;
    const onSettings = () => {
      const { settings: current, problems } = currentSettings();
      settingsProblems.report('content', problems);
      activeScheduler.settingsChanged();
      outbox.maxSessions = current.publish.maxQueuedSessions;
      // Switching publishing on sends what has been waiting, without waiting for the next session to end.
      if (current.publish.mode === 'automatic' && publishMode === 'manual' && outbox.count() > 0)
        void activeScheduler.runNow('start');
      publishMode = current.publish.mode;
      void accounts.refresh();
      statusBar.update();
    };
    settingsProblems.report('content', currentSettings().problems);
    mark('view');
    context.subscriptions.push(
      tracker,
      previews,
      settingsProblems,
      statusBar,
      { dispose: () => activeScheduler.dispose() },
      publishedView,
      ...registerForgetCommands({
        view: publishedView,
        feed,
        graph,
        outbox,
        published,
        forgotten,
        purgeLocal: (target) => purgeLocal(target, 'forgotten'),
        log: logger,
        onPendingChanged: () => statusBar.update(),
      }),
      accounts.onDidChange((state) => {
        statusBar.update();
        publishedView.authChanged(state.kind);
        if (state.kind === 'signedIn' && outbox.count() > 0) activeScheduler.signedIn();
        if (state.kind === 'signedIn') void offerCheckAfterSignIn(checkDeps);
      }),
      registerCheckGraphCommand(checkDeps),
      vscode.window.onDidChangeWindowState((state) => {
        if (!state.focused) activeScheduler.windowBlurred();
      }),
      vscode.window.registerUriHandler(links),
      vscode.commands.registerCommand(COMMANDS.revokeWorkspacePrivacyOverride, () => workspacePrivacy.revoke()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('activityFeed.tracking')) purgeExcluded();
      }),
      feedChanged,
      vscode.commands.registerCommand(COMMANDS.showInsights, () => {
        showInsights();
      }),
      vscode.commands.registerCommand(COMMANDS.exportTimesheet, (args?: unknown) =>
        loadInsights().exportTimesheet(insightsHost, args),
      ),
      onDidChangeSettings(onSettings),
    );
    void accounts.refresh().then((state) => {
      if (state.kind === 'signedIn' && outbox.count() > 0 && settings().publish.mode === 'automatic')
        void activeScheduler.runNow('start');
    });

    mark('listeners');
    registerCommands(context, {
      log: logger,
      tracker,
      previews,
      plan: () => planFor(pendingWithCurrent()),
      accounts,
      signInMethod: () => settings().auth.method,
      publishNow: (signal, onProgress) => activeScheduler.runNow('command', { signal, onProgress }),
      outbox,
      status: statusBar,
      onTrackingChanged: () => statusBar.update(),
      showCards: (plan) => loadInsights().showCardPreview(context.extensionUri, plan),
    });

    shutdown = async () => {
      // Ends the running session ('shutdown') and writes it to the outbox before anything else.
      tracker.dispose();
      const publish = settings().publish;
      if (publish.mode !== 'automatic' || !publish.onShutdown || outbox.count() === 0 || accounts.state.kind !== 'signedIn')
        return;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), SHUTDOWN_PUBLISH_MS);
      try {
        const summary = await runPublish('shutdown', abort.signal);
        logger.info(`At shutdown: ${summary.outcome}; ${summary.remaining} session(s) stay queued.`);
      } finally {
        clearTimeout(timer);
      }
    };

    mark('commands');
    const activationMs = performance.now() - started;
    logger.debug(`activation phases (ms): ${phases.map(([label, ms]) => `${label} ${ms.toFixed(2)}`).join(', ')}`);
    logger.info(
      `version ${version} activated in ${activationMs.toFixed(2)} ms; ${outbox.count()} session(s) waiting in the outbox`,
    );
    return {
      version,
      activationMs,
      activationPhases: phases.map(([label, ms]) => ({ label, ms })),
      tracking: {
        currentSession: () => tracker.currentSession(),
        onDidFinishSession: tracker.onDidFinishSession,
        pendingSessions: () => outbox.list().map((entry) => entry.session),
        get isPaused() {
          return tracker.isPaused;
        },
      },
      planRequests: () => planFor(pendingWithCurrent()),
      auth: {
        get state() {
          return accounts.state;
        },
        onDidChange: (listener) => accounts.onDidChange(listener),
      },
      publishing: {
        get lastRun() {
          return lastRun;
        },
        get statusText() {
          return statusBar.view?.text ?? '';
        },
        get statusTooltip() {
          return statusBar.view?.tooltip ?? [];
        },
        outboxDirectory: outboxDir,
      },
      logDirectory: context.logUri.fsPath,
      publishedView: {
        refresh: (force = true) => publishedView.refresh(force),
        get state() {
          return publishedView.state;
        },
        get message() {
          return publishedView.message;
        },
        snapshot: () => publishedView.snapshot(),
      },
      insights: {
        show: () => {
          showInsights();
        },
        get state() {
          return loadInsightsIfOpen()?.state;
        },
        get timings() {
          return loadInsightsIfOpen()?.timings;
        },
      },
    };
  } catch (error) {
    logger.error(error instanceof Error ? error : String(error));
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Activity Feed could not start: {0}', shownError(error)), showLog)
      .then((pick) => {
        if (pick === showLog) logger.show();
      });
    throw error;
  }
}

/** The open Insights panel, without loading its bundle when it was never opened. */
function loadInsightsIfOpen() {
  return isInsightsLoaded() ? loadInsights().InsightsPanel.open : undefined;
}

function budgetsFor(graph: { writesPerFiveMinutes: number; writesPerDay: number }): RequestBudget {
  return new RequestBudget([
    { max: graph.writesPerFiveMinutes, windowMs: FIVE_MINUTES },
    { max: graph.writesPerDay, windowMs: ONE_DAY },
  ]);
}

function manifestVersion(context: vscode.ExtensionContext): string {
  const manifest = context.extension.packageJSON as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

export async function deactivate(): Promise<void> {
  try {
    await shutdown?.();
  } catch (error) {
    log?.error(error instanceof Error ? error : String(error));
  } finally {
    shutdown = undefined;
    log?.info('deactivated');
    log = undefined;
  }
}
