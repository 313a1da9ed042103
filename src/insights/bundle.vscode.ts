// Entry of the lazily loaded bundle dist/insights.js: the Insights panel and the timesheet export. The main bundle
// requires it the first time one of their commands runs (see src/platform/lazyBundles.ts).
export { InsightsPanel, shownDays } from './panel.vscode';
export { timesheetCommand as exportTimesheet } from './timesheet/timesheetCommand.vscode';
export { TimesheetReview } from './timesheet/reviewPanel.vscode';
export { showCardPreview } from './cardPreview.vscode';
export { adoptSecretRegistry } from '../text/redact';
