// Activity Feed: Clear This Machine's Session History…: deletes the ledger, and the copy of other machines' sessions
// read from the feed, after a confirmation that says what they hold. Graph is not touched (Forget does that).
import { askModal, showInformation } from '../platform/show.vscode';
import { say } from '../text/shown';
import type { LedgerEntry } from './entry';
import type { Ledger } from './ledger';

/** A kept history that can say how much it holds and let go of it. */
export interface ClearableHistory {
  count(): number;
  clear(): Promise<number>;
}

/** Returns how many sessions were cleared, or undefined when the person kept them. */
export async function clearHistory(
  ledger: Ledger<LedgerEntry>,
  otherMachines: ClearableHistory,
  options?: { confirmed?: boolean },
): Promise<number | undefined> {
  const held = ledger.read().entries.length + otherMachines.count();
  if (held === 0) {
    void showInformation(say('Activity Feed: this machine’s session history is already empty.'));
    return 0;
  }
  const clear = say('Clear');
  if (options?.confirmed !== true) {
    const detail = say(
      'Insights and the timesheet will show this machine’s sessions, and what it kept of other machines’, only for as long as Microsoft Graph keeps them. Nothing in Graph changes.',
    );
    const answer = await askModal(say('Clear this machine’s history of {0} session(s)?', held), detail, clear);
    if (answer !== clear) return undefined;
  }
  const cleared = (await ledger.clear()) + (await otherMachines.clear());
  void showInformation(say('Activity Feed: cleared this machine’s history of {0} session(s).', cleared));
  return cleared;
}
