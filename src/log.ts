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

/** The longest log line: an answer body or error quoted whole would make the log unreadable and the redaction slow. */
export const LOG_LINE_LENGTH = 8_000;

export function logLine(message: string | Error): string {
  const raw = message instanceof Error ? (message.stack ?? message.message) : message;
  const clipped = raw.length > LOG_LINE_LENGTH ? `${raw.slice(0, LOG_LINE_LENGTH)}… (${raw.length} characters)` : raw;
  return inertLogLine(redact(clipped));
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
