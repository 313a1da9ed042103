import type { LogOutputChannel } from 'vscode';
import type { Logger } from './ports';
import { redact } from '../text/redact';
import { inertLogLine } from '../text/inert';

/**
 * The extension's only logger: a LogOutputChannel whose lines are redacted and kept to one line first. It is the
 * core's Logger, plus what the editor side needs: trace lines, errors with their stack, and showing the channel.
 */
export interface ChannelLogger extends Logger {
  trace(message: string): void;
  error(message: string | Error): void;
  show(): void;
}

/** One line for the log: redacted, then made inert and cut to LOG_LINE_LENGTH (the redaction reads a bounded prefix). */
export function logLine(message: string | Error): string {
  return inertLogLine(redact(message instanceof Error ? (message.stack ?? message.message) : message));
}

export function createLogger(channel: LogOutputChannel): ChannelLogger {
  const text = logLine;
  return {
    trace: (m) => channel.trace(text(m)),
    debug: (m) => channel.debug(text(m)),
    info: (m) => channel.info(text(m)),
    warn: (m) => channel.warn(text(m)),
    error: (m) => channel.error(text(m)),
    show: () => channel.show(true),
  };
}
