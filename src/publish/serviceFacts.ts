// What is known about how the live Graph service answers the questions its documentation leaves open. Each one is
// 'unknown' until Activity Feed: Check Microsoft Graph (or a verified write) finds it out; the publisher is safe
// under either answer while it is unknown. Pure: no editor imports.

export interface ServiceFacts {
  /** Is a client `id` inside a deep-inserted history item the upsert key? */
  historyIds: 'honoured' | 'ignored' | 'unknown';
  /** Does a replacing PUT of an activity keep the history items its body does not mention? */
  replace: 'keeps' | 'drops' | 'unknown';
  /** May an id segment carry `%2F`? (Only ids made by earlier versions can need it.) */
  encodedSlash: 'accepted' | 'rejected' | 'unknown';
}

export const UNCHECKED: Readonly<ServiceFacts> = { historyIds: 'unknown', replace: 'unknown', encodedSlash: 'unknown' };

export interface ServiceFactsStore {
  get(): ServiceFacts;
  /** Records what a write has just shown (e.g. the service assigned its own history item ids). */
  learn(facts: Partial<ServiceFacts>): void;
}

/** Facts kept in memory, optionally reporting each change (the extension saves them in global state). */
export class MemoryServiceFacts implements ServiceFactsStore {
  private facts: ServiceFacts;

  constructor(
    initial: Partial<ServiceFacts> = {},
    private readonly onChange?: (facts: ServiceFacts) => void,
  ) {
    this.facts = { ...UNCHECKED, ...initial };
  }

  get(): ServiceFacts {
    return { ...this.facts };
  }

  learn(facts: Partial<ServiceFacts>): void {
    const next = { ...this.facts, ...facts };
    if (JSON.stringify(next) === JSON.stringify(this.facts)) return;
    this.facts = next;
    this.onChange?.(this.get());
  }
}

/** Reads stored facts defensively: anything unreadable is 'unknown'. */
export function parseServiceFacts(value: unknown): ServiceFacts {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | 'unknown' =>
    allowed.includes(object[key] as T) ? (object[key] as T) : 'unknown';
  return {
    historyIds: pick('historyIds', ['honoured', 'ignored']),
    replace: pick('replace', ['keeps', 'drops']),
    encodedSlash: pick('encodedSlash', ['accepted', 'rejected']),
  };
}
