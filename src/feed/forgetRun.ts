// Carries out a forget plan against Graph, one DELETE at a time inside the write budget (the client waits for a
// slot), with progress and cancellation. Stops early when every further request would fail the same way.
import { SignInRequiredError, TokenRequestFailedError } from '../auth/errors';
import { GraphError } from '../graph/errors';
import type { ForgetPlan } from './forgetPlan';

export interface GraphDeleter {
  deleteActivity(activityId: string, signal?: AbortSignal): Promise<boolean>;
  deleteHistoryItem(activityId: string, historyItemId: string, signal?: AbortSignal): Promise<boolean>;
}

export interface ForgetResult {
  /** appActivityIds of activities Graph no longer holds (deleted now, or already gone). */
  activitiesGone: string[];
  /** Ids of sessions Graph no longer holds. */
  sessionsGone: string[];
  failures: { what: string; message: string }[];
  /** Why the run stopped before the end, if it did. */
  stopped?: 'cancelled' | 'signInRequired' | 'offline';
  /** Deletions not attempted because the run stopped. */
  notAttempted: number;
}

export async function runForget(
  plan: ForgetPlan,
  graph: GraphDeleter,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ForgetResult> {
  const steps = [
    ...plan.activities.map((a) => ({
      what: a.displayText,
      run: (signal?: AbortSignal) => graph.deleteActivity(a.id, signal),
      done: (result: ForgetResult) => result.activitiesGone.push(a.appActivityId),
    })),
    ...plan.sessions.map((s) => ({
      what: `session ${s.sessionId}`,
      run: (signal?: AbortSignal) => graph.deleteHistoryItem(s.activityId, s.sessionId, signal),
      done: (result: ForgetResult) => result.sessionsGone.push(s.sessionId),
    })),
  ];
  const result: ForgetResult = { activitiesGone: [], sessionsGone: [], failures: [], notAttempted: 0 };
  for (let i = 0; i < steps.length; i++) {
    if (options.signal?.aborted) {
      result.stopped = 'cancelled';
      result.notAttempted = steps.length - i;
      break;
    }
    options.onProgress?.(i, steps.length);
    const step = steps[i];
    try {
      await step.run(options.signal);
      step.done(result);
    } catch (error) {
      const stop = stopReason(error, options.signal);
      if (stop) {
        result.stopped = stop;
        result.notAttempted = steps.length - i;
        break;
      }
      result.failures.push({ what: step.what, message: error instanceof Error ? error.message : String(error) });
    }
  }
  options.onProgress?.(steps.length - result.notAttempted, steps.length);
  return result;
}

function stopReason(error: unknown, signal: AbortSignal | undefined): ForgetResult['stopped'] {
  if (signal?.aborted) return 'cancelled';
  if (error instanceof SignInRequiredError) return 'signInRequired';
  if (error instanceof TokenRequestFailedError) return 'offline';
  if (error instanceof GraphError) {
    if (error.kind === 'needsSignIn') return 'signInRequired';
    if (error.kind === 'retryable') return 'offline';
  }
  return undefined;
}
