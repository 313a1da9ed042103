// Counts a mocha run's outcomes and writes them as JSON, so the test command can total every tier
// without parsing human-readable output.
import * as fs from 'node:fs';
import type Mocha from 'mocha';

export interface TestSummary {
  passed: number;
  failed: number;
  pending: number;
  files: string[];
  failures: { title: string; error: string }[];
  finished: boolean;
}

export function attachSummary(runner: Mocha.Runner, file: string | undefined, files: string[]): void {
  const summary: TestSummary = { passed: 0, failed: 0, pending: 0, files, failures: [], finished: false };
  const write = () => {
    if (!file) return;
    // Written whole and renamed into place, so a reader never sees half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  };
  runner.on('pass', () => summary.passed++);
  runner.on('pending', () => summary.pending++);
  runner.on('fail', (test, error: unknown) => {
    summary.failed++;
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    summary.failures.push({ title: test.fullTitle(), error: text.slice(0, 4000) });
  });
  runner.on('end', () => {
    summary.finished = true;
    write();
  });
  write();
}
