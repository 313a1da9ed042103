// Publish Now: progress while it runs, then one message that says what happened and offers the next step.
import * as vscode from 'vscode';
import type { PublishSummary } from '../publish/publisher';
import { COMMANDS } from './commandIds';
import { describeRun } from './statusModel';
import { shownText } from '../text/shownText';

export async function publishWithProgress(
  run: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<PublishSummary>,
): Promise<PublishSummary> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Activity Feed: publishing'), cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await run(abort.signal, (done, total) => {
          progress.report({
            message: vscode.l10n.t('{0} of {1} activities', done, total),
            increment: ((done - reported) / Math.max(1, total)) * 100,
          });
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
  const waiting =
    summary.remaining === 1 ? vscode.l10n.t('{0} session', summary.remaining) : vscode.l10n.t('{0} sessions', summary.remaining);
  const signIn = vscode.l10n.t('Sign In');
  const retry = vscode.l10n.t('Retry');
  const showLog = vscode.l10n.t('Show Log');
  const showPending = vscode.l10n.t('Show Pending');
  let pick: string | undefined;
  switch (summary.outcome) {
    case 'done':
      void vscode.window.showInformationMessage(
        summary.activities === 0
          ? vscode.l10n.t('Activity Feed: nothing to publish; no sessions are waiting.')
          : vscode.l10n.t('Activity Feed: {0}.', describeRun(summary)),
      );
      return;
    case 'busy':
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Activity Feed: another window is publishing right now; your sessions are in the same queue.'),
      );
      return;
    case 'cancelled':
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Activity Feed: {0}; {1} stay queued.', describeRun(summary), waiting),
      );
      return;
    case 'budget':
      void vscode.window.showInformationMessage(
        summary.retryAt
          ? vscode.l10n.t(
              'Activity Feed: the write budget is spent; publishing resumes by itself at {0}. {1} wait.',
              new Date(summary.retryAt).toLocaleTimeString(),
              waiting,
            )
          : vscode.l10n.t('Activity Feed: the write budget is spent; publishing resumes by itself. {0} wait.', waiting),
      );
      return;
    case 'signInRequired':
      pick = await vscode.window.showWarningMessage(
        vscode.l10n.t('Activity Feed: sign in to publish; {0} wait and nothing is lost.', waiting),
        signIn,
        showLog,
      );
      break;
    case 'retryLater':
      pick = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Activity Feed: could not reach Microsoft Graph ({0}). {1} stay queued and are retried by themselves.',
          summary.reason !== undefined ? shownText(summary.reason) : vscode.l10n.t('no answer'),
          waiting,
        ),
        retry,
        showLog,
      );
      break;
    case 'partial': {
      const first = summary.failures[0];
      const text = first
        ? vscode.l10n.t('Activity Feed: {0}. First refusal: {1}', describeRun(summary), shownText(first.message))
        : `${vscode.l10n.t('Activity Feed: {0}.', describeRun(summary))} `;
      pick = await vscode.window.showErrorMessage(text, showPending, showLog, retry);
      break;
    }
  }
  if (pick === signIn) await vscode.commands.executeCommand(COMMANDS.signIn);
  if (pick === retry) await vscode.commands.executeCommand(COMMANDS.publishNow);
  if (pick === showLog) await vscode.commands.executeCommand(COMMANDS.showLog);
  if (pick === showPending) await vscode.commands.executeCommand(COMMANDS.showPending);
}
