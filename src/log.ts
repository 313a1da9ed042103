import type { LogOutputChannel } from 'vscode';
import type { Logger } from './ports';
import { redact } from './redact';
import { inertLogLine } from './text/inert';

/**
 * The extension's only logger: a LogOutputChannel whose lines are redacted and kept to one line first. It is the
 * core's Logger, plus what the editor side needs: trace lines, errors with their stack, and showing the channel.
 */
export interface ChannelLogger extends Logger {
  trace(message: string): void;
  error(message: string | Error): void;
  show(): void;
}

export function createLogger(channel: LogOutputChannel): ChannelLogger {
  const text = (m: string | Error) => inertLogLine(redact(m instanceof Error ? (m.stack ?? m.message) : m));
  return {
    trace: (m) => channel.trace(text(m)),
    debug: (m) => channel.debug(text(m)),
    info: (m) => channel.info(text(m)),
    warn: (m) => channel.warn(text(m)),
    error: (m) => channel.error(text(m)),
    show: () => channel.show(true),
  };
}
