import * as vscode from 'vscode';
import type { Logger } from '../log';

/**
 * Tells the person once about each invalid setting (the default is used meanwhile), with a button to fix it.
 * The same problem is not shown again until it has been fixed and comes back.
 */
export class SettingsProblems implements vscode.Disposable {
  private readonly shown = new Map<string, Set<string>>();

  constructor(private readonly log: Logger) {}

  report(source: string, problems: readonly string[]): void {
    const previous = this.shown.get(source) ?? new Set<string>();
    const fresh = problems.filter((p) => !previous.has(p));
    this.shown.set(source, new Set(problems));
    if (fresh.length === 0) return;
    for (const problem of fresh) this.log.warn(`setting ignored: ${problem}`);
    const text = fresh.length === 1 ? `Activity Feed: ${fresh[0]}` : `Activity Feed: ${fresh.length} settings are invalid; their defaults are used. ${fresh[0]}`;
    void vscode.window.showWarningMessage(text, 'Open Settings', 'Show Log').then((pick) => {
      if (pick === 'Open Settings') void vscode.commands.executeCommand('activityFeed.openSettings');
      if (pick === 'Show Log') this.log.show();
    });
  }

  dispose(): void {
    this.shown.clear();
  }
}
