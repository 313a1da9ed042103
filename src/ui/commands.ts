import * as vscode from 'vscode';
import type { Logger } from '../log';
import { Plan, renderPlan } from '../publish/preview';
import type { TrackingAdapter } from '../tracking/vscodeAdapter';
import { COMMANDS } from './commandIds';
import type { PreviewDocuments } from './previewDocument';


export interface CommandDeps {
  log: Logger;
  tracker: TrackingAdapter;
  previews: PreviewDocuments;
  plan: () => Plan;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const setPaused = (paused: boolean) => void vscode.commands.executeCommand('setContext', 'activityFeed.paused', paused);
  setPaused(deps.tracker.isPaused);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showLog, () => deps.log.show()),
    vscode.commands.registerCommand(COMMANDS.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`),
    ),
    vscode.commands.registerCommand(COMMANDS.previewNextPayload, async () => {
      const plan = deps.plan();
      const note = `${plan.requests.length} request(s) would be sent for the sessions not yet published.`;
      await deps.previews.show('next-payload.jsonc', renderPlan(plan, note));
      return plan;
    }),
    vscode.commands.registerCommand(COMMANDS.pauseTracking, () => {
      deps.tracker.pause();
      setPaused(true);
      deps.log.info('tracking paused');
      void vscode.window.setStatusBarMessage('Activity Feed: tracking paused', 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.resumeTracking, () => {
      deps.tracker.resume();
      setPaused(false);
      deps.log.info('tracking resumed');
      void vscode.window.setStatusBarMessage('Activity Feed: tracking resumed', 3000);
    }),
  );
}
