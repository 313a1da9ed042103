// Composition root: builds the parts that exist from the first second (the tracker feeding the outbox, the status
// bar), hands them to the rest (src/app/workbench.vscode.ts), and owns every disposable. Nothing else.
import { join } from 'node:path';
import { EventEmitter, l10n, window, type ExtensionContext } from 'vscode';
import type { ActivityFeedApi } from './api';
import { RecordedLevels } from './privacy/recorded';
import { CommandRouter } from './app/commandRouter.vscode';
import type { Core, SettingsProblemReport } from './app/core.vscode';
import { HandOver } from './app/handOver';
import { testApi } from './app/testApi.vscode';
import type { Workbench } from './app/workbench.vscode';
import { setTranslator } from './text/l10n';
import { loadBundle } from './platform/lazyBundles';
import { createLogger, type ChannelLogger } from './platform/log.vscode';
import { OutboxWriter } from './outbox/outboxWriter';
import { SettingsChanges } from './platform/settings.vscode';
import { PrivacyOverrides } from './privacy/overrides';
import { ForgottenSessions } from './feed/forgotten';
import { say } from './text/shown';
import { shownError } from './text/shownText';
import type { Session } from './tracking/types';
import { TrackingAdapter } from './tracking/adapter.vscode';
import { showError } from './platform/show.vscode';
import { StatusBar } from './status/statusBar.vscode';
import { WorkspacePrivacy, type PrivacyQuestion } from './privacy/workspacePrivacy.vscode';

let shutdown: (() => Promise<void>) | undefined;
let log: ChannelLogger | undefined;

export function activate(context: ExtensionContext): ActivityFeedApi {
  // The extension's own timer around activate(), a diagnostic beside what the editor reports (npm run bench).
  const started = performance.now();
  // The pure core formats its messages through src/text/l10n.ts; from here on in the editor's language.
  setTranslator(l10n);
  const channel = window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  const logger = (log = createLogger(channel));
  const logError = (error: unknown) => logger.error(error instanceof Error ? error : String(error));
  try {
    // Problems with settings are told by the workbench, which loads a moment later.
    const settingsProblems = new HandOver<SettingsProblemReport>();
    // The outbox creates its folders on first write; the workbench applies the cap from the settings.
    const outboxDir = join(context.globalStorageUri.fsPath, 'outbox');
    const outbox = new OutboxWriter({ dir: outboxDir, clock: { now: Date.now }, logger });
    const forgotten = new ForgottenSessions(context.globalState, Date.now);
    const privacy = privacyParts(context, settingsProblems);
    const queued = new EventEmitter<void>();
    // Finished sessions count towards today and may start a publish: the workbench's job, once it is there.
    const finishedSessions = new HandOver<Session>();
    const keep = (session: Session) => {
      // A session the person forgot while it was still running must not come back with its next checkpoint.
      // A full outbox logs its own warning, naming the session.
      outbox.put(forgotten.has(session.id) ? { ...session, endReason: 'excluded' } : privacy.recorded(session));
      queued.fire();
    };
    // The one subscription to the editor's settings change event, shared by every part that reacts to settings.
    const settingsChanges = new SettingsChanges();
    const tracker = new TrackingAdapter({
      settingsChanges: settingsChanges.event,
      sink: { checkpoint: keep, finished: (session) => (keep(session), finishedSessions.send(session)) },
      onConfigProblems: (problems) => settingsProblems.send({ source: 'tracking', problems }),
      onError: logError,
      log: logger,
    });
    let workbench: Workbench | undefined;
    const status = new StatusBar();
    context.subscriptions.push(queued.event(() => status.update()));
    // Everything else comes with the workbench bundle: on the first command, link or API call, or just after start-up.
    const loadWorkbench = (): Workbench => {
      if (workbench) return workbench;
      const loadStarted = performance.now();
      workbench = loadBundle<typeof import('./app/workbench.vscode')>('workbench').startWorkbench(core);
      logger.debug(`workbench loaded in ${(performance.now() - loadStarted).toFixed(2)} ms`);
      return workbench;
    };
    const router = new CommandRouter(contributedCommands(context), loadWorkbench);
    const core: Core = {
      ...{ context, version: manifestVersion(context), log: logger, settingsProblems, outbox, outboxDir },
      ...{ settingsChanges: settingsChanges.event, tracker, forgotten, status, onDidQueue: queued.event },
      ...{ ...privacy, finishedSessions, register: router.register },
    };
    const afterStart = setTimeout(() => {
      try {
        loadWorkbench();
      } catch (error) {
        logError(error);
      }
    });
    context.subscriptions.push(settingsChanges, tracker, status, queued, router, {
      dispose: () => (clearTimeout(afterStart), void workbench?.dispose()),
    });
    context.subscriptions.push(window.registerUriHandler({ handleUri: (uri) => loadWorkbench().handleUri(uri) }));

    shutdown = async () => {
      // Ends the running session ('shutdown') and writes it to the outbox before anything else.
      tracker.dispose();
      await loadWorkbench().shutdown();
    };
    const activationMs = performance.now() - started;
    // How many sessions wait is logged by the workbench: counting them lists a folder, which activation leaves alone.
    logger.info(`version ${core.version} activated in ${activationMs.toFixed(2)} ms`);
    return testApi(core, loadWorkbench, activationMs);
  } catch (error) {
    logError(error);
    tellStartFailed(error, logger);
    throw error;
  }
}

/** Each document's privacy level over the person's floor, stored with each session when it is recorded. */
function privacyParts(context: ExtensionContext, settingsProblems: HandOver<SettingsProblemReport>) {
  const privacyOverrides = new PrivacyOverrides(context.globalState);
  // A workspace asking for a looser level is asked about by the workbench, which shows the question.
  const privacyQuestions = new HandOver<PrivacyQuestion>();
  const workspacePrivacy = new WorkspacePrivacy(
    privacyOverrides,
    (source, problems) => settingsProblems.send({ source, problems, exceptUserAndWindow: true }),
    privacyQuestions.send,
  );
  const recordedLevels = new RecordedLevels();
  const recorded = (session: Session) => recordedLevels.stamp(session, () => workspacePrivacy.levelFor(session.documentUri));
  return { privacyOverrides, privacyQuestions, workspacePrivacy, recordedLevels, recorded };
}

function tellStartFailed(error: unknown, logger: ChannelLogger): void {
  const showLog = say('Show Log');
  void showError(say('Activity Feed could not start: {0}', shownError(error)), showLog).then((pick) => {
    if (pick === showLog) logger.show();
  });
}

/** The commands package.json contributes: each gets its thin handler now (test/unit/manifest.test.ts keeps the list
 * equal to src/platform/commandIds.ts, which the workbench registers the real handlers by). */
function contributedCommands(context: ExtensionContext): Set<string> {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: readonly { command?: unknown }[] } };
  const commands = manifest.contributes?.commands ?? [];
  return new Set(commands.flatMap(({ command }) => (typeof command === 'string' ? [command] : [])));
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
