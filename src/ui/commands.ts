import * as vscode from 'vscode';
import type { Logger } from '../log';

export const COMMANDS = {
  showLog: 'activityFeed.showLog',
  openSettings: 'activityFeed.openSettings',
} as const;

export interface CommandDeps {
  log: Logger;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showLog, () => deps.log.show()),
    vscode.commands.registerCommand(COMMANDS.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
    ),
  );
}
