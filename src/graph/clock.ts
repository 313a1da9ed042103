// The real clock behind the Graph layer's retries and budgets (tests hand in a fake WaitingClock instead).
import type { WaitingClock } from '../platform/ports';
import { setLongTimeout } from './longTimer';

export const systemClock: WaitingClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        timer.cancel();
        reject(abortReason(signal));
      };
      const timer = setLongTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('The operation was cancelled.');
}
