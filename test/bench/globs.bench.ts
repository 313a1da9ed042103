// What exclusion patterns written to be pathological cost on each document open: 100 of them (see
// test/support/adversarialGlobs.ts) against a 64-segment path, matched as the tracker does (relative and absolute).
import { isExcluded } from '../../src/tracking/documentFilter';
import { adversarialPatterns, deepPath } from '../support/adversarialGlobs';

export interface GlobsBenchResult {
  patterns: number;
  segments: number;
  /** The first open: loads the engine and compiles every pattern. */
  firstOpenMs: number;
  medianOpenMs: number;
  worstOpenMs: number;
  opens: number;
}

const OPENS = 500;

export function benchGlobs(): GlobsBenchResult {
  const segments = 64;
  const patterns = adversarialPatterns(100);
  const relativePath = deepPath(segments);
  const document = { relativePath, absolutePath: `/work/project/${relativePath}` };
  const settings = { trackingEnabled: true, exclude: patterns };
  const open = (): number => {
    const started = performance.now();
    if (isExcluded(document, settings)) throw new Error('an adversarial pattern matched the path: the benchmark is wrong');
    return performance.now() - started;
  };
  const firstOpenMs = open();
  const times = Array.from({ length: OPENS }, open).sort((a, b) => a - b);
  return { patterns: patterns.length, segments, firstOpenMs, medianOpenMs: times[Math.floor(OPENS / 2)] ?? 0, worstOpenMs: times[OPENS - 1] ?? 0, opens: OPENS };
}
