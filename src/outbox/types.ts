// What the outbox needs from its host. Kept to plain interfaces so this folder never depends on the editor.

export interface OutboxLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Epoch milliseconds. It is compared with file modification times and with timestamps written by other windows,
 * so in production it must be wall-clock time.
 */
export interface WallClock {
  now(): number;
}
