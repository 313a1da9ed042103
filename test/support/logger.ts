// The test kit's one logger: it records every line with its level and satisfies each part's logger port.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export class RecordingLogger {
  readonly lines: { level: LogLevel; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  /** Each line as "<level> <message>". */
  text(): string[] {
    return this.lines.map((line) => `${line.level} ${line.message}`);
  }
  warnings(): string[] {
    return this.lines.filter((line) => line.level === 'warn').map((line) => line.message);
  }
}

/** A logger that drops everything. */
export const silentLogger = {
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
};
