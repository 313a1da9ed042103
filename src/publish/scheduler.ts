// When to publish, from the automation settings: finished sessions after a short delay, ongoing ones at an
// interval, optionally on window blur; retries with backoff after network trouble; never two runs at once. Pure:
// timers and the run itself are handed in.
import { setLongTimeout, systemTimers, type LongTimeout, type TimerApi } from '../graph/longTimer';
import type { PublishSummary, RunOptions } from './publisher';

export interface AutomationSettings {
  mode: 'automatic' | 'manual';
  finishedDelaySeconds: number;
  intervalSeconds: number;
  onWindowBlur: boolean;
  onShutdown: boolean;
}

export type RunReason = 'finished' | 'interval' | 'blur' | 'signedIn' | 'retry' | 'command' | 'shutdown' | 'start';

/** Plain setTimeout and clearTimeout; the scheduler chains them for waits longer than they take. */
export type Timers = TimerApi;

export interface SchedulerOptions {
  run: (reason: RunReason, options?: Pick<RunOptions, 'signal' | 'onProgress'>) => Promise<PublishSummary>;
  settings: () => AutomationSettings;
  now: () => number;
  timers?: Timers;
  onError?: (error: unknown) => void;
}

const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 5 * 60_000;
/** The shortest wait before a retry: a run that finds the budget spent never wakes the next one at once. */
const RETRY_MIN_MS = 1_000;

export class PublishScheduler {
  private readonly timers: Timers;
  private wakeHandle: LongTimeout | undefined;
  private wakeAt: number | undefined;
  private wakeReason: RunReason = 'finished';
  private intervalHandle: LongTimeout | undefined;
  private running: Promise<PublishSummary> | undefined;
  private queued: Promise<PublishSummary> | undefined;
  private failuresInARow = 0;
  private disposed = false;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? systemTimers;
    this.restartInterval();
  }

  private get automatic(): boolean {
    return this.options.settings().mode === 'automatic';
  }

  /** When the next automatic run is due (for the tooltip), if any. */
  get nextRunAt(): number | undefined {
    return this.wakeAt;
  }

  sessionFinished(): void {
    if (this.automatic) this.wakeIn(this.options.settings().finishedDelaySeconds * 1000, 'finished');
  }

  windowBlurred(): void {
    const settings = this.options.settings();
    if (settings.mode === 'automatic' && settings.onWindowBlur) this.wakeIn(0, 'blur');
  }

  /** A token is available again: whatever waited for sign-in goes now. */
  signedIn(): void {
    if (this.automatic) this.wakeIn(0, 'signedIn');
  }

  settingsChanged(): void {
    this.restartInterval();
    if (!this.automatic) this.cancelWake();
  }

  /** Runs now (a person asked), or, while a run is in progress, once more right after it (requests coalesce). */
  runNow(reason: RunReason = 'command', options?: Pick<RunOptions, 'signal' | 'onProgress'>): Promise<PublishSummary> {
    this.cancelWake();
    if (this.running) {
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = undefined;
          return this.runNow(reason, options);
        });
      return this.queued;
    }
    const run = this.options
      .run(reason, options)
      .then((summary) => {
        this.afterRun(summary);
        return summary;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }

  dispose(): void {
    this.disposed = true;
    this.cancelWake();
    this.intervalHandle?.cancel();
    this.intervalHandle = undefined;
  }

  private afterRun(summary: PublishSummary): void {
    if (summary.outcome === 'retryLater' || summary.outcome === 'budget') {
      this.failuresInARow++;
      if (this.automatic) this.wakeIn(this.retryAt(summary) - this.options.now(), 'retry');
      return;
    }
    if (summary.outcome === 'busy') {
      // Another window is publishing the same outbox; look again a little later in case it stops half way.
      if (this.automatic) this.wakeIn(RETRY_BASE_MS, 'retry');
      return;
    }
    this.failuresInARow = 0;
  }

  /**
   * When to try again after a run that could not send: after the backoff (network trouble) or a short pause (budget
   * spent), and never before the budget frees a slot or Microsoft Graph's wait ends. So a wake that finds the budget
   * still held re-arms for the end of the hold, never at once.
   */
  private retryAt(summary: PublishSummary): number {
    const backoff = Math.min(RETRY_BASE_MS * 2 ** (this.failuresInARow - 1), RETRY_MAX_MS);
    const soonest = this.options.now() + (summary.outcome === 'budget' ? RETRY_MIN_MS : backoff);
    return Math.max(soonest, finiteOrZero(summary.retryAt), finiteOrZero(summary.heldUntil));
  }

  private wakeIn(ms: number, reason: RunReason): void {
    if (this.disposed) return;
    const delay = Math.max(0, ms);
    const at = this.options.now() + delay;
    // An earlier wake-up already covers this one.
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    this.cancelWake();
    this.wakeAt = at;
    this.wakeReason = reason;
    this.wakeHandle = setLongTimeout(
      () => {
        this.wakeHandle = undefined;
        this.wakeAt = undefined;
        void this.runNow(this.wakeReason).catch((error: unknown) => this.options.onError?.(error));
      },
      delay,
      this.timers,
    );
  }

  private cancelWake(): void {
    this.wakeHandle?.cancel();
    this.wakeHandle = undefined;
    this.wakeAt = undefined;
  }

  private restartInterval(): void {
    this.intervalHandle?.cancel();
    this.intervalHandle = undefined;
    if (this.disposed || !this.automatic) return;
    const arm = () => {
      this.intervalHandle = setLongTimeout(tick, this.options.settings().intervalSeconds * 1000, this.timers);
    };
    const tick = () => {
      arm();
      if (!this.running) void this.runNow('interval').catch((error: unknown) => this.options.onError?.(error));
    };
    arm();
  }
}

/** A time the run reported, or 0 (no constraint) when it reported none or one that is no time at all. */
function finiteOrZero(at: number | undefined): number {
  return at !== undefined && Number.isFinite(at) ? at : 0;
}
