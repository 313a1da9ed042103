// What the pure core asks of its host, named once: time, a log and a small persistent store. Plain interfaces, so
// the core never depends on the editor; the editor's objects (Date, LogOutputChannel, Memento) satisfy them.

/** Epoch milliseconds. Compared with file times and with stamps other windows write, so in production: wall-clock time. */
export interface Clock {
  now(): number;
}

/** A clock that can also wait: retries and the request budget. */
export interface WaitingClock extends Clock {
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Where the core explains itself. Lines are in English and never carry a token, an Authorization value or a name. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A small store that outlives the window (the editor's global state). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}
