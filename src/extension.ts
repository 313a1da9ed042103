// Composition root: builds the parts that exist from the first second (the tracker feeding the outbox, the status
// bar), hands them to the rest (src/app/workbench.ts), and owns every disposable. Nothing else.
import { join } from 'node:path';
import { EventEmitter, l10n, window, type ExtensionContext } from 'vscode';
import type { ActivityFeedApi } from './api';
import { RecordedLevels } from './activity/recordedPrivacy';
import type { Core } from './app/core';
import { CommandRouter } from './app/commandRouter';
import { SettingsStore } from './app/settingsStore';
import { testApi } from './app/testApi';
import type { Workbench } from './app/workbench';
import { setTranslator } from './l10n';
import { loadBundle } from './lazyBundles';
import { createLogger, type ChannelLogger } from './log';
import { Outbox } from './outbox/outbox';
import { PrivacyOverrides } from './privacyOverrides';
import { TodayTotal } from './publish/todayTotal';
import { ForgottenSessions } from './feed/forgotten';
import { shownError } from './text/shownText';
import type { Session } from './tracking/types';
import { TrackingAdapter } from './tracking/vscodeAdapter';
import { COMMANDS } from './ui/commandIds';
import { SettingsProblems } from './ui/settingsProblems';
import { StatusBar } from './ui/statusBar';
import { WorkspacePrivacy } from './ui/workspacePrivacy';

let shutdown: (() => Promise<void>) | undefined;
let log: ChannelLogger | undefined;

export function activate(context: ExtensionContext): ActivityFeedApi {
  // Where activation spends its time, for the log at debug level and the benchmark.
  const phases: { label: string; ms: number }[] = [];
  const started = performance.now();
  let lastMark = started;
  const mark = (label: string) => {
    phases.push({ label, ms: performance.now() - lastMark });
    lastMark = performance.now();
  };
  // The pure core formats its messages through src/l10n.ts; from here on in the editor's language.
  setTranslator(l10n);
  const channel = window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  const logger = (log = createLogger(channel));
  mark('log channel');
  try {
    const settings = new SettingsStore();
    const settingsProblems = new SettingsProblems(logger);
    mark('settings');
    // The outbox creates its folders on first write.
    const outboxDir = join(context.globalStorageUri.fsPath, 'outbox');
    const outbox = new Outbox({
      dir: outboxDir,
      clock: { now: Date.now },
      maxSessions: settings.settings.publish.maxQueuedSessions,
      logger,
    });
    const today = new TodayTotal(context.globalState);
    const forgotten = new ForgottenSessions(context.globalState, Date.now);
    // Each document's privacy level, over the person's floor; the level is stored with each session when recorded.
    // A problem of the user's or the window's value is already reported with the other settings; a folder's is new.
    const workspacePrivacy = new WorkspacePrivacy(
      new PrivacyOverrides(context.globalState),
      (source, problems) =>
        settingsProblems.report(
          source,
          problems.filter((problem) => !settings.problems.includes(problem)),
        ),
      logger,
    );
    const recordedLevels = new RecordedLevels();
    const recorded = (session: Session) => recordedLevels.stamp(session, () => workspacePrivacy.levelFor(session.documentUri));
    const queued = new EventEmitter<void>();
    const finished = new EventEmitter<void>();
    const keep = (session: Session) => {
      // A session the person forgot while it was still running must not come back with its next checkpoint.
      // A full outbox logs its own warning, naming the session.
      outbox.put(forgotten.has(session.id) ? { ...session, endReason: 'excluded' } : recorded(session));
      queued.fire();
    };
    mark('storage');
    const tracker = new TrackingAdapter({
      sink: { checkpoint: keep, finished: (session) => (keep(session), today.add(session), finished.fire()) },
      onConfigProblems: (problems) => settingsProblems.report('tracking', problems),
      onError: (error) => logger.error(error instanceof Error ? error : String(error)),
      log: logger,
    });
    mark('tracker');
    let workbench: Workbench | undefined;
    const status: StatusBar = new StatusBar(() => ({
      paused: tracker.isPaused,
      pending: outbox.count(),
      todayActiveSeconds: today.seconds(tracker.currentSession()),
      automatic: settings.settings.publish.mode === 'automatic',
      ...(workbench?.statusInputs() ?? { auth: { kind: 'signedOut' }, publishing: false }),
    }));
    context.subscriptions.push(queued.event(() => status.update()));
    mark('status bar');
    // Everything else comes with the workbench bundle: on the first command, link or API call, or just after start-up.
    const loadWorkbench = (): Workbench => {
      if (workbench) return workbench;
      const loadStarted = performance.now();
      workbench = loadBundle('workbench').startWorkbench(core);
      logger.debug(`workbench loaded in ${(performance.now() - loadStarted).toFixed(2)} ms`);
      return workbench;
    };
    const router = new CommandRouter(new Set(Object.values(COMMANDS)), loadWorkbench);
    const version = manifestVersion(context);
    const core: Core = {
      ...{ context, version, log: logger, settings, settingsProblems, outbox, outboxDir, tracker, today, forgotten },
      ...{ workspacePrivacy, recordedLevels, recorded, status, onDidQueue: queued.event, onDidFinish: finished.event },
      register: router.register,
    };
    const afterStart = setTimeout(() => {
      try {
        loadWorkbench();
      } catch (error) {
        logger.error(error instanceof Error ? error : String(error));
      }
    }, 0);
    context.subscriptions.push(settings, tracker, settingsProblems, status, queued, finished, router, {
      dispose: () => (clearTimeout(afterStart), void workbench?.dispose()),
    });
    context.subscriptions.push(window.registerUriHandler({ handleUri: (uri) => loadWorkbench().handleUri(uri) }));
    mark('commands');

    shutdown = async () => {
      // Ends the running session ('shutdown') and writes it to the outbox before anything else.
      tracker.dispose();
      await loadWorkbench().shutdown();
    };
    const activationMs = performance.now() - started;
    logger.debug(`activation phases (ms): ${phases.map(({ label, ms }) => `${label} ${ms.toFixed(2)}`).join(', ')}`);
    logger.info(
      `version ${version} activated in ${activationMs.toFixed(2)} ms; ${outbox.count()} session(s) waiting in the outbox`,
    );
    return testApi(core, loadWorkbench, { activationMs, phases });
  } catch (error) {
    logger.error(error instanceof Error ? error : String(error));
    const showLog = l10n.t('Show Log');
    void window.showErrorMessage(l10n.t('Activity Feed could not start: {0}', shownError(error)), showLog).then((pick) => {
      if (pick === showLog) logger.show();
    });
    throw error;
  }
}

function manifestVersion(context: ExtensionContext): string {
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
