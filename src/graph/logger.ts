// The Graph client's logger when none is given. The client never passes a logger a token or an Authorization value.
import type { Logger } from '../platform/ports';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
