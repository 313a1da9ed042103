// The emulated service's clock. Real time, or ahead of it once the admin API moved it (`POST /_emulator/clock`): a
// test can let weeks pass in a second and see what the service has forgotten by then. It only moves forward.

export interface ClockState {
  /** The service's time now (ISO 8601). */
  now: string;
  /** How far ahead of real time the clock was moved (ms). */
  offsetMs: number;
  /** The same, for people: `45 days`, `2 h 5 min`. */
  ahead: string;
}

/** `{ days }`, `{ ms }`, or `{ to }` (an ISO time later than the clock's now). */
export interface ClockChange {
  days?: unknown;
  ms?: unknown;
  to?: unknown;
}

export class ClockError extends Error {}

const DAY_MS = 24 * 60 * 60_000;
/** Far enough for any retention question (ten years), near enough to stay inside what `Date` can hold. */
const MAX_AHEAD_MS = 3_660 * DAY_MS;

export class ServiceClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number) {}

  readonly now = (): number => this.realNow() + this.offsetMs;

  state(): ClockState {
    return { now: new Date(this.now()).toISOString(), offsetMs: this.offsetMs, ahead: describeSpan(this.offsetMs) };
  }

  move(change: ClockChange): ClockState {
    const step = this.stepOf(change);
    if (!Number.isFinite(step) || step < 0)
      throw new ClockError('The service clock only moves forward: give days or ms of at least 0, or a later time as to.');
    if (this.offsetMs + step > MAX_AHEAD_MS)
      throw new ClockError(`The service clock moves at most ${describeSpan(MAX_AHEAD_MS)} ahead of real time.`);
    this.offsetMs += step;
    return this.state();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  private stepOf(change: ClockChange): number {
    const given = (['days', 'ms', 'to'] as const).filter((key) => change[key] !== undefined);
    if (given.length !== 1) throw new ClockError('Move the service clock by exactly one of days, ms or to.');
    const { days, ms, to } = change;
    if (days !== undefined) return typeof days === 'number' ? days * DAY_MS : NaN;
    if (ms !== undefined) return typeof ms === 'number' ? ms : NaN;
    return typeof to === 'string' ? Date.parse(to) - this.now() : NaN;
  }
}

function describeSpan(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const parts = [
    days > 0 ? `${days} day${days === 1 ? '' : 's'}` : '',
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
  ];
  return parts.filter(Boolean).join(' ') || '0 min';
}
