// Sessions the person asked to forget. The session still being tracked keeps its id, so without this list its next
// checkpoint would publish it again. Bounded by count and age.
import type { KeyValueStore } from '../platform/ports';

const KEY = 'activityFeed.forgottenSessions';
const MAX_AGE_MS = 30 * 24 * 60 * 60_000;
const CAPACITY = 2_000;

export class ForgottenSessions {
  readonly #store: KeyValueStore;
  readonly #now: () => number;

  constructor(store: KeyValueStore, now: () => number) {
    this.#store = store;
    this.#now = now;
  }

  has(sessionId: string): boolean {
    return this.#all()[sessionId] !== undefined;
  }

  async add(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const now = this.#now();
    const kept = Object.entries(this.#all())
      .filter(([, at]) => now - at < MAX_AGE_MS)
      .concat(sessionIds.map((id) => [id, now] as [string, number]))
      .sort((a, b) => a[1] - b[1])
      .slice(-CAPACITY);
    await this.#store.update(KEY, Object.fromEntries(kept));
  }

  #all(): Record<string, number> {
    return this.#store.get<Record<string, number>>(KEY) ?? {};
  }
}
