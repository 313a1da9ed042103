// One fresh process of the per-event benchmark (eventCost.bench.ts): `ours` starts the real TrackingAdapter on the
// stand-in editor, `floor` registers do-nothing listeners on every event source instead. Then it fires bursts of
// keyboard selection changes and one-character edits in the active editor and prints, as JSON, µs per event for the
// first burst in this process (cold) and for later bursts (warm), with the timers and settings reads seen meanwhile.
import Module from 'node:module';
import type { TrackingAdapter as TrackingAdapterClass, TrackingAdapterOptions } from '../../src/tracking/vscodeAdapter';
import { BenchDocument, BenchUri, createBenchEditor } from './fakeEditorEvents';

export const BURST_EVENTS = 2000;
const WARMUP_BURSTS = 5;
const WARM_BURSTS = 7;

type LoadFunction = (request: string, parent: unknown, isMain: boolean) => unknown;
type AdapterConstructor = new (options?: TrackingAdapterOptions) => TrackingAdapterClass;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function main(): void {
  const mode = process.argv[2];
  if (mode !== 'ours' && mode !== 'floor') throw new Error('usage: eventCost.child.ts ours|floor');
  const fake = createBenchEditor();
  const internals = Module as unknown as { _load: LoadFunction };
  const originalLoad = internals._load;
  internals._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    return request === 'vscode' ? fake.module : originalLoad.call(this, request, parent, isMain);
  };

  const document = new BenchDocument(new BenchUri('file', '/work/src/main.ts'), 'typescript');
  fake.workspace.textDocuments.push(document);
  let adapter: TrackingAdapterClass | undefined;
  if (mode === 'ours') {
    const { TrackingAdapter } = Module.createRequire(__filename)('../../src/tracking/vscodeAdapter') as {
      TrackingAdapter: AdapterConstructor;
    };
    adapter = new TrackingAdapter({ sink: { checkpoint: () => undefined, finished: () => undefined } });
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
  const burst = (): number => {
    const started = performance.now();
    for (let i = 0; i < BURST_EVENTS; i += 2) {
      line = (line + 1) % 400;
      fake.moveCursor(editor, line, i % 80);
      fake.type(document, line, i % 80);
    }
    return ((performance.now() - started) * 1000) / BURST_EVENTS;
  };

  const cold = burst();
  for (let i = 0; i < WARMUP_BURSTS; i++) burst();
  const warm: number[] = [];
  for (let i = 0; i < WARM_BURSTS; i++) warm.push(burst());
  const bursts = 1 + WARMUP_BURSTS + WARM_BURSTS;
  const timers = timersCreated;
  const settingsReads = fake.settingsReads - settingsReadsBefore;
  globalThis.setTimeout = realSetTimeout;
  globalThis.setInterval = realSetInterval;

  // Functionally wrong, not slow: the burst must have been recorded as one session in the document.
  let session: string | undefined;
  if (adapter !== undefined) {
    session = adapter.currentSession()?.documentUri;
    adapter.dispose();
    if (session !== document.uri.toString()) throw new Error(`the bursts were not recorded: session ${String(session)}`);
  }
  process.stdout.write(
    JSON.stringify({ mode, coldMicros: cold, warmMicros: median(warm), events: bursts * BURST_EVENTS, timers, settingsReads }),
  );
}

if (require.main === module) main();
