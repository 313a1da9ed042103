// The faults tier's checks that run in the harness, over what a whole run left behind: log files, outbox folders,
// and every byte the emulator received. Each check throws when it fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestSummary } from './summary';

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

const TOKEN_SHAPES = [
  /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/,
  /Bearer\s+[A-Za-z0-9._~+/-]{12,}/i,
  /"?(refresh_token|access_token|id_token)"?\s*[:=]\s*"?[A-Za-z0-9._-]{12,}/i,
];

/** Places in these files where a token shape, or one of the tokens actually issued, appears. */
export function findTokens(files: readonly string[], issued: readonly string[], root: string): string[] {
  const leaks: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file).toString('latin1');
    for (const pattern of TOKEN_SHAPES) {
      const match = pattern.exec(text);
      if (match) leaks.push(`${path.relative(root, file)}: ${match[0].slice(0, 24)}…`);
    }
    for (const token of issued) {
      if (text.includes(token)) leaks.push(`${path.relative(root, file)}: an issued token (${token.slice(0, 8)}…)`);
    }
  }
  return leaks;
}

export interface CheckResult {
  title: string;
  error?: string;
}

export class Checks {
  readonly results: CheckResult[] = [];

  run(title: string, body: () => string | void): void {
    try {
      const note = body();
      this.results.push({ title });
      console.log(`  ✔ ${title}${note ? ` (${note})` : ''}`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.results.push({ title, error: text });
      console.log(`  ✖ ${title}\n    ${text.split('\n').slice(0, 6).join('\n    ')}`);
    }
  }

  /** The tier's totals: the editor runs' tests and these checks, finished only when every expected run finished. */
  summary(hostSummaries: TestSummary[], expectedRuns: number, harnessFile: string): TestSummary {
    const failed = this.results.filter((r) => r.error !== undefined);
    const sum = (key: 'passed' | 'failed' | 'pending') => hostSummaries.reduce((n, s) => n + s[key], 0);
    return {
      passed: sum('passed') + this.results.length - failed.length,
      failed: sum('failed') + failed.length,
      pending: sum('pending'),
      files: [...hostSummaries.flatMap((s) => s.files), harnessFile],
      failures: [...hostSummaries.flatMap((s) => s.failures), ...failed.map((r) => ({ title: r.title, error: r.error ?? '' }))],
      finished: hostSummaries.length === expectedRuns && hostSummaries.every((s) => s.finished),
    };
  }
}
