// Per-event cost of tracking: bursts of 2,000 keyboard selection changes and one-character edits through the
// listeners the tracking adapter really registers, against the same event sources with do-nothing listeners (the
// floor). Each figure comes from fresh processes (eventCost.child.ts): cold is the first burst in a process, warm a
// median of later bursts. Ours and the floor run in pairs, one right after the other (which goes first alternates),
// so a pair shares the machine's state; the figure is the median over the processes, with its spread, and the ratio
// is also given per pair, with the spread of those ratios: on a busy machine that spread is the honest error bar.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../runners/editor';
import { median } from './activation.bench';
import {
  BURST_EVENTS,
  bundleTrackingAdapter,
  DEFAULT_BUNDLE,
  WARM_BURSTS,
  WARMUP_BURSTS,
  type ChildResult,
} from './eventCost.child';

/** The distribution of one figure over the processes. */
export interface Spread {
  min: number;
  /** Lower and upper quartile: half the processes fall between them. */
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface EventCostSide {
  /** Medians over the processes. */
  coldMicros: number;
  warmMicros: number;
  cold: Spread;
  warm: Spread;
  /** Bytes allocated per event (medians over the processes). */
  coldBytesPerEvent: number;
  warmBytesPerEvent: number;
  /** Collections inside timed bursts, all processes together; 0 means no burst's figure includes a GC pause. */
  gcsDuringBursts: number;
  /** Timers created (setTimeout/setInterval) during all bursts of all processes. */
  timers: number;
  settingsReads: number;
  events: number;
}

export interface EventCostResult {
  burstEvents: number;
  warmupBursts: number;
  warmBursts: number;
  /** Processes per side. */
  processes: number;
  ours: EventCostSide;
  floor: EventCostSide;
  /** Median of ours ÷ median of the floor. */
  coldRatio: number;
  warmRatio: number;
  /** Ours ÷ floor within each pair of processes. */
  coldPairRatio: Spread;
  warmPairRatio: Spread;
}

const child = path.join(projectRoot, 'test', 'bench', 'eventCost.child.ts');
const registerTs = path.join(projectRoot, 'scripts', 'register-ts.cjs');

function runChild(mode: 'ours' | 'floor'): ChildResult {
  const flags = ['--expose-gc', '--min-semi-space-size=16'];
  const result = spawnSync(process.execPath, [...flags, '-r', registerTs, child, mode, DEFAULT_BUNDLE], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`per-event bench (${mode}) failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

/** Quantile by linear interpolation between the nearest ranks. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: median(sorted),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

function side(results: readonly ChildResult[]): EventCostSide {
  const cold = spread(results.map((r) => r.coldMicros));
  const warm = spread(results.map((r) => r.warmMicros));
  return {
    coldMicros: cold.median,
    warmMicros: warm.median,
    cold,
    warm,
    coldBytesPerEvent: median(results.map((r) => r.coldBytesPerEvent)),
    warmBytesPerEvent: median(results.map((r) => r.warmBytesPerEvent)),
    gcsDuringBursts: results.reduce((sum, r) => sum + r.gcsDuringBursts, 0),
    timers: results.reduce((sum, r) => sum + r.timers, 0),
    settingsReads: results.reduce((sum, r) => sum + r.settingsReads, 0),
    events: results.reduce((sum, r) => sum + r.events, 0),
  };
}

/** About 20 s on two idle cores: each process loads the tracking code through the TypeScript hook, then runs 41 bursts. */
export function benchEventCost(processes = 21): EventCostResult {
  bundleTrackingAdapter(DEFAULT_BUNDLE);
  const ours: ChildResult[] = [];
  const floor: ChildResult[] = [];
  for (let i = 0; i < processes; i++) {
    if (i % 2 === 0) {
      ours.push(runChild('ours'));
      floor.push(runChild('floor'));
    } else {
      floor.push(runChild('floor'));
      ours.push(runChild('ours'));
    }
  }
  const o = side(ours);
  const f = side(floor);
  return {
    burstEvents: BURST_EVENTS,
    warmupBursts: WARMUP_BURSTS,
    warmBursts: WARM_BURSTS,
    processes,
    ours: o,
    floor: f,
    coldRatio: o.coldMicros / f.coldMicros,
    warmRatio: o.warmMicros / f.warmMicros,
    coldPairRatio: spread(ours.map((r, i) => r.coldMicros / floor[i].coldMicros)),
    warmPairRatio: spread(ours.map((r, i) => r.warmMicros / floor[i].warmMicros)),
  };
}
