// Activation as the editor measures it: the release .vsix and an empty extension (the floor, same activation event)
// installed side by side into the real editor (code-server's extension host + headless Chromium), several fresh
// starts, each reading the editor's own ActivationTimes for both from "Developer: Startup Performance"
// (host/editorActivation.ts). The extension's own timer around activate() comes along as a diagnostic figure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installExtension, projectRoot, startEditor } from '../runners/editor';
import type { EditorActivationRow } from './activationStats';

export const OUR_EXTENSION_ID = 'activity-feed.graph-activity-feed';
export const FLOOR_EXTENSION_ID = 'activity-feed-bench.activation-floor';

/** One extension's times in one start, as the editor reported them (ms). */
export interface EditorTimes {
  loadCodeMs: number;
  activateCallMs: number;
  activateResolvedMs: number;
  /** What "Show Running Extensions" shows: load code + the activate() call. */
  totalMs: number;
}

export interface ActivationStart {
  ours: EditorTimes;
  floor: EditorTimes;
  /** activate() timed by the extension itself (diagnostic; undefined if the build does not report it). */
  selfReportedMs: number | undefined;
  /** The machine's 1-minute load average as the start began. */
  loadAverage: number;
  wallMs: number;
}

export interface ActivationSummary {
  loadCodeMs: number;
  activateCallMs: number;
  activateResolvedMs: number;
  totalMs: number;
}

export interface ActivationBenchResult {
  starts: ActivationStart[];
  ours: ActivationSummary;
  floor: ActivationSummary;
  /** Median total, ours ÷ floor (target ≤ 2). */
  ratio: number;
  /** Median over the starts of each start's own ratio: both measured under the same load. */
  medianPerStartRatio: number;
  selfReportedMedianMs: number | undefined;
  loadAverages: number[];
  cpus: number;
  vsixBytes: number;
}

const artifacts = path.join(projectRoot, 'test-artifacts', 'bench', 'activation');
const hostEntry = path.join(projectRoot, 'out', 'test', 'bench', 'host', 'editorActivation.js');
const ourVsix = path.join(projectRoot, 'dist-vsix', 'graph-activity-feed.vsix');
const floorSources = path.join(projectRoot, 'test', 'bench', 'floor-extension');
const START_TIMEOUT_MS = 180_000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function prepareWorkspace(dir: string): string {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const main = (): number => 1;\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Activation benchmark\n');
  return dir;
}

