// Composition root: builds every part, owns every disposable, and nothing else.
import * as vscode from 'vscode';
import type { ActivityFeedApi } from './api';
import { onDidChangeSettings, readSettings } from './config';
import { activityInputFor, mappingOptionsFor } from './editor/activityInput';
import { loadIdKey } from './editor/idKey';
import { createLogger, Logger } from './log';
import { PendingSessions } from './publish/pendingSessions';
import { planRequests, Plan } from './publish/preview';
import { TrackingAdapter } from './tracking/vscodeAdapter';
import { registerCommands } from './ui/commands';
import { PreviewDocuments } from './ui/previewDocument';
import { OpenActivityHandler } from './ui/openActivityHandler';
import { SettingsProblems } from './ui/settingsProblems';

let log: Logger | undefined;

export function activate(context: vscode.ExtensionContext): ActivityFeedApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  const logger = createLogger(channel);
  log = logger;

  try {
    const version = manifestVersion(context);
    const settingsProblems = new SettingsProblems(logger);
    const pending = new PendingSessions();
    const keep = (session: Parameters<PendingSessions['put']>[0]) => {
      if (!pending.put(session)) logger.warn(`too many unpublished sessions; session ${session.id} was not kept`);
    };
    const tracker = new TrackingAdapter({
      sink: { checkpoint: keep, finished: keep },
      onConfigProblems: (problems) => settingsProblems.report('tracking', problems),
      onError: (error) => logger.error(error instanceof Error ? error : String(error)),
    });
    const idKey = loadIdKey(context.globalState);
    const previews = new PreviewDocuments();
    const links = new OpenActivityHandler(context.globalState, logger);

    const plan = (): Plan => {
      const { settings, problems } = readSettings();
      settingsProblems.report('content', problems);
      const groups = pending.byDocument();
      const current = tracker.currentSession();
      if (current) groups.set(current.documentUri, [...(groups.get(current.documentUri) ?? []).filter((s) => s.id !== current.id), current]);
      const inputs = [...groups.entries()].map(([uri, sessions]) => activityInputFor(uri, sessions));
      const result = planRequests(inputs, mappingOptionsFor(settings.content, idKey, context.extension.id), settings.graph.endpoint);
      const cursors = new Map(inputs.map((input) => [input.documentUri, input.cursor]));
      for (const request of result.requests) {
        links.remember(request.body.appActivityId, { documentUri: request.documentUri, cursor: cursors.get(request.documentUri) });
      }
      return result;
    };

    settingsProblems.report('content', readSettings().problems);
    context.subscriptions.push(
      tracker,
      previews,
      settingsProblems,
      vscode.window.registerUriHandler(links),
      onDidChangeSettings(() => settingsProblems.report('content', readSettings().problems)),
    );
    registerCommands(context, { log: logger, tracker, previews, plan });

    const activationMs = performance.now() - started;
    logger.info(`version ${version} activated in ${activationMs.toFixed(2)} ms`);
    return {
      version,
      activationMs,
      tracking: {
        currentSession: () => tracker.currentSession(),
        onDidFinishSession: tracker.onDidFinishSession,
        pendingSessions: () => pending.all(),
        get isPaused() {
          return tracker.isPaused;
        },
      },
      planRequests: plan,
    };
  } catch (error) {
    logger.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(`Activity Feed could not start: ${String(error)}`, 'Show Log').then((pick) => {
      if (pick) logger.show();
    });
    throw error;
  }
}

function manifestVersion(context: vscode.ExtensionContext): string {
  const manifest = context.extension.packageJSON as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

export function deactivate(): void {
  log?.info('deactivated');
  log = undefined;
}
