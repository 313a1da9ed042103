// The copy this machine keeps of other machines' sessions, one per account: each read of the feed adds what is new,
// so a range longer than the feed keeps still shows them, and a new or reinstalled machine fills it from what the
// feed still holds. The files are the ledger's (append-only, locked, compacted); a folder per account, named by a
// digest so no name is on disk, means another account never sees this one's copy. Nothing goes back to Graph.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listDirectory } from '../outbox/fileSystem';
import type { Logger } from '../platform/ports';
import { FEED_COPY_ENTRY, type FeedCopyEntry } from './feedCopyEntry';
import { Ledger } from './ledger';

export interface OtherMachinesOptions {
  dir: string;
  now: () => number;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export class OtherMachines {
  readonly #options: OtherMachinesOptions;
  readonly #copies = new Map<string, Ledger<FeedCopyEntry>>();

  constructor(options: OtherMachinesOptions) {
    this.#options = options;
  }

  /** The sessions kept for an account (its username as signed in), oldest first. */
  read(account: string): FeedCopyEntry[] {
    return this.#copyOf(account).read().entries;
  }

  /**
   * Takes in a read of the feed, as entries (other machines' sessions only): keeps each session that is new or
   * changed. What the feed no longer holds stays: the feed gives no sign of whether a session expired or was deleted
   * on another machine, and a clock that differs from the service's would make any guess lose history.
   */
  async keep(account: string, fromFeed: readonly FeedCopyEntry[]): Promise<number> {
    const copy = this.#copyOf(account);
    const kept = new Map(copy.read().entries.map((entry) => [entry.id, entry]));
    const changed = fromFeed.filter((entry) => {
      const known = kept.get(entry.id);
      return !known || known.lastActiveAt !== entry.lastActiveAt || known.activeSeconds !== entry.activeSeconds;
    });
    if (changed.length > 0) await copy.append(changed);
    return changed.length;
  }

  /** Removes what Forget deleted from Graph. */
  async remove(account: string, activityIds: readonly string[], sessionIds: readonly string[]): Promise<number> {
    const activities = new Set(activityIds);
    const sessions = new Set(sessionIds.map((id) => id.toLowerCase()));
    return this.#copyOf(account).remove(
      (entry) => activities.has(entry.activityId) || sessions.has(entry.id.toLowerCase()),
      'forgotten',
    );
  }

  /** How many sessions every account's copy holds. */
  count(): number {
    return this.#accountFolders().reduce((total, folder) => total + this.#copyAt(folder).read().entries.length, 0);
  }

  /** Deletes every account's copy; returns how many sessions they held. */
  async clear(): Promise<number> {
    let cleared = 0;
    for (const folder of this.#accountFolders()) cleared += await this.#copyAt(folder).clear();
    return cleared;
  }

  #accountFolders(): string[] {
    return listDirectory(this.#options.dir).filter((name) => /^[0-9a-f]{24}$/.test(name));
  }

  #copyOf(account: string): Ledger<FeedCopyEntry> {
    return this.#copyAt(createHash('sha256').update(account.trim().toLowerCase()).digest('hex').slice(0, 24));
  }

  #copyAt(folder: string): Ledger<FeedCopyEntry> {
    let copy = this.#copies.get(folder);
    if (!copy) {
      const { now, logger } = this.#options;
      copy = new Ledger({ dir: join(this.#options.dir, folder), codec: FEED_COPY_ENTRY, now, logger });
      this.#copies.set(folder, copy);
    }
    return copy;
  }
}
