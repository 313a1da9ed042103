// What a publishing run carries, by why it runs. A run woken because a session finished sends finished sessions;
// the running session rides along only in a write that goes out anyway (same file), since it will be sent again
// when it ends. Interval, shutdown, sign-in and Publish Now runs send the running session as it is now.
import type { RunReason } from './scheduler';

export interface RunPolicy {
  /** Put the running session in the outbox as it is now before the run. */
  snapshotRunning: boolean;
  /** 'withFinished': ongoing sessions only for files that have a finished session in the run. */
  ongoing: 'all' | 'withFinished';
  /** Entries refused for good this many times are skipped (undefined: retried, as a person asked). */
  skipAfterPermanentFailures: number | undefined;
}

export function runPolicyFor(reason: RunReason): RunPolicy {
  const finishedOnly = reason === 'finished';
  return {
    snapshotRunning: !finishedOnly,
    ongoing: finishedOnly ? 'withFinished' : 'all',
    skipAfterPermanentFailures: reason === 'command' ? undefined : 3,
  };
}
