// What Graph holds for this app, read back on demand and cached: the view shows the last good read, says how old
// it is, and reads again only when asked (Refresh) or when the copy is older than maxAgeMs. It is the one reader
// every part that shows the feed goes through, so Check Microsoft Graph's probes are left out here, once. Reads go through the
// client's read budget; when that budget has no slot, the read waits for an explicit Refresh instead of queueing.
import { SignInRequiredError, TokenRequestFailedError } from '../auth/errors';
import { GraphError } from '../graph/errors';
import { isServiceCheckProbe } from '../graph/serviceCheck';
import type { UserActivityResponse } from '../graph/types';

export type FeedState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; fetchedAt: number }
  | { kind: 'notConfigured' }
  | { kind: 'signedOut' }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'budget'; retryAt: number };

export type AuthKind = 'notConfigured' | 'signedOut' | 'signInRequired' | 'signedIn';

export interface FeedOptions {
  list(signal?: AbortSignal): Promise<UserActivityResponse[]>;
  auth(): AuthKind;
  readBudget: { remaining(): number; nextSlotAt(): number };
  now(): number;
  /** A copy older than this is read again when the view asks for it; default 10 minutes. */
  maxAgeMs?: number;
  onChange(): void;
  log?: (message: string) => void;
}

export class PublishedFeed {
  private current: FeedState = { kind: 'idle' };
  private activities: UserActivityResponse[] = [];
  private fetchedAt: number | undefined;
  private inFlight: Promise<FeedState> | undefined;
  private readonly maxAgeMs: number;

  constructor(private readonly options: FeedOptions) {
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  }

  get state(): FeedState {
    return this.current;
  }

  /** The last successful read (kept through later failures, so offline still shows what was there). */
  get cached(): readonly UserActivityResponse[] {
    return this.activities;
  }

  get lastReadAt(): number | undefined {
    return this.fetchedAt;
  }

  /** Reads when forced, or when there is no copy or it is stale. Concurrent calls share one read. */
  refresh(options: { force?: boolean } = {}): Promise<FeedState> {
    // A forced read must see what happened after a read already under way began, so it follows that one.
    if (this.inFlight) return options.force ? this.inFlight.then(() => this.refresh(options)) : this.inFlight;
    const auth = this.options.auth();
    if (auth === 'notConfigured') return Promise.resolve(this.set({ kind: 'notConfigured' }));
    if (auth !== 'signedIn') return Promise.resolve(this.set({ kind: 'signedOut' }));
    const fresh = this.fetchedAt !== undefined && this.options.now() - this.fetchedAt < this.maxAgeMs;
    if (!options.force && fresh && this.current.kind === 'ok') return Promise.resolve(this.current);
    if (this.options.readBudget.remaining() < 1)
      return Promise.resolve(this.set({ kind: 'budget', retryAt: this.options.readBudget.nextSlotAt() }));
    this.set({ kind: 'loading' });
    this.inFlight = this.read().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forgets local copies of what was just deleted, without reading again. */
  removeLocally(activityIds: readonly string[], sessionIds: readonly string[]): void {
    const goneActivities = new Set(activityIds);
    const goneSessions = new Set(sessionIds);
    this.activities = this.activities
      .filter((a) => !goneActivities.has(a.appActivityId))
      .map((a) =>
        a.historyItems?.some((h) => goneSessions.has(h.id))
          ? { ...a, historyItems: a.historyItems.filter((h) => !goneSessions.has(h.id)) }
          : a,
      );
    this.options.onChange();
  }

  /** Marks the copy stale (after a publish), so the next look at the view reads again. */
  invalidate(): void {
    this.fetchedAt = undefined;
  }

  /** Drops everything read (after sign-out: the next account must not see this one's feed). */
  clear(): void {
    this.activities = [];
    this.fetchedAt = undefined;
    this.set({ kind: 'idle' });
  }

  private async read(): Promise<FeedState> {
    try {
      const activities = await this.options.list();
      // Check Microsoft Graph's probes are nobody's work: not in the view, Insights, the timesheet or the kept copy.
      this.activities = activities.filter((activity) => !isServiceCheckProbe(activity.appActivityId));
      this.fetchedAt = this.options.now();
      return this.set({ kind: 'ok', fetchedAt: this.fetchedAt });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log?.(`Reading the published activities failed: ${message}`);
      return this.set(stateForError(error, message));
    }
  }

  private set(state: FeedState): FeedState {
    this.current = state;
    this.options.onChange();
    return state;
  }
}

function stateForError(error: unknown, message: string): FeedState {
  if (error instanceof SignInRequiredError) return { kind: 'signedOut' };
  if (error instanceof TokenRequestFailedError) return { kind: 'offline', message };
  if (error instanceof GraphError) {
    if (error.kind === 'needsSignIn') return { kind: 'signedOut' };
    if (error.kind === 'retryable') return { kind: 'offline', message };
  }
  return { kind: 'error', message };
}
