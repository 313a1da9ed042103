// What the timesheet review's webview and its panel say to each other. The review is the person's: its edits stay in
// the webview until an export, when the panel applies them to rows it works out again itself.
import type { RoundingRule } from './rounding';
import type { ReviewEdits } from './review';
import type { GroupBy, TimesheetRow } from './rows';
import type { DecimalMark, TimesheetFileFormat } from './choices';

export interface ReviewDraft {
  from: string;
  to: string;
  groupBy: GroupBy;
  rule: RoundingRule;
  decimal: DecimalMark;
  rows: TimesheetRow[];
  timeZone: string;
  /** Other machines' sessions are in it (the feed could be read). */
  otherMachines: boolean;
  /** Why the person's ticket pattern could not be used, when it could not. */
  ticketProblem?: string;
}

export type ToReview =
  { type: 'draft'; draft: ReviewDraft; strings: Record<string, string> } | { type: 'exported'; message: string };

export type FromReview =
  | { type: 'ready' }
  | { type: 'draft'; from: string; to: string; groupBy: GroupBy }
  | {
      type: 'export';
      format: TimesheetFileFormat;
      decimal: DecimalMark;
      rule: RoundingRule;
      edits: Required<ReviewEdits>;
    };
