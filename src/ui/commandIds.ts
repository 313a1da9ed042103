/** Every command the extension contributes (package.json `contributes.commands`), by purpose. */
export const COMMANDS = {
  showLog: 'activityFeed.showLog',
  openSettings: 'activityFeed.openSettings',
  previewNextPayload: 'activityFeed.previewNextPayload',
  pauseTracking: 'activityFeed.pauseTracking',
  resumeTracking: 'activityFeed.resumeTracking',
} as const;
