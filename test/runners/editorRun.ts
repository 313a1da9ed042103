import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../../tools/graph-emulator';
import type { TestSummary } from './summary';

/**
 * The Graph emulator for an editor run, with its CA written to `<dir>/emulator-ca.pem`: the file the extension host
 * is given as NODE_EXTRA_CA_CERTS, so it trusts the emulator's HTTPS token endpoint.
 */
export async function startEmulatorForEditor(
  dir: string,
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; caFile: string }> {
  const emulator = await startEmulator({ port: 0, ...options });
  const caFile = path.join(dir, 'emulator-ca.pem');
  fs.writeFileSync(caFile, emulator.caPem ?? '');
  return { emulator, caFile };
}

/** A small workspace with files of a few kinds, including a non-ASCII name. */
export function prepareWorkspace(dir: string): string {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export function main(): number {\n  return 1;\n}\n');
  fs.writeFileSync(path.join(dir, 'src', 'util.ts'), 'export const answer = 42;\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Sample workspace\n');
  fs.writeFileSync(path.join(dir, 'src', 'café ünïcode.py'), 'print("hello")\n');
  return dir;
}

/** Waits for the in-host runner's summary file to say it finished (or for the workbench to report the exit). */
export async function waitForSummary(file: string, exit: Promise<number>, timeoutMs: number): Promise<TestSummary> {
  let exitCode: number | undefined;
  void exit.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      try {
        const summary = JSON.parse(fs.readFileSync(file, 'utf8')) as TestSummary;
        if (summary.finished) return summary;
      } catch {
        // Caught mid-write: read again on the next round.
      }
    }
    if (exitCode !== undefined && !fs.existsSync(file)) {
      throw new Error(`the test runner exited with ${exitCode} before any test ran (the test module failed to load?)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no test results after ${Math.round(timeoutMs / 1000)} s`);
}

export function printSummary(tier: string, summary: TestSummary, ms: number): void {
  for (const failure of summary.failures)
    console.log(`  FAILED ${failure.title}\n    ${failure.error.split('\n').slice(0, 8).join('\n    ')}`);
  const skipped = summary.pending > 0 ? `, ${summary.pending} skipped` : '';
  console.log(
    `${tier}: ${summary.passed} passed, ${summary.failed} failed${skipped} (${summary.files.length} files, ${(ms / 1000).toFixed(1)} s)`,
  );
}

// Start-up chatter of the web workbench, and its failed look-ups of the (deliberately unreachable) gallery.
const noise = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^ChatSessionStore/,
  /^Updating additional builtin/,
  /127\.0\.0\.1:9\b/,
  /^\s+at .*workbench\.js/,
];

export function isWorkbenchNoise(line: string): boolean {
  return line.trim() === '' || noise.some((pattern) => pattern.test(line));
}
