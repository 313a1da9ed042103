// Publish Now: progress while it runs, then one message that says what happened and offers the next step.
import { ProgressLocation, commands } from 'vscode';
import type { PublishSummary } from './publisher';
import { COMMANDS } from '../platform/commandIds';
import { describeRun } from './describeRun';
import { shownText } from '../text/shownText';
import { showError, showInformation, showWarning, withProgress } from '../platform/show.vscode';
import { say } from '../text/shown';

export async function publishWithProgress(
  run: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<PublishSummary>,
): Promise<PublishSummary> {
  const summary = await withProgress(
    { location: ProgressLocation.Notification, title: say('Activity Feed: publishing'), cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await run(abort.signal, (done, total) => {
          progress.report({
            message: say('{0} of {1} activities', done, total),
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
  const waiting = summary.remaining === 1 ? say('{0} session', summary.remaining) : say('{0} sessions', summary.remaining);
  const signIn = say('Sign In');
  const retry = say('Retry');
  const showLog = say('Show Log');
  const showPending = say('Show Pending');
  let pick: string | undefined;
  switch (summary.outcome) {
    case 'done':
      void showInformation(
        summary.activities === 0
          ? say('Activity Feed: nothing to publish; no sessions are waiting.')
          : say('Activity Feed: {0}.', describeRun(summary)),
      );
      return;
    case 'busy':
      void showInformation(say('Activity Feed: another window is publishing right now; your sessions are in the same queue.'));
      return;
    case 'cancelled':
      void showInformation(say('Activity Feed: {0}; {1} stay queued.', describeRun(summary), waiting));
      return;
    case 'budget':
      void showInformation(
        summary.retryAt
          ? say(
              'Activity Feed: the write budget is spent; publishing resumes by itself at {0}. {1} wait.',
              new Date(summary.retryAt).toLocaleTimeString(),
              waiting,
            )
          : say('Activity Feed: the write budget is spent; publishing resumes by itself. {0} wait.', waiting),
      );
      return;
    case 'signInRequired':
      pick = await showWarning(say('Activity Feed: sign in to publish; {0} wait and nothing is lost.', waiting), signIn, showLog);
      break;
    case 'retryLater':
      pick = await showWarning(
        say(
          'Activity Feed: could not reach Microsoft Graph ({0}). {1} stay queued and are retried by themselves.',
          summary.reason !== undefined ? shownText(summary.reason) : say('no answer'),
          waiting,
        ),
        retry,
        showLog,
      );
      break;
    case 'partial': {
      const first = summary.failures[0];
      const text = first
        ? say('Activity Feed: {0}. First refusal: {1}', describeRun(summary), shownText(first.message))
        : say('Activity Feed: {0}.', describeRun(summary));
      pick = await showError(text, showPending, showLog, retry);
      break;
    }
  }
  if (pick === signIn) await commands.executeCommand(COMMANDS.signIn);
  if (pick === retry) await commands.executeCommand(COMMANDS.publishNow);
  if (pick === showLog) await commands.executeCommand(COMMANDS.showLog);
  if (pick === showPending) await commands.executeCommand(COMMANDS.showPending);
}
