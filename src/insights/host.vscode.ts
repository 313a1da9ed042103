// What the lazily loaded Insights code (dist/insights.js) gets from the composition root. Types only, so the main
// bundle does not grow by importing it.
import type { Event, Uri } from 'vscode';
import type { Logger } from '../platform/ports';
import type { PublishedFeed } from '../feed/publishedFeed';
import type { LedgerEntry } from '../ledger/entry';
import type { FeedCopyEntry } from '../ledger/feedCopyEntry';

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
  extensionUri: Uri;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** What `exportTimesheet` accepts from automation (`executeCommand('activityFeed.exportTimesheet', args)`). */
export interface ExportArgs {
  /** First and last day (YYYY-MM-DD, local), both included; default the last 30 days. */
  from?: string;
  to?: string;
  format?: 'csv' | 'json';
  /** Absolute path of the file to write; without it a save dialog asks. */
  path?: string;
  workspace?: string;
  language?: string;
}

export interface ExportResult {
  path: string;
  format: 'csv' | 'json';
  rows: number;
}
