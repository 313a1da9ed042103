// What every editor tier's runner shares: the emulator for an editor run, a sample workspace, one editor phase run to
// its end (the tests' summary, or an early end the runner decides), and the summary printed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../../tools/graph-emulator';
import { projectRoot, RunningEditor, startEditor } from './editor';
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

/** One editor run of a tier: the compiled in-host suite `testsPath` against `emulator`. */
export interface EditorPhase {
  /** Names the phase's artifacts (<name>-server.log, <name>-after-tests.png, …) and prefixes its log lines. */
  name: string;
  artifactsRoot: string;
  /** The compiled test entry (exports `run()`) the extension host runs. */
  testsPath: string;
  /** AF_TEST_FILES: the compiled test files to run, comma-separated; empty runs them all. */
  files: string;
  scratch: string;
  workspace: string;
  userSettings: Record<string, unknown>;
  /** The port of an earlier phase, to open the same origin (the same browser storage) again. */
  port?: number;
  emulator: RunningEmulator;
  caFile: string;
  /** Where the in-host runner writes its JSON summary (AF_TEST_RESULTS). */
  results: string;
  timeoutMs: number;
  pollMs: number;
  /** Also write everything the extension host logged to <name>-host.log. */
  keepHostLog?: boolean;
  /** A logged line the runner answers itself (return true: it is not printed). */
  onLine?: (line: string, editor: RunningEditor | undefined) => boolean;
  /** Once the editor runs, before waiting for results. */
  started?: (editor: RunningEditor) => Promise<void>;
  /** Each round of waiting, first: return true to end the phase now, the tests unfinished (e.g. the host was killed). */
  round?: (editor: RunningEditor) => Promise<boolean>;
  /** Once the tests finished, before the last screenshot. */
  finished?: (editor: RunningEditor) => Promise<void>;
}

export interface PhaseOutcome {
  port: number;
  /** The in-host runner's summary as it stood at the end (missing if it never wrote one). */
  summary?: TestSummary;
  /** `round` ended the phase before the tests finished. */
  endedEarly: boolean;
  seconds: number;
}

/**
 * Starts the editor for `phase`, waits until its tests finish (or `round` ends it), and stops it, keeping its server
 * log and a screenshot of the end. Throws when the runner exits before any test ran, or on time-out.
 */
export async function runEditorPhase(phase: EditorPhase): Promise<PhaseOutcome> {
  fs.rmSync(phase.results, { force: true });
  const hostLog: string[] = [];
  const started = Date.now();
  const ref: { editor?: RunningEditor } = {};
  const editor = await startEditor({
    workspace: phase.workspace,
    scratch: phase.scratch,
    port: phase.port,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: phase.testsPath,
    userSettings: phase.userSettings,
    env: {
      AF_TEST_RESULTS: phase.results,
      AF_TEST_FILES: phase.files,
      AF_TEST_ARTIFACTS: phase.artifactsRoot,
      AF_EMULATOR_ORIGIN: phase.emulator.origin,
      NODE_EXTRA_CA_CERTS: phase.caFile,
    },
    onLog: (line) => {
      hostLog.push(line);
      if (phase.onLine?.(line, ref.editor)) return;
      if (!isWorkbenchNoise(line)) console.log(`  [${phase.name}] ${line}`);
    },
  });
  ref.editor = editor;
  let exitCode: number | undefined;
  void editor.testExit.then((code) => (exitCode = code));
  const screenshot = (suffix: string) =>
    editor.page.screenshot({ path: path.join(phase.artifactsRoot, `${phase.name}-${suffix}.png`) }).catch(() => undefined);
  const outcome = (summary: TestSummary | undefined, endedEarly: boolean): PhaseOutcome => ({
    port: editor.port,
    summary,
    endedEarly,
    seconds: (Date.now() - started) / 1000,
  });
  try {
    await phase.started?.(editor);
    const deadline = Date.now() + phase.timeoutMs;
    for (;;) {
      if (phase.round && (await phase.round(editor))) return outcome(readSummary(phase.results), true);
      const summary = readSummary(phase.results);
      if (summary?.finished) {
        await phase.finished?.(editor);
        await screenshot('after-tests');
        return outcome(summary, false);
      }
      if (exitCode !== undefined && !summary)
        throw new Error(
          `${phase.name}: the test runner exited with ${exitCode} before any test ran (the test module failed to load?)`,
        );
      if (Date.now() > deadline)
        throw new Error(`${phase.name}: no test results after ${Math.round(phase.timeoutMs / 60_000)} minutes`);
      await new Promise((r) => setTimeout(r, phase.pollMs));
    }
  } catch (error) {
    await screenshot('on-error');
    throw error;
  } finally {
    fs.writeFileSync(path.join(phase.artifactsRoot, `${phase.name}-server.log`), editor.serverLog());
    if (phase.keepHostLog) fs.writeFileSync(path.join(phase.artifactsRoot, `${phase.name}-host.log`), hostLog.join('\n'));
    await editor.stop();
  }
}

/** The summary file as it stands; undefined while it is missing or caught mid-write. */
function readSummary(file: string): TestSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as TestSummary;
  } catch {
    return undefined;
  }
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
