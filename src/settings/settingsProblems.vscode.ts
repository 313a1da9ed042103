import { Disposable, commands } from 'vscode';
import type { ChannelLogger } from '../platform/log.vscode';
import { say } from '../text/shown';
import { showWarning } from '../platform/show.vscode';

/**
 * Tells the person once about each invalid setting (the default is used meanwhile), with a button to fix it.
 * The same problem is not shown again until it has been fixed and comes back.
 */
export class SettingsProblems implements Disposable {
  private readonly shown = new Map<string, Set<string>>();

  constructor(private readonly log: ChannelLogger) {}

  report(source: string, problems: readonly string[]): void {
    const previous = this.shown.get(source) ?? new Set<string>();
    const fresh = problems.filter((p) => !previous.has(p));
    this.shown.set(source, new Set(problems));
    if (fresh.length === 0) return;
    for (const problem of fresh) this.log.warn(`setting ignored: ${problem}`);
    // A problem quotes the value a setting holds, which a repository's .vscode/settings.json may have chosen.
    const first = fresh[0];
    const text =
      fresh.length === 1
        ? say('Activity Feed: {0}', first)
        : say('Activity Feed: {0} settings are invalid; their defaults are used. {1}', fresh.length, first);
    const openSettings = say('Open Settings');
    const showLog = say('Show Log');
    void showWarning(text, openSettings, showLog).then((pick) => {
      if (pick === openSettings) void commands.executeCommand('activityFeed.openSettings');
      if (pick === showLog) this.log.show();
    });
  }

  dispose(): void {
    this.shown.clear();
  }
}
