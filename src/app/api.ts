import type { AuthState } from '../auth/accountManager';
import type { PublishSummary } from '../publish/publisher';
import type { Plan } from '../publish/plan';
import type { TrackingConfig } from '../tracking/engineConfig';
import type { Session } from '../tracking/types';
import type { ViewSnapshot } from '../feed/viewNodes';
import type { ToWebview } from '../insights/protocol';
import type { LedgerEntry } from '../ledger/entry';
import type { FeedCopyEntry } from '../ledger/feedCopyEntry';

/** An event as the editor's API shapes it: subscribe with a listener, dispose to stop. */
export type Event<T> = (listener: (value: T) => unknown) => { dispose(): void };

/** What `activate()` returns: read by the integration tests and by other tools. */
export interface ActivityFeedApi {
  readonly version: string;
  /** How long activate() took by the extension's own timer, in milliseconds (the editor's own figures are the measure). */
  readonly activationMs: number;
  readonly tracking: {
    currentSession(): Session | undefined;
    readonly onDidFinishSession: Event<Session>;
    /** Finished sessions and checkpoints of running ones, saved in the outbox and not yet acknowledged by Graph. */
    pendingSessions(): Session[];
    readonly isPaused: boolean;
    /** The tracking rules in force, as last read from the settings: a change has reached the tracker when they match. */
    readonly rules: TrackingConfig;
  };
  /** Exactly what would be sent for the pending sessions (and the running one), without sending anything. */
  planRequests(): Plan;
  readonly auth: {
    readonly state: AuthState;
    onDidChange(listener: (state: AuthState) => void): { dispose(): void };
  };
  readonly publishing: {
    readonly lastRun: { at: number; summary: PublishSummary } | undefined;
    /** What the status bar shows now, and its tooltip lines. */
    readonly statusText: string;
    readonly statusTooltip: string[];
    readonly outboxDirectory: string;
  };
  /** The Published Activity view, as a person sees it. */
  readonly publishedView: {
    /** Reads from Graph (forced by default) and resolves with the view's state. */
    refresh(force?: boolean): Promise<string>;
    readonly state: string;
    readonly message: string | undefined;
    snapshot(): ViewSnapshot[];
  };
  /** The Insights panel (Activity Feed: Show Insights). */
  readonly insights: {
    /** Opens the panel (or brings it forward) and starts reading the feed. */
    show(): void;
    /** What the panel last sent its webview, if it is open. */
    readonly state: ToWebview | undefined;
    /** Where the first chart's time went (see InsightsTimings in src/insights/panel.vscode.ts); for `npm run bench`. */
    readonly timings:
      | {
          openToFirstChartMs?: number;
          scriptToFirstChartMs?: number;
          readyMs?: number;
          feedReadMs?: number;
          figuresMs?: number;
          firstFiguresPostedMs?: number;
          figuresArrivedInWebviewMs?: number;
          chartBuiltInWebviewMs?: number;
        }
      | undefined;
    /** The timesheet review, if it is open: its last export and how long its rows took to show. */
    readonly review:
      | {
          readonly exported: { path?: string; clipboard?: true; format: string; rows: number; billedHours: number } | undefined;
          readonly timings: {
            openToRowsMs?: number;
            rows?: number;
            lastDraftToRowsMs?: number;
            lastRenderMs?: number;
            draws?: number;
          };
        }
      | undefined;
  };
  /** This machine's session ledger (src/ledger/): every finished session, kept after the feed forgets it. */
  readonly history: {
    /** One entry per session, oldest first, as the files on disk hold them now. */
    entries(): LedgerEntry[];
    /** Other machines' sessions this machine kept from the feed for the account signed in, once the copy is on disk. */
    otherMachines(): Promise<FeedCopyEntry[]>;
    /** How many days back the feed is known to hold other machines' sessions: 30, or `keepDays` once Check Microsoft
     * Graph found the service keeps what each session asks. */
    readonly feedKeepsDays: number;
    readonly directory: string;
  };
  /** Where the editor keeps this extension's log files. */
  readonly logDirectory: string;
}
