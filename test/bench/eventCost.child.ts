// One fresh process of the per-event benchmark (eventCost.bench.ts): `ours` starts the real TrackingAdapter on the
// stand-in editor, `floor` registers do-nothing listeners on every event source instead. Then it fires bursts of
// keyboard selection changes and one-character edits in the active editor and prints, as JSON, µs per event for the
// first burst in this process (cold) and for later bursts (warm), the bytes allocated per event, and the timers,
// settings reads and garbage collections seen during the bursts.
//
//   node --expose-gc --min-semi-space-size=16 -r ./scripts/register-ts.cjs test/bench/eventCost.child.ts ours|floor [bundle.js]
//
// `ours` loads the tracking adapter as the extension ships it: one minified bundle, built by esbuild with the release
// options (esbuild.mjs), here from src/tracking/adapter.vscode.ts into `bundle.js` unless that is given ready. Loaded
// file by file through the TypeScript hook instead, every call into another module would go through an export getter
// that the shipped bundle does not have: in the cold burst, that was more than half of what the listeners added.
//
// A warm burst takes well under a millisecond, less than one scavenge of the young generation, so a scavenge landing
// in a burst would decide its figure. Each burst therefore starts with an empty young generation (a minor GC, outside
// the timed span) of 16 MB, more than a burst allocates even at 8 KB per event: no collection runs inside a timed
// span (`gcsDuringBursts` says so), and what the listeners allocate is reported as bytes per event instead. A full GC
// runs once, before the first burst; later ones would drop optimized code that holds objects which died, and the next
// burst would measure the recompilation.
import { buildSync } from 'esbuild';
import Module from 'node:module';
import * as path from 'node:path';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import type { TrackingAdapter as TrackingAdapterClass, TrackingAdapterOptions } from '../../src/tracking/adapter.vscode';
import { BenchDocument, BenchUri, createBenchEditor } from './fakeEditorEvents';

export const BURST_EVENTS = 2000;
/** Bursts run before the warm ones are timed: by then the listeners run optimized code. */
export const WARMUP_BURSTS = 10;
export const WARM_BURSTS = 30;

export interface ChildResult {
  mode: 'ours' | 'floor';
  coldMicros: number;
  /** Median over the warm bursts. */
  warmMicros: number;
  coldBytesPerEvent: number;
  /** Median over the warm bursts. */
  warmBytesPerEvent: number;
  /** Collections that ran inside a timed burst (each inflates that burst's figure); 0 when the set-up holds. */
  gcsDuringBursts: number;
  events: number;
  timers: number;
  settingsReads: number;
}

const root = path.resolve(__dirname, '..', '..');
export const DEFAULT_BUNDLE = path.join(root, 'test-artifacts', 'bench', 'eventCost-tracking.js');

/** Bundles the tracking adapter with the release options of esbuild.mjs (vscode stays external). */
export function bundleTrackingAdapter(outfile: string): void {
  buildSync({
    entryPoints: [path.join(root, 'src', 'tracking', 'adapter.vscode.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    external: ['vscode'],
    logLevel: 'warning',
  });
}

type LoadFunction = (request: string, parent: unknown, isMain: boolean) => unknown;
type AdapterConstructor = new (options?: TrackingAdapterOptions) => TrackingAdapterClass;
type GcFunction = (options?: { type: 'minor' | 'major' }) => void;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function main(): void {
  const mode = process.argv[2];
  if (mode !== 'ours' && mode !== 'floor') throw new Error('usage: node --expose-gc … eventCost.child.ts ours|floor [bundle.js]');
  const gc = (globalThis as { gc?: GcFunction }).gc;
  if (gc === undefined) throw new Error('eventCost.child.ts needs node --expose-gc');
  const fake = createBenchEditor();
  const internals = Module as unknown as { _load: LoadFunction };
  const originalLoad = internals._load;
  internals._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    return request === 'vscode' ? fake.module : originalLoad.call(this, request, parent, isMain);
  };

  const document = new BenchDocument(new BenchUri('file', '/work/src/main.ts'), 'typescript');
  fake.workspace.textDocuments.push(document);
  let adapter: TrackingAdapterClass | undefined;
  let finishedDuringBursts = 0;
  if (mode === 'ours') {
    const bundle = path.resolve(process.argv[3] ?? DEFAULT_BUNDLE);
    if (process.argv[3] === undefined) bundleTrackingAdapter(bundle);
    const { TrackingAdapter } = Module.createRequire(__filename)(bundle) as { TrackingAdapter: AdapterConstructor };
    adapter = new TrackingAdapter({ sink: { checkpoint: () => undefined, finished: () => finishedDuringBursts++ } });
  } else {
    for (const source of fake.sources) source(() => undefined);
  }
  const editor = fake.show(document);

  let timersCreated = 0;
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    timersCreated++;
    return realSetTimeout(...args);
  }) as typeof setTimeout;
  globalThis.setInterval = (...args: Parameters<typeof setInterval>) => {
    timersCreated++;
    return realSetInterval(...args);
  };
  const settingsReadsBefore = fake.settingsReads;

  let line = 0;
  let gcsDuringBursts = 0;
  const burst = (): { micros: number; bytes: number } => {
    gc({ type: 'minor' });
    const profiler = new GCProfiler();
    const heapBefore = getHeapStatistics().used_heap_size;
    profiler.start();
    const started = performance.now();
    for (let i = 0; i < BURST_EVENTS; i += 2) {
      line = (line + 1) % 400;
      fake.moveCursor(editor, line, i % 80);
      fake.type(document, line, i % 80);
    }
    const elapsed = performance.now() - started;
    gcsDuringBursts += profiler.stop().statistics.length;
    const heapAfter = getHeapStatistics().used_heap_size;
    return { micros: (elapsed * 1000) / BURST_EVENTS, bytes: (heapAfter - heapBefore) / BURST_EVENTS };
  };

  // Loading and starting leave garbage, and perhaps a major GC under way that a minor one would not finish.
  gc({ type: 'major' });
  const cold = burst();
  const sessionAfterFirstBurst = adapter?.currentSession()?.id;
  for (let i = 0; i < WARMUP_BURSTS; i++) burst();
  const warm: { micros: number; bytes: number }[] = [];
  for (let i = 0; i < WARM_BURSTS; i++) warm.push(burst());
  const bursts = 1 + WARMUP_BURSTS + WARM_BURSTS;
  const timers = timersCreated;
  const settingsReads = fake.settingsReads - settingsReadsBefore;
  globalThis.setTimeout = realSetTimeout;
  globalThis.setInterval = realSetInterval;

  // Functionally wrong, not slow: the bursts must have been recorded as one session in the document.
  if (adapter !== undefined) {
    const session = adapter.currentSession();
    const finished = finishedDuringBursts;
    adapter.dispose();
    if (session?.documentUri !== document.uri.toString()) {
      throw new Error(`the bursts were not recorded: session ${String(session?.documentUri)}`);
    }
    if (session.id !== sessionAfterFirstBurst || finished > 0) {
      throw new Error('the bursts were recorded as more than one session');
    }
  }
  const result: ChildResult = {
    mode,
    coldMicros: cold.micros,
    warmMicros: median(warm.map((w) => w.micros)),
    coldBytesPerEvent: cold.bytes,
    warmBytesPerEvent: median(warm.map((w) => w.bytes)),
    gcsDuringBursts,
    events: bursts * BURST_EVENTS,
    timers,
    settingsReads,
  };
  process.stdout.write(JSON.stringify(result));
}

if (require.main === module) main();
