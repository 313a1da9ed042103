// Activity Feed: Export Timesheet, as the command runs it: from the palette (no arguments) it opens the review first;
// with `{ review: true, … }` it opens the review at that range; with any other arguments (automation) it exports
// straight away, each argument checked.
import { isAbsolute } from 'node:path';
import { showError } from '../../platform/show.vscode';
import { isRecord } from '../../text/jsonShape';
import type { InsightsQuery } from '../aggregate';
import { exportTimesheet } from '../exportTimesheet.vscode';
import type { ExportResult, InsightsHost } from '../host.vscode';
import { exportRequestOf } from './exportArgs';
import { TimesheetReview } from './reviewPanel.vscode';

export async function timesheetCommand(host: InsightsHost, raw: unknown): Promise<ExportResult | undefined> {
  if (raw === undefined || raw === null || (isRecord(raw) && Object.getOwnPropertyDescriptor(raw, 'review')?.value === true)) {
    const { review: _review, ...args } = isRecord(raw) ? raw : {};
    void _review;
    openReview(host, args);
    return undefined;
  }
  return exportTimesheet(host, raw);
}

/** Opens the review at a range (and Insights' filters); a wrong argument is named and nothing opens. */
export function openReview(host: InsightsHost, args: Partial<InsightsQuery> & Record<string, unknown>): void {
  const request = exportRequestOf(args, Date.now(), isAbsolute);
  if (typeof request === 'string') {
    void showError(request);
    return;
  }
  TimesheetReview.show(host, request);
}
