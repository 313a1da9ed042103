// Activity Feed: Check Microsoft Graph. Says how many writes it will use and asks, runs the probe against the
// signed-in service with a progress notification, stores the result (the publisher follows it), logs it and opens
// the readable report (a read-only Markdown document). Automation may pass `{ confirmed: true }` to skip the question.
import { randomUUID } from 'node:crypto';
import { Disposable, ProgressLocation, commands, env } from 'vscode';
import type { AuthState } from '../auth/accountManager';
import type { GraphClient } from '../graph/client';
import { checkService, PROBE_WRITES, type ServiceCheckResult } from '../graph/serviceCheck';
import { checkLogLine, renderCheckReport } from '../graph/serviceCheckReport';
import type { ChannelLogger } from '../platform/log.vscode';
import { COMMANDS, type RegisterCommand } from '../platform/commandIds';
import type { PreviewDocuments } from './previewDocument.vscode';
import type { ServiceFactsState } from './serviceFactsState.vscode';
import { askModal, showError, showInformation, showWarning, withProgress } from '../platform/show.vscode';
import { outside, say } from '../text/shown';

export interface CheckGraphDeps {
  graph: () => GraphClient;
  auth: () => AuthState['kind'];
  facts: ServiceFactsState;
  activitySourceHost: () => string;
  extensionId: string;
  log: ChannelLogger;
  /** The report opens read-only, so closing it never asks to save. */
  previews: PreviewDocuments;
}

export function registerCheckGraphCommand(
  deps: CheckGraphDeps,
  register: RegisterCommand = (id, handler) => commands.registerCommand(id, handler),
): Disposable {
  return register(COMMANDS.checkGraph, (options?: { confirmed?: boolean }) => checkGraph(deps, options?.confirmed === true));
}

/** Offers the check once, after the first sign-in, when this endpoint has never been checked. */
export async function offerCheckAfterSignIn(deps: CheckGraphDeps): Promise<void> {
  if (deps.facts.lastCheck() || !deps.facts.offerOnce()) return;
  const check = say('Check Microsoft Graph');
  const pick = await showInformation(
    say(
      'Activity Feed: Microsoft Graph leaves some of its behaviour undocumented. Check how this account’s service answers ({0} writes, a probe activity deleted afterwards)? Publishing is safe either way.',
      PROBE_WRITES,
    ),
    check,
  );
  if (pick === check) await commands.executeCommand(COMMANDS.checkGraph);
}

async function checkGraph(deps: CheckGraphDeps, confirmed: boolean): Promise<ServiceCheckResult | undefined> {
  if (deps.auth() !== 'signedIn') {
    const signIn = say('Sign In');
    const pick = await showWarning(
      say('Activity Feed: sign in first; the check runs against your own Microsoft Graph service.'),
      signIn,
    );
    if (pick === signIn) await commands.executeCommand(COMMANDS.signIn);
    return undefined;
  }
  const graph = deps.graph();
  if (graph.writeBudget.remaining() < PROBE_WRITES) {
    void showInformation(
      say(
        'Activity Feed: the check needs {0} writes and the write budget has fewer left; try again after {1}.',
        PROBE_WRITES,
        new Date(graph.writeBudget.nextSlotAt() + 5 * 60_000).toLocaleTimeString(),
      ),
    );
    return undefined;
  }
  const run = say('Check');
  const choice = confirmed
    ? run
    : await askModal(
        say('Check Microsoft Graph?'),
        say(
          'It uses up to {0} of your {1} writes per 5 minutes: a probe activity is created, changed and read back, then deleted.',
          PROBE_WRITES,
          graph.writeBudget.remaining(),
        ),
        run,
      );
  if (choice !== run) return undefined;
  try {
    const result = await withProgress(
      { location: ProgressLocation.Notification, title: say('Checking Microsoft Graph'), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return checkService({
          graph,
          endpoint: graph.baseUrl,
          activitySourceHost: deps.activitySourceHost(),
          activationUrl: `${env.uriScheme}://${deps.extensionId}/check`,
          now: Date.now,
          newGuid: randomUUID,
          signal: abort.signal,
          onStep: (step) => progress.report({ message: outside(step) }),
        });
      },
    );
    await deps.facts.recordCheck(result);
    deps.log.info(checkLogLine(result));
    await deps.previews.show('microsoft-graph-check.md', renderCheckReport(result));
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    deps.log.warn(`Check Microsoft Graph failed: ${message}`);
    const showLog = say('Show Log');
    const pick = await showError(
      say('Activity Feed: the check did not finish: {0} Publishing stays on its safe course.', message),
      showLog,
    );
    if (pick === showLog) deps.log.show();
    return undefined;
  }
}
