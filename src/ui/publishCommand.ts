// Publish Now: progress while it runs, then one message that says what happened and offers the next step.
import { ProgressLocation, commands, l10n, window } from 'vscode';
import type { PublishSummary } from '../publish/publisher';
import { COMMANDS } from './commandIds';
import { describeRun } from './statusModel';
import { shownText } from '../text/shownText';

export async function publishWithProgress(
  run: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<PublishSummary>,
): Promise<PublishSummary> {
  const summary = await window.withProgress(
    { location: ProgressLocation.Notification, title: l10n.t('Activity Feed: publishing'), cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await run(abort.signal, (done, total) => {
          progress.report({
            message: l10n.t('{0} of {1} activities', done, total),
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
  const waiting = summary.remaining === 1 ? l10n.t('{0} session', summary.remaining) : l10n.t('{0} sessions', summary.remaining);
  const signIn = l10n.t('Sign In');
  const retry = l10n.t('Retry');
  const showLog = l10n.t('Show Log');
  const showPending = l10n.t('Show Pending');
  let pick: string | undefined;
  switch (summary.outcome) {
    case 'done':
      void window.showInformationMessage(
        summary.activities === 0
          ? l10n.t('Activity Feed: nothing to publish; no sessions are waiting.')
          : l10n.t('Activity Feed: {0}.', describeRun(summary)),
      );
      return;
    case 'busy':
      void window.showInformationMessage(
        l10n.t('Activity Feed: another window is publishing right now; your sessions are in the same queue.'),
      );
      return;
    case 'cancelled':
      void window.showInformationMessage(l10n.t('Activity Feed: {0}; {1} stay queued.', describeRun(summary), waiting));
      return;
    case 'budget':
      void window.showInformationMessage(
        summary.retryAt
          ? l10n.t(
              'Activity Feed: the write budget is spent; publishing resumes by itself at {0}. {1} wait.',
              new Date(summary.retryAt).toLocaleTimeString(),
              waiting,
            )
          : l10n.t('Activity Feed: the write budget is spent; publishing resumes by itself. {0} wait.', waiting),
      );
      return;
    case 'signInRequired':
      pick = await window.showWarningMessage(
        l10n.t('Activity Feed: sign in to publish; {0} wait and nothing is lost.', waiting),
        signIn,
        showLog,
      );
      break;
    case 'retryLater':
      pick = await window.showWarningMessage(
        l10n.t(
          'Activity Feed: could not reach Microsoft Graph ({0}). {1} stay queued and are retried by themselves.',
          summary.reason !== undefined ? shownText(summary.reason) : l10n.t('no answer'),
          waiting,
        ),
        retry,
        showLog,
      );
      break;
    case 'partial': {
      const first = summary.failures[0];
      const text = first
        ? l10n.t('Activity Feed: {0}. First refusal: {1}', describeRun(summary), shownText(first.message))
        : `${l10n.t('Activity Feed: {0}.', describeRun(summary))} `;
      pick = await window.showErrorMessage(text, showPending, showLog, retry);
      break;
    }
  }
  if (pick === signIn) await commands.executeCommand(COMMANDS.signIn);
  if (pick === retry) await commands.executeCommand(COMMANDS.publishNow);
  if (pick === showLog) await commands.executeCommand(COMMANDS.showLog);
  if (pick === showPending) await commands.executeCommand(COMMANDS.showPending);
}
