import { Uri, commands, workspace, type Disposable } from 'vscode';
import { writeSetting } from '../platform/settings.vscode';
import type { AccountManager } from '../auth/accountManager';
import type { ChannelLogger } from '../platform/log.vscode';
import type { PublishSummary } from '../publish/publisher';
import { Plan, renderPlan } from '../publish/plan';
import { renderPending, PendingEntry } from '../publish/pendingReport';
import type { SignInMethod } from '../settings/validSettings';
import type { TrackingAdapter } from '../tracking/adapter.vscode';
import { COMMANDS, type RegisterCommand } from '../platform/commandIds';
import type { PreviewDocuments } from '../publish/previewDocument.vscode';
import { publishWithProgress } from '../publish/publishCommand.vscode';
import { showClientIdHelp, signInCommand, signOutCommand } from '../auth/signIn.vscode';
import { showActions } from '../status/statusActions.vscode';
import type { StatusBar } from '../status/statusBar.vscode';
import { askModal, flashStatus, showInformation } from '../platform/show.vscode';
import { say } from '../text/shown';

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
  /** Where handlers are registered (default: the editor's registry). */
  register?: RegisterCommand;
}

/** The command handlers that come with the services; the caller disposes of them with the services. */
export function registerCommands(extensionId: string, deps: CommandDeps): Disposable[] {
  const register = deps.register ?? ((id, handler) => commands.registerCommand(id, handler));
  const setPaused = (paused: boolean) => void commands.executeCommand('setContext', 'activityFeed.paused', paused);
  setPaused(deps.tracker.isPaused);
  const setTracking = (paused: boolean) => {
    if (paused) deps.tracker.pause();
    else deps.tracker.resume();
    setPaused(paused);
    deps.onTrackingChanged();
    deps.log.info(`tracking ${paused ? 'paused' : 'resumed'}`);
    void flashStatus(paused ? say('Activity Feed: tracking paused') : say('Activity Feed: tracking resumed'), 3000);
  };
  const signInDeps = { accounts: deps.accounts, method: deps.signInMethod, log: deps.log, extensionId };
  return [
    register(COMMANDS.showLog, () => deps.log.show()),
    register(COMMANDS.openSettings, () => commands.executeCommand('workbench.action.openSettings', `@ext:${extensionId}`)),
    register(COMMANDS.previewNextPayload, async () => {
      const plan = deps.plan();
      const note = say('{0} request(s) would be sent for the sessions not yet published.', plan.requests.length);
      await deps.previews.show('next-payload.jsonc', renderPlan(plan, note));
      deps.showCards?.(plan);
      return plan;
    }),
    register(COMMANDS.pauseTracking, () => setTracking(true)),
    register(COMMANDS.resumeTracking, () => setTracking(false)),
    register(COMMANDS.publishNow, async () => {
      if (deps.accounts.state.kind === 'notConfigured') {
        await showClientIdHelp(extensionId);
        return undefined;
      }
      return publishWithProgress((signal, onProgress) => deps.publishNow(signal, onProgress));
    }),
    register(COMMANDS.showPending, async () => {
      const entries = deps.outbox.list();
      await deps.previews.show('pending-sessions.md', renderPending(entries, Date.now()));
      return entries.length;
    }),
    register(COMMANDS.excludeWorkspace, (options?: { confirmed?: boolean }) =>
      excludeWorkspace(deps, options?.confirmed === true),
    ),
    register(COMMANDS.signIn, () => signInCommand(signInDeps)),
    register(COMMANDS.signOut, () => signOutCommand(signInDeps)),
    register(COMMANDS.showActions, () => showActions(deps.status.view, deps.tracker.isPaused)),
  ];
}

/**
 * Turns tracking off in this workspace's settings and discards what it queued from here, after asking (automation
 * may pass `{ confirmed: true }`).
 */
async function excludeWorkspace(deps: CommandDeps, confirmed: boolean): Promise<boolean> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) return false;
  const inWorkspace = deps.outbox
    .list()
    .filter((entry) => folders.some((folder) => isInside(entry.session.documentUri, folder.uri)));
  const detail =
    inWorkspace.length > 0 ? say('{0} unpublished session(s) from it will be discarded.', inWorkspace.length) : undefined;
  const exclude = say('Exclude');
  const choice = confirmed
    ? exclude
    : await askModal(
        say('Exclude this workspace from your activity feed? Nothing from it will be tracked or published.'),
        detail,
        exclude,
      );
  if (choice !== exclude) return false;
  await writeSetting('tracking.enabled', false, 'workspace');
  for (const entry of inWorkspace) deps.outbox.put({ ...entry.session, endReason: 'excluded' });
  deps.log.info(`Workspace excluded; ${inWorkspace.length} queued session(s) from it discarded.`);
  deps.onTrackingChanged();
  void showInformation(
    say('Activity Feed: this workspace is excluded (activityFeed.tracking.enabled is false in its settings).'),
  );
  return true;
}

function isInside(documentUri: string, folder: Uri): boolean {
  const prefix = folder.toString().replace(/\/?$/, '/');
  return documentUri.startsWith(prefix);
}
