// What the Graph client needs from a logger. The client never passes it a token or an Authorization value.

export interface GraphLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: GraphLogger = { debug() {}, info() {}, warn() {}, error() {} };