/** The web workbench runs an in-host script only in development mode: this empty extension provides it. */
function writeDriverExtension(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'bench-driver', publisher: 'activity-feed-bench', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/** Packages the floor extension with the repository's vsce (never committed: built here each run). */
function packageFloor(out: string): string {
  const vsce = path.join(projectRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--out', out], {
    cwd: floorSources,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vsce package (floor extension) failed:\n${result.stdout}${result.stderr}`);
  return out;
}

/** Installs both .vsix files once; each start gets its own copy of the extensions folder. */
function installBoth(template: string): void {
  fs.rmSync(template, { recursive: true, force: true });
  const floorVsix = packageFloor(path.join(artifacts, 'activation-floor.vsix'));
  for (const vsix of [ourVsix, floorVsix]) {
    const output = installExtension(vsix, template);
    if (!/was successfully installed/.test(output)) throw new Error(`installing ${vsix} said:\n${output}`);
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms)),
  );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function timesOf(rows: readonly EditorActivationRow[], id: string, start: number): EditorTimes {
  const row = rows.find((candidate) => candidate.extensionId.toLowerCase() === id);
  if (row === undefined) throw new Error(`activation start ${start}: the editor reported no activation of ${id}`);
  if (row.activationEvent !== 'onStartupFinished') {
    throw new Error(`activation start ${start}: ${id} was activated by ${row.activationEvent}, not by onStartupFinished`);
  }
  const values = [row.loadCodeMs, row.activateCallMs, row.activateResolvedMs];
  if (values.some((value) => !Number.isFinite(value) || value < 0)) {
    throw new Error(`activation start ${start}: unreadable times for ${id}: ${JSON.stringify(row)}`);
  }
  return {
    loadCodeMs: row.loadCodeMs,
    activateCallMs: row.activateCallMs,
    activateResolvedMs: row.activateResolvedMs,
    totalMs: row.loadCodeMs + row.activateCallMs,
  };
}

async function oneStart(index: number, workspace: string, template: string, driver: string): Promise<ActivationStart> {
  const scratch = path.join(artifacts, `start-${index}`);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  fs.cpSync(path.join(template, 'exts'), path.join(scratch, 'exts'), { recursive: true });
  const resultFile = path.join(scratch, 'result.json');
  const loadAverage = os.loadavg()[0];
  const started = performance.now();
  const editor = await startEditor({
    workspace,
    scratch,
    extensionDevelopmentPath: driver,
    extensionTestsPath: hostEntry,
    env: { AF_BENCH_RESULT: resultFile, AF_BENCH_EXTENSIONS: `${OUR_EXTENSION_ID},${FLOOR_EXTENSION_ID}` },
  });
  try {
    const code = await withTimeout(editor.testExit, START_TIMEOUT_MS, `activation start ${index}`);
    if (code !== 0 || !fs.existsSync(resultFile))
      throw new Error(`activation start ${index}: the in-host entry exited with ${code}\n${editor.serverLog().slice(-3000)}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
      rows: EditorActivationRow[];
      selfReportedActivationMs?: number;
      locations: Record<string, { path?: string; main?: unknown }>;
    };
    const ours = result.locations[OUR_EXTENSION_ID];
    // The installed copy, not a development folder: the figure is what a user's editor pays.
    if (ours?.path === undefined || !ours.path.startsWith(path.join(scratch, 'exts')) || ours.main !== './dist/extension.js') {
      throw new Error(`activation start ${index}: the editor ran ${JSON.stringify(ours)}, not the installed .vsix`);
    }
    return {
      ours: timesOf(result.rows, OUR_EXTENSION_ID, index),
      floor: timesOf(result.rows, FLOOR_EXTENSION_ID, index),
      selfReportedMs: result.selfReportedActivationMs,
      loadAverage,
      wallMs: performance.now() - started,
    };
  } finally {
    await editor.stop();
  }
}

function summarise(times: readonly EditorTimes[]): ActivationSummary {
  return {
    loadCodeMs: median(times.map((t) => t.loadCodeMs)),
    activateCallMs: median(times.map((t) => t.activateCallMs)),
    activateResolvedMs: median(times.map((t) => t.activateResolvedMs)),
    totalMs: median(times.map((t) => t.totalMs)),
  };
}

/**
 * Needs out/test/bench/host/editorActivation.js (node esbuild.mjs --tests) and dist-vsix/graph-activity-feed.vsix
 * (npm run package) built first.
 */
export async function benchActivation(
  starts = 7,
  progress: (message: string) => void = () => undefined,
): Promise<ActivationBenchResult> {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run node esbuild.mjs --tests first`);
  if (!fs.existsSync(ourVsix)) throw new Error(`${ourVsix} is missing: run npm run package first`);
  fs.mkdirSync(artifacts, { recursive: true });
  const template = path.join(artifacts, 'installed');
  installBoth(template);
  const workspace = prepareWorkspace(path.join(artifacts, 'workspace'));
  const driver = writeDriverExtension(path.join(artifacts, 'driver'));
  const results: ActivationStart[] = [];
  for (let i = 1; i <= starts; i++) {
    const start = await oneStart(i, workspace, template, driver);
    progress(
      `activation start ${i}/${starts}: ours ${start.ours.loadCodeMs}+${start.ours.activateCallMs} ms, floor ${start.floor.loadCodeMs}+${start.floor.activateCallMs} ms (load ${start.loadAverage.toFixed(2)})`,
    );
    results.push(start);
  }
  const ours = summarise(results.map((r) => r.ours));
  const floor = summarise(results.map((r) => r.floor));
  const self = results.map((r) => r.selfReportedMs).filter((ms): ms is number => ms !== undefined);
  return {
    starts: results,
    ours,
    floor,
    ratio: ours.totalMs / Math.max(floor.totalMs, 1),
    medianPerStartRatio: median(results.map((r) => r.ours.totalMs / Math.max(r.floor.totalMs, 1))),
    selfReportedMedianMs: self.length > 0 ? median(self) : undefined,
    loadAverages: results.map((r) => r.loadAverage),
    cpus: os.cpus().length,
    vsixBytes: fs.statSync(ourVsix).size,
  };
}
