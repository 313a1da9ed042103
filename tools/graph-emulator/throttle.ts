// The service's own per-user limits (summed over all apps), answered with 429 and a decimal Retry-After.

export interface ThrottlingOptions {
  enabled: boolean;
  /** Length of the short window; the service uses 5 minutes. */
  windowMs: number;
  writesPerWindow: number;
  writesPerDay: number;
  readsPerWindow: number;
  readsPerDay: number;
}

export const SERVICE_THROTTLING: ThrottlingOptions = {
  enabled: true,
  windowMs: 5 * 60_000,
  writesPerWindow: 100,
  writesPerDay: 8_000,
  readsPerWindow: 400,
  readsPerDay: 12_000,
};

const DAY_MS = 24 * 60 * 60_000;

export type RequestKind = 'read' | 'write';

export class Throttle {
  private readonly history = new Map<string, number[]>();

  constructor(
    public options: ThrottlingOptions,
    private readonly now: () => number,
    /** Read on every call. 'counted': a refused request still counts, so retrying early keeps the caller throttled. */
    private readonly service: { throttled: 'counted' | 'free' } = { throttled: 'free' },
  ) {}

  reset(): void {
    this.history.clear();
  }

  /**
   * Counts the request and returns undefined, or returns the seconds to wait: as long as the window or the daily cap
   * needs, however long that is. Refused requests count only when the switch says so.
   */
  admit(userId: string, kind: RequestKind): number | undefined {
    if (!this.options.enabled) return undefined;
    const key = `${kind}|${userId}`;
    const now = this.now();
    const times = (this.history.get(key) ?? []).filter((t) => t > now - DAY_MS);
    this.history.set(key, times);
    const perWindow = kind === 'write' ? this.options.writesPerWindow : this.options.readsPerWindow;
    const perDay = kind === 'write' ? this.options.writesPerDay : this.options.readsPerDay;
    const inWindow = times.filter((t) => t > now - this.options.windowMs);
    if (inWindow.length < perWindow && times.length < perDay) {
      times.push(now);
      return undefined;
    }
    if (this.service.throttled === 'counted') {
      times.push(now);
      inWindow.push(now);
    }
    let waitMs = 0;
    // Once the entries up to this one age out, fewer than the limit remain and the next request is admitted.
    if (inWindow.length >= perWindow)
      waitMs = Math.max(waitMs, inWindow[inWindow.length - perWindow] + this.options.windowMs - now);
    if (times.length >= perDay) waitMs = Math.max(waitMs, times[times.length - perDay] + DAY_MS - now);
    return Math.max(0.001, Math.ceil(waitMs) / 1000);
  }
}
