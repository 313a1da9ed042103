// When to publish, from the automation settings: finished sessions after a short delay, ongoing ones at an
// interval, optionally on window blur; retries with backoff after network trouble; never two runs at once. Pure:
// timers and the run itself are handed in.
import type { PublishSummary, RunOptions } from './publisher';

export interface AutomationSettings {
  mode: 'automatic' | 'manual';
  finishedDelaySeconds: number;
  intervalSeconds: number;
  onWindowBlur: boolean;
  onShutdown: boolean;
}

export type RunReason = 'finished' | 'interval' | 'blur' | 'signedIn' | 'retry' | 'command' | 'shutdown' | 'start';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  run: (reason: RunReason, options?: Pick<RunOptions, 'signal' | 'onProgress'>) => Promise<PublishSummary>;
  settings: () => AutomationSettings;
  now: () => number;
  timers?: Timers;
  onError?: (error: unknown) => void;
}

const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 5 * 60_000;

export class PublishScheduler {
  private readonly timers: Timers;
  private wakeHandle: unknown;
  private wakeAt: number | undefined;
  private wakeReason: RunReason = 'finished';
  private intervalHandle: unknown;
  private running: Promise<PublishSummary> | undefined;
  private queued: Promise<PublishSummary> | undefined;
  private failuresInARow = 0;
  private disposed = false;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? {
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
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
    if (this.intervalHandle !== undefined) this.timers.clearTimeout(this.intervalHandle);
    this.intervalHandle = undefined;
  }

  private afterRun(summary: PublishSummary): void {
    if (summary.outcome === 'retryLater' || summary.outcome === 'budget') {
      this.failuresInARow++;
      const backoff = Math.min(RETRY_BASE_MS * 2 ** (this.failuresInARow - 1), RETRY_MAX_MS);
      const at = Math.max(summary.retryAt ?? 0, this.options.now() + (summary.outcome === 'budget' ? 0 : backoff));
      if (this.automatic) this.wakeIn(at - this.options.now(), 'retry');
      return;
    }
    if (summary.outcome === 'busy') {
      // Another window is publishing the same outbox; look again a little later in case it stops half way.
      if (this.automatic) this.wakeIn(RETRY_BASE_MS, 'retry');
      return;
    }
    this.failuresInARow = 0;
  }

  private wakeIn(ms: number, reason: RunReason): void {
    if (this.disposed) return;
    const at = this.options.now() + Math.max(0, ms);
    // An earlier wake-up already covers this one.
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    this.cancelWake();
    this.wakeAt = at;
    this.wakeReason = reason;
    this.wakeHandle = this.timers.setTimeout(
      () => {
        this.wakeHandle = undefined;
        this.wakeAt = undefined;
        void this.runNow(this.wakeReason).catch((error: unknown) => this.options.onError?.(error));
      },
      Math.max(0, ms),
    );
  }

  private cancelWake(): void {
    if (this.wakeHandle !== undefined) this.timers.clearTimeout(this.wakeHandle);
    this.wakeHandle = undefined;
    this.wakeAt = undefined;
  }

  private restartInterval(): void {
    if (this.intervalHandle !== undefined) this.timers.clearTimeout(this.intervalHandle);
    this.intervalHandle = undefined;
    if (this.disposed || !this.automatic) return;
    const tick = () => {
      this.intervalHandle = this.timers.setTimeout(tick, this.options.settings().intervalSeconds * 1000);
      if (!this.running) void this.runNow('interval').catch((error: unknown) => this.options.onError?.(error));
    };
    this.intervalHandle = this.timers.setTimeout(tick, this.options.settings().intervalSeconds * 1000);
  }
}
