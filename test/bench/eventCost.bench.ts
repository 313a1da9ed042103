// Per-event cost of tracking: bursts of 2,000 keyboard selection changes and one-character edits through the
// listeners the tracking adapter really registers, against the same event sources with do-nothing listeners (the
// floor). Each figure comes from fresh processes (eventCost.child.ts): cold is the first burst in a process, warm a
// median of later bursts; the figure is the median over the processes, ours and the floor alternating.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../runners/editor';
import { median } from './activation.bench';
import { BURST_EVENTS } from './eventCost.child';

interface ChildResult {
  coldMicros: number;
  warmMicros: number;
  events: number;
  timers: number;
  settingsReads: number;
}

export interface EventCostSide {
  coldMicros: number;
  warmMicros: number;
  /** Timers created (setTimeout/setInterval) during all bursts of all processes. */
  timers: number;
  settingsReads: number;
  events: number;
}

export interface EventCostResult {
  burstEvents: number;
  processes: number;
  ours: EventCostSide;
  floor: EventCostSide;
  coldRatio: number;
  warmRatio: number;
}

const child = path.join(projectRoot, 'test', 'bench', 'eventCost.child.ts');
const registerTs = path.join(projectRoot, 'scripts', 'register-ts.cjs');

function runChild(mode: 'ours' | 'floor'): ChildResult {
  const result = spawnSync(process.execPath, ['-r', registerTs, child, mode], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`per-event bench (${mode}) failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

function side(results: readonly ChildResult[]): EventCostSide {
  return {
    coldMicros: median(results.map((r) => r.coldMicros)),
    warmMicros: median(results.map((r) => r.warmMicros)),
    timers: results.reduce((sum, r) => sum + r.timers, 0),
    settingsReads: results.reduce((sum, r) => sum + r.settingsReads, 0),
    events: results.reduce((sum, r) => sum + r.events, 0),
  };
}

export function benchEventCost(processes = 7): EventCostResult {
  const ours: ChildResult[] = [];
  const floor: ChildResult[] = [];
  for (let i = 0; i < processes; i++) {
    ours.push(runChild('ours'));
    floor.push(runChild('floor'));
  }
  const o = side(ours);
  const f = side(floor);
  return {
    burstEvents: BURST_EVENTS,
    processes,
    ours: o,
    floor: f,
    coldRatio: o.coldMicros / f.coldMicros,
    warmRatio: o.warmMicros / f.warmMicros,
  };
}
