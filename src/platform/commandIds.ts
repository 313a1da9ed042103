import { SHOW_ACTIONS_COMMAND } from './showActionsCommand';

/** Every command the extension contributes (package.json `contributes.commands`), by purpose. */
export const COMMANDS = {
  publishNow: 'activityFeed.publishNow',
  showPending: 'activityFeed.showPending',
  previewNextPayload: 'activityFeed.previewNextPayload',
  pauseTracking: 'activityFeed.pauseTracking',
  resumeTracking: 'activityFeed.resumeTracking',
  excludeWorkspace: 'activityFeed.excludeWorkspace',
  revokeWorkspacePrivacyOverride: 'activityFeed.revokeWorkspacePrivacyOverride',
  clearHistory: 'activityFeed.clearHistory',
  signIn: 'activityFeed.signIn',
  signOut: 'activityFeed.signOut',
  showLog: 'activityFeed.showLog',
  openSettings: 'activityFeed.openSettings',
  showActions: SHOW_ACTIONS_COMMAND,
  refreshPublished: 'activityFeed.published.refresh',
  groupByDay: 'activityFeed.published.groupByDay',
  groupByWorkspace: 'activityFeed.published.groupByWorkspace',
  openPublished: 'activityFeed.published.open',
  forgetSession: 'activityFeed.forgetSession',
  forgetActivity: 'activityFeed.forgetActivity',
  forgetWorkspace: 'activityFeed.forgetWorkspace',
  forgetTimeRange: 'activityFeed.forgetTimeRange',
  showInsights: 'activityFeed.showInsights',
  exportTimesheet: 'activityFeed.exportTimesheet',
  checkGraph: 'activityFeed.checkGraph',
} as const;

// Command handlers take whatever the editor passes (tree nodes, options objects), as vscode's own signature does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
/** vscode.commands.registerCommand's contract: the activation bundle's router implements it for lazily built handlers. */
export type RegisterCommand = (id: string, handler: CommandHandler) => { dispose(): void };
