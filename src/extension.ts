// Composition root: builds every part, owns every disposable, and nothing else.
import * as vscode from 'vscode';
import { createLogger, Logger } from './log';
import { registerCommands } from './ui/commands';
import type { ActivityFeedApi } from './api';

let log: Logger | undefined;

export function activate(context: vscode.ExtensionContext): ActivityFeedApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Activity Feed', { log: true });
  context.subscriptions.push(channel);
  log = createLogger(channel);
  const logger = log;

  try {
    registerCommands(context, { log: logger });
  } catch (error) {
    logger.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(`Activity Feed could not start: ${String(error)}`, 'Show Log').then((pick) => {
      if (pick) logger.show();
    });
    throw error;
  }

  const version = manifestVersion(context);
  const activationMs = performance.now() - started;
  logger.info(`version ${version} activated in ${activationMs.toFixed(2)} ms`);
  return { version, activationMs };
}

function manifestVersion(context: vscode.ExtensionContext): string {
  const manifest = context.extension.packageJSON as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

export function deactivate(): void {
  log?.info('deactivated');
  log = undefined;
}
