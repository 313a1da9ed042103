// Keeps this machine's copy of other machines' sessions in step with the feed and the person: each new complete read
// of the feed goes into the copy of the account signed in; Forget takes out what it deleted; signed out, nothing shows.
import type { FeedState } from '../feed/publishedFeed';
import type { UserActivityResponse } from '../graph/types';
import { feedCopyEntries } from '../insights/feedCopy';
import type { FeedCopyEntry } from '../ledger/feedCopyEntry';
import type { OtherMachines } from '../ledger/otherMachines';
import type { Logger } from '../platform/ports';

export interface FeedRead {
  readonly state: FeedState;
  readonly lastReadAt: number | undefined;
  readonly cached: readonly UserActivityResponse[];
}

export interface OtherMachinesHistoryOptions {
  store: OtherMachines;
  /** The account signed in (its username), or undefined. */
  account(): string | undefined;
  /** History item ids this machine recorded. */
  thisMachineSessionIds(): ReadonlySet<string>;
  /** Whether the person forgot a session (a read that began before a Forget may still hold it). */
  isForgotten(sessionId: string): boolean;
  log: Pick<Logger, 'info' | 'warn'>;
}

export class OtherMachinesHistory {
  readonly #options: OtherMachinesHistoryOptions;
  /** The read last taken in, so the feed's other changes (a Forget, a loading state) don't take it in again. */
  #keptRead: number | undefined;
  #keeping: Promise<void> = Promise.resolve();

  constructor(options: OtherMachinesHistoryOptions) {
    this.#options = options;
  }

  /** Called on every change of the feed; takes in a read once, when it is new and whole. */
  feedChanged(feed: FeedRead): void {
    const account = this.#options.account();
    if (account === undefined || feed.state.kind !== 'ok' || feed.lastReadAt === this.#keptRead) return;
    this.#keptRead = feed.lastReadAt;
    const mine = this.#options.thisMachineSessionIds();
    const entries = feedCopyEntries(feed.cached, (id) => mine.has(id) || this.#options.isForgotten(id));
    this.#keeping = this.#keeping.then(() => this.#keep(account, entries));
  }

  /** What the copy holds for the account signed in, oldest first. */
  entries(): FeedCopyEntry[] {
    const account = this.#options.account();
    if (account === undefined) return [];
    try {
      return this.#options.store.read(account);
    } catch (error) {
      this.#options.log.warn(`Other machines' history could not be read: ${messageOf(error)}`);
      return [];
    }
  }

  /** Takes out what Forget deleted from Graph. */
  forgotten(activityIds: readonly string[], sessionIds: readonly string[]): void {
    const account = this.#options.account();
    if (account === undefined || activityIds.length + sessionIds.length === 0) return;
    this.#keeping = this.#keeping.then(async () => {
      try {
        await this.#options.store.remove(account, activityIds, sessionIds);
      } catch (error) {
        this.#options.log.warn(`Other machines' history: could not remove what was forgotten: ${messageOf(error)}`);
      }
    });
  }

  /** How many sessions the copies of every account hold. */
  count(): number {
    return this.#options.store.count();
  }

  /** Deletes the copies of every account (after what is under way); returns how many sessions they held. */
  clear(): Promise<number> {
    const cleared = this.#keeping.then(() => this.#options.store.clear());
    this.#keeping = cleared.then(
      () => undefined,
      () => undefined,
    );
    return cleared;
  }

  /** Resolves once every change asked for so far is on disk (for tests and the Clear command). */
  settled(): Promise<void> {
    return this.#keeping;
  }

  async #keep(account: string, entries: readonly FeedCopyEntry[]): Promise<void> {
    try {
      const added = await this.#options.store.keep(account, entries);
      if (added > 0) this.#options.log.info(`Other machines' history: kept ${added} new or changed session(s) from the feed.`);
    } catch (error) {
      this.#options.log.warn(`Other machines' history could not be kept: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
