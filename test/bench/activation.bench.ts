// activate() in the real editor (code-server's extension host + headless Chromium), on the release bundle: several
// fresh starts, each with its own scratch folder under test-artifacts/bench/, reporting what activate() measured.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot, startEditor } from '../runners/editor';

export interface ActivationBenchResult {
  samplesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Wall time from starting the server to the result, per start. */
  startWallMs: number[];
  /** Starts in which the editor had not activated the extension by itself within a minute. */
  forced: number;
  /** The machine's 1-minute load average as each start began (other editors share these cores). */
  loadAverages: number[];
  cpus: number;
}

const artifacts = path.join(projectRoot, 'test-artifacts', 'bench', 'activation');
const hostEntry = path.join(projectRoot, 'out', 'test', 'bench', 'host', 'activation.js');
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

async function oneStart(index: number, workspace: string): Promise<{ activationMs: number; wallMs: number; forced: boolean }> {
  const scratch = path.join(artifacts, `start-${index}`);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const resultFile = path.join(scratch, 'result.json');
  const started = performance.now();
  const editor = await startEditor({
    workspace,
    scratch,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: hostEntry,
    env: { AF_BENCH_RESULT: resultFile },
  });
  try {
    const code = await withTimeout(editor.testExit, START_TIMEOUT_MS, `activation start ${index}`);
    if (code !== 0 || !fs.existsSync(resultFile))
      throw new Error(`activation start ${index}: the in-host entry exited with ${code}\n${editor.serverLog().slice(-3000)}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
      activationMs?: unknown;
      main?: unknown;
      forced?: unknown;
    };
    if (typeof result.activationMs !== 'number') throw new Error(`activation start ${index}: no activationMs in ${resultFile}`);
    if (result.main !== './dist/extension.js')
      throw new Error(`activation start ${index}: the editor loaded ${String(result.main)}`);
    return { activationMs: result.activationMs, wallMs: performance.now() - started, forced: result.forced === true };
  } finally {
    await editor.stop();
  }
}

/** Needs out/test/bench/host/activation.js (node esbuild.mjs --tests) and the release dist/ (--release) built first. */
export async function benchActivation(starts = 5): Promise<ActivationBenchResult> {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run node esbuild.mjs --tests first`);
  const workspace = prepareWorkspace(path.join(artifacts, 'workspace'));
  const samples: number[] = [];
  const walls: number[] = [];
  let forced = 0;
  const loadAverages: number[] = [];
  for (let i = 1; i <= starts; i++) {
    loadAverages.push(os.loadavg()[0]);
    const start = await oneStart(i, workspace);
    samples.push(start.activationMs);
    walls.push(start.wallMs);
    if (start.forced) forced++;
  }
  return {
    samplesMs: samples,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    startWallMs: walls,
    forced,
    loadAverages,
    cpus: os.cpus().length,
  };
}
