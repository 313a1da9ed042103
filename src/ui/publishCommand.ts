// Publish Now: progress while it runs, then one message that says what happened and offers the next step.
import * as vscode from 'vscode';
import type { PublishSummary } from '../publish/publisher';
import { COMMANDS } from './commandIds';
import { describeRun } from './statusModel';

export async function publishWithProgress(run: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<PublishSummary>): Promise<PublishSummary> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Activity Feed: publishing', cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await run(abort.signal, (done, total) => {
          progress.report({ message: `${done} of ${total} activities`, increment: ((done - reported) / Math.max(1, total)) * 100 });
          reported = done;
        });
      } finally {
        subscription.dispose();
      }
    },
  );
  void reportSummary(summary);
  return summary;
}

async function reportSummary(summary: PublishSummary): Promise<void> {
  const waiting = `${summary.remaining} session${summary.remaining === 1 ? '' : 's'}`;
  let pick: string | undefined;
  switch (summary.outcome) {
    case 'done':
      void vscode.window.showInformationMessage(summary.activities === 0 ? 'Activity Feed: nothing to publish; no sessions are waiting.' : `Activity Feed: ${describeRun(summary)}.`);
      return;
    case 'busy':
      void vscode.window.showInformationMessage('Activity Feed: another window is publishing right now; your sessions are in the same queue.');
      return;
    case 'cancelled':
      void vscode.window.showInformationMessage(`Activity Feed: ${describeRun(summary)}; ${waiting} stay queued.`);
      return;
    case 'budget':
      void vscode.window.showInformationMessage(`Activity Feed: the write budget is spent; publishing resumes by itself${summary.retryAt ? ` at ${new Date(summary.retryAt).toLocaleTimeString()}` : ''}. ${waiting} wait.`);
      return;
    case 'signInRequired':
      pick = await vscode.window.showWarningMessage(`Activity Feed: sign in to publish; ${waiting} wait and nothing is lost.`, 'Sign In', 'Show Log');
      break;
    case 'retryLater':
      pick = await vscode.window.showWarningMessage(`Activity Feed: could not reach Microsoft Graph (${summary.reason ?? 'no answer'}). ${waiting} stay queued and are retried by themselves.`, 'Retry', 'Show Log');
      break;
    case 'partial': {
      const first = summary.failures[0];
      pick = await vscode.window.showErrorMessage(`Activity Feed: ${describeRun(summary)}. ${first ? `First refusal: ${first.message}` : ''}`, 'Show Pending', 'Show Log', 'Retry');
      break;
    }
  }
  if (pick === 'Sign In') await vscode.commands.executeCommand(COMMANDS.signIn);
  if (pick === 'Retry') await vscode.commands.executeCommand(COMMANDS.publishNow);
  if (pick === 'Show Log') await vscode.commands.executeCommand(COMMANDS.showLog);
  if (pick === 'Show Pending') await vscode.commands.executeCommand(COMMANDS.showPending);
}
