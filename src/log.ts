import type { LogOutputChannel } from 'vscode';
import { redact } from './redact';
import { inertLogLine } from './text/inert';

/** The extension's only logger: a LogOutputChannel whose lines are redacted and kept to one line first. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  show(): void;
}

export function createLogger(channel: LogOutputChannel): Logger {
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
