// What the git reader costs on .git folders crafted to hang it, flood it or make it read outside the repository
// (test/unit/git/hostileGit.ts): each variant built once, then read RUNS times as a publish plan would.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRepository } from '../../src/git/readRepository';
import { hostileVariants, stopFifoGuards, writeOutside } from '../unit/git/hostileGit';

export interface GitReaderVariantResult {
  name: string;
  medianMs: number;
  worstMs: number;
}

export interface GitReaderBenchResult {
  runs: number;
  variants: GitReaderVariantResult[];
  /** The slowest variant's worst read. */
  worstMs: number;
}

/** The shape of a row in the bench runner's table (test/bench/run.ts). */
interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const RUNS = 50;

export function benchGitReader(): GitReaderBenchResult {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'af-gitbench-'));
  try {
    writeOutside(base);
    const posix = process.platform !== 'win32';
    const variants = hostileVariants
      .filter((variant) => posix || !variant.posix)
      .map((variant) => timeVariant(variant.name, variant.build(base)));
    return { runs: RUNS, variants, worstMs: Math.max(...variants.map((v) => v.worstMs)) };
  } finally {
    stopFifoGuards();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

function timeVariant(name: string, file: string): GitReaderVariantResult {
  const times = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    readRepository(file);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(RUNS / 2)] ?? 0, worstMs: times[RUNS - 1] ?? 0 };
}

/** The figures for the bench runner's table: the worst read overall, then each variant's median and worst. */
export function gitReaderFigures(r: GitReaderBenchResult = benchGitReader()): Figure[] {
  const section = `git reader: ${r.variants.length} crafted .git folders (FIFOs, /dev/zero, escapes, 50 MB sparse files), ${r.runs} reads each`;
  return [
    { section, name: 'worst read, any variant', value: r.worstMs, unit: 'ms', target: 'the unit test fails a read over 1 s' },
    ...r.variants.map((v) => ({
      section,
      name: `${v.name}: median`,
      value: v.medianMs,
      unit: 'ms',
      target: `worst ${v.worstMs.toFixed(2)} ms`,
    })),
  ];
}

// Run alone: node -r ./scripts/register-ts.cjs test/bench/gitReader.bench.ts
if (require.main === module) {
  for (const figure of gitReaderFigures())
    console.log(`${figure.name.padEnd(90)} ${figure.value.toFixed(3).padStart(8)} ms  ${figure.target ?? ''}`);
}
