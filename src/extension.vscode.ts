// Composition root: builds the one container (src/app/container.vscode.ts) and hands the editor what it asks for.
import { l10n, window, type ExtensionContext } from 'vscode';
import type { ActivityFeedApi } from './app/api';
import { Container } from './app/container.vscode';
import { createLogger, type ChannelLogger } from './platform/log.vscode';
import { showError } from './platform/show.vscode';
import { setTranslator } from './text/l10n';
import { say } from './text/shown';
import { shownError } from './text/shownText';

let container: Container | undefined;
let log: ChannelLogger | undefined;

export function activate(context: ExtensionContext): ActivityFeedApi {
  // The extension's own timer around activate(), a diagnostic beside what the editor reports (npm run bench).
  const started = performance.now();
  // The pure code formats its messages through src/text/l10n.ts; from here on in the editor's language.
  setTranslator(l10n);
  const logger = (log = openLog(context));
  try {
    container = new Container(context, logger);
    context.subscriptions.push(container);
    container.loadSoon();
    const activationMs = performance.now() - started;
    logger.info(`version ${container.version} activated in ${activationMs.toFixed(2)} ms`);
    return container.api(activationMs);
  } catch (error) {
    tellStartFailed(error, logger);
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  try {
    await container?.shutdown();
  } catch (error) {
    log?.error(error instanceof Error ? error : String(error));
  } finally {
    container = undefined;
    log?.info('deactivated');
    log = undefined;
  }
}

function openLog(context: ExtensionContext): ChannelLogger {
  const channel = window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  return createLogger(channel);
}

function tellStartFailed(error: unknown, logger: ChannelLogger): void {
  logger.error(error instanceof Error ? error : String(error));
  const showLog = say('Show Log');
  void showError(say('Activity Feed could not start: {0}', shownError(error)), showLog).then((pick) => {
    if (pick === showLog) logger.show();
  });
}
