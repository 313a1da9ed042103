import type * as vscode from 'vscode';
import type { Plan } from './publish/preview';
import type { Session } from './tracking/types';

/** What `activate()` returns: read by the integration tests and by other tools. */
export interface ActivityFeedApi {
  readonly version: string;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  readonly tracking: {
    currentSession(): Session | undefined;
    readonly onDidFinishSession: vscode.Event<Session>;
    /** Finished sessions and checkpoints of running ones, not yet published. */
    pendingSessions(): Session[];
    readonly isPaused: boolean;
  };
  /** Exactly what would be sent for the pending sessions (and the running one), without sending anything. */
  planRequests(): Plan;
}
