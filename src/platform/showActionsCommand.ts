/** The command a click on the status bar runs; apart from the other ids so the activation bundle carries only this one. */
export const SHOW_ACTIONS_COMMAND = 'activityFeed.showActions';
