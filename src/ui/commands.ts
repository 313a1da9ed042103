import * as vscode from 'vscode';
import type { AccountManager } from '../auth/accountManager';
import type { ChannelLogger } from '../log';
import type { PublishSummary } from '../publish/publisher';
import { Plan, renderPlan } from '../publish/preview';
import { renderPending, PendingEntry } from '../publish/pendingReport';
import type { SignInMethod } from '../settings';
import type { TrackingAdapter } from '../tracking/vscodeAdapter';
import { COMMANDS } from './commandIds';
import type { PreviewDocuments } from './previewDocument';
import { publishWithProgress } from './publishCommand';
import { showClientIdHelp, signInCommand, signOutCommand } from './signIn';
import { showActions, StatusBar } from './statusBar';

export interface CommandDeps {
  log: ChannelLogger;
  tracker: TrackingAdapter;
  previews: PreviewDocuments;
  plan: () => Plan;
  accounts: AccountManager;
  signInMethod: () => SignInMethod;
  publishNow: (signal?: AbortSignal, onProgress?: (done: number, total: number) => void) => Promise<PublishSummary>;
  outbox: { list(): PendingEntry[]; put(session: PendingEntry['session']): unknown };
  status: StatusBar;
  onTrackingChanged: () => void;
  /** Draws the plan's Adaptive Cards beside the payload preview. */
  showCards?: (plan: Plan) => void;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const setPaused = (paused: boolean) => void vscode.commands.executeCommand('setContext', 'activityFeed.paused', paused);
  setPaused(deps.tracker.isPaused);
  const setTracking = (paused: boolean) => {
    if (paused) deps.tracker.pause();
    else deps.tracker.resume();
    setPaused(paused);
    deps.onTrackingChanged();
    deps.log.info(`tracking ${paused ? 'paused' : 'resumed'}`);
    void vscode.window.setStatusBarMessage(
      paused ? vscode.l10n.t('Activity Feed: tracking paused') : vscode.l10n.t('Activity Feed: tracking resumed'),
      3000,
    );
  };
  const signInDeps = { accounts: deps.accounts, method: deps.signInMethod, log: deps.log, extensionId: context.extension.id };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showLog, () => deps.log.show()),
    vscode.commands.registerCommand(COMMANDS.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
    ),
    vscode.commands.registerCommand(COMMANDS.previewNextPayload, async () => {
      const plan = deps.plan();
      const note = vscode.l10n.t('{0} request(s) would be sent for the sessions not yet published.', plan.requests.length);
      await deps.previews.show('next-payload.jsonc', renderPlan(plan, note));
      deps.showCards?.(plan);
      return plan;
    }),
    vscode.commands.registerCommand(COMMANDS.pauseTracking, () => setTracking(true)),
    vscode.commands.registerCommand(COMMANDS.resumeTracking, () => setTracking(false)),
    vscode.commands.registerCommand(COMMANDS.publishNow, async () => {
      if (deps.accounts.state.kind === 'notConfigured') {
        await showClientIdHelp(context.extension.id);
        return undefined;
      }
      return publishWithProgress((signal, onProgress) => deps.publishNow(signal, onProgress));
    }),
    vscode.commands.registerCommand(COMMANDS.showPending, async () => {
      const entries = deps.outbox.list();
      await deps.previews.show('pending-sessions.md', renderPending(entries, Date.now()));
      return entries.length;
    }),
    vscode.commands.registerCommand(COMMANDS.excludeWorkspace, (options?: { confirmed?: boolean }) =>
      excludeWorkspace(deps, options?.confirmed === true),
    ),
    vscode.commands.registerCommand(COMMANDS.signIn, () => signInCommand(signInDeps)),
    vscode.commands.registerCommand(COMMANDS.signOut, () => signOutCommand(signInDeps)),
    vscode.commands.registerCommand(COMMANDS.showActions, () => showActions(deps.status.view, deps.tracker.isPaused)),
  );
}

/**
 * Turns tracking off in this workspace's settings and discards what it queued from here, after asking (automation
 * may pass `{ confirmed: true }`).
 */
async function excludeWorkspace(deps: CommandDeps, confirmed: boolean): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return false;
  const inWorkspace = deps.outbox
    .list()
    .filter((entry) => folders.some((folder) => isInside(entry.session.documentUri, folder.uri)));
  const detail =
    inWorkspace.length > 0
      ? ` ${vscode.l10n.t('{0} unpublished session(s) from it will be discarded.', inWorkspace.length)}`
      : '';
  const exclude = vscode.l10n.t('Exclude');
  const choice = confirmed
    ? exclude
    : await vscode.window.showWarningMessage(
        vscode.l10n.t('Exclude this workspace from your activity feed? Nothing from it will be tracked or published.') + detail,
        { modal: true },
        exclude,
      );
  if (choice !== exclude) return false;
  await vscode.workspace.getConfiguration('activityFeed.tracking').update('enabled', false, vscode.ConfigurationTarget.Workspace);
  for (const entry of inWorkspace) deps.outbox.put({ ...entry.session, endReason: 'excluded' });
  deps.log.info(`Workspace excluded; ${inWorkspace.length} queued session(s) from it discarded.`);
  deps.onTrackingChanged();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Activity Feed: this workspace is excluded (activityFeed.tracking.enabled is false in its settings).'),
  );
  return true;
}

function isInside(documentUri: string, folder: vscode.Uri): boolean {
  const prefix = folder.toString().replace(/\/?$/, '/');
  return documentUri.startsWith(prefix);
}
