/** Every command the extension contributes (package.json `contributes.commands`), by purpose. */
export const COMMANDS = {
  publishNow: 'activityFeed.publishNow',
  showPending: 'activityFeed.showPending',
  previewNextPayload: 'activityFeed.previewNextPayload',
  pauseTracking: 'activityFeed.pauseTracking',
  resumeTracking: 'activityFeed.resumeTracking',
  excludeWorkspace: 'activityFeed.excludeWorkspace',
  signIn: 'activityFeed.signIn',
  signOut: 'activityFeed.signOut',
  showLog: 'activityFeed.showLog',
  openSettings: 'activityFeed.openSettings',
  showActions: 'activityFeed.showActions',
} as const;
