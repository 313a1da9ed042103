// What the lazily loaded Insights code (dist/insights.js) gets from the composition root. Types only, so the main
// bundle does not grow by importing it.
import type { Event, Uri } from 'vscode';
import type { Logger } from '../platform/ports';
import type { PublishedFeed } from '../feed/publishedFeed';
import type { LedgerEntry } from '../ledger/entry';
import type { FeedCopyEntry } from '../ledger/feedCopyEntry';
import type { TimesheetSettings } from '../settings/validSettings';

export interface InsightsHost {
  feed: PublishedFeed;
  /** Fires after every change of the feed's state or copy. */
  onFeedChange: Event<void>;
  /** appActivityId → the local document it was published from on this machine. */
  publishedDocuments(): Map<string, string>;
  /** History item ids this machine recorded (published or still queued). */
  thisMachineSessionIds(): Set<string>;
  /** The workspace name behind a keyed tag, where this machine knows it. */
  workspaceNameOf(tag: string): string | undefined;
  /** The keyed tag this machine published a workspace name under, where it did. */
  workspaceTagOf(name: string): string | undefined;
  /** This machine's finished sessions, kept after the feed forgets them (src/ledger/). */
  ledgerEntries(): LedgerEntry[];
  /** Other machines' sessions this machine kept from the feed for the account signed in, oldest first (none signed out). */
  otherMachinesEntries(): FeedCopyEntry[];
  /** How many days back the feed is known to hold other machines' sessions (30 unless the service keeps more). */
  feedKeepsDays(): number;
  /** The timesheet's settings in force (the ticket pattern is compiled, and refused with a warning, where it is used). */
  timesheetSettings(): TimesheetSettings;
  extensionUri: Uri;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** What the Export Timesheet command resolves with (undefined when the person backed out or an argument was wrong). */
export interface ExportResult {
  /** The file written; unset when the timesheet went to the clipboard. */
  path?: string;
  clipboard?: true;
  format: 'csv' | 'json' | 'markdown';
  rows: number;
  activeHours: number;
  billedHours: number;
  /** Other machines' sessions are in it only when the feed could be read. */
  otherMachines: boolean;
}
