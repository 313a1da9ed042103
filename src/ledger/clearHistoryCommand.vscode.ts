// Activity Feed: Clear This Machine's Session History…: deletes the ledger after a confirmation that says what it
// holds. Graph is not touched (Forget does that).
import { askModal, showInformation } from '../platform/show.vscode';
import { say } from '../text/shown';
import type { LedgerEntry } from './entry';
import type { Ledger } from './ledger';

/** Returns how many sessions were cleared, or undefined when the person kept them. */
export async function clearHistory(ledger: Ledger<LedgerEntry>, options?: { confirmed?: boolean }): Promise<number | undefined> {
  const held = ledger.read().entries.length;
  if (held === 0) {
    void showInformation(say('Activity Feed: this machine’s session history is already empty.'));
    return 0;
  }
  const clear = say('Clear');
  if (options?.confirmed !== true) {
    const detail = say(
      'Insights and the timesheet will show this machine’s sessions only for as long as Microsoft Graph keeps them. Nothing in Graph changes.',
    );
    const answer = await askModal(say('Clear this machine’s history of {0} session(s)?', held), detail, clear);
    if (answer !== clear) return undefined;
  }
  const cleared = await ledger.clear();
  void showInformation(say('Activity Feed: cleared this machine’s history of {0} session(s).', cleared));
  return cleared;
}
