// What exclusion patterns written to be pathological cost on each document open: 100 of them (see
// test/support/adversarialGlobs.ts) against a 64-segment path, matched as the tracker does (relative and absolute).
import { isExcluded } from '../../src/tracking/documentFilter';
import { adversarialPatterns, deepPath } from '../support/adversarialGlobs';

export interface GlobsBenchResult {
  patterns: number;
  segments: number;
  /** The first open: loads the engine, compiles every pattern and builds RE2's automata (once per pattern list). */
  firstOpenMs: number;
  medianOpenMs: number;
  p99OpenMs: number;
  worstOpenMs: number;
  opens: number;
}

const OPENS = 500;

export function benchGlobs(): GlobsBenchResult {
  const segments = 64;
  const patterns = adversarialPatterns(100);
  const settings = { trackingEnabled: true, exclude: patterns };
  // Each open is another document (other directory and file names), as in a real session.
  const open = (variant: number): number => {
    const relativePath = deepPath(segments, variant);
    const document = { relativePath, absolutePath: `/work/project/${relativePath}` };
    const started = performance.now();
    if (isExcluded(document, settings)) throw new Error('an adversarial pattern matched the path: the benchmark is wrong');
    return performance.now() - started;
  };
  const firstOpenMs = open(0);
  const times = Array.from({ length: OPENS }, (_, i) => open(i + 1)).sort((a, b) => a - b);
  return {
    patterns: patterns.length,
    segments,
    firstOpenMs,
    medianOpenMs: times[Math.floor(OPENS / 2)] ?? 0,
    p99OpenMs: times[Math.floor(OPENS * 0.99)] ?? 0,
    worstOpenMs: times[OPENS - 1] ?? 0,
    opens: OPENS,
  };
}
