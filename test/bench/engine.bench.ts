// Throughput and memory of the session engine. Returns figures; the bench runner prints them.
import { TrackingEngine } from '../../src/tracking/engine';
import type { DocumentDescriptor, TrackingEvent } from '../../src/tracking/engineEvents';
import type { SessionSink } from '../../src/tracking/types';

export interface EngineBenchResult {
  eventsPerSecond: number;
  microsPerEvent: number;
  heapBytesPerDocument: number;
}

const EVENT_COUNT = 2_000_000;
const DOCUMENT_COUNT = 20_000;
/** A fast typist: one event every 50 ms, so sessions stay alive and checkpoints fire once a minute. */
const EVENT_SPACING_MS = 50;

const discardingSink: SessionSink = { checkpoint: () => undefined, finished: () => undefined };

function descriptor(index: number): DocumentDescriptor {
  const name = `src/module${index}/file${index}.ts`;
  return {
    key: `file:///work/project/${name}`,
    languageId: 'typescript',
    relativePath: name,
    absolutePath: `/work/project/${name}`,
    trackingEnabled: true,
    exclude: ['**/node_modules/**', '**/*.{pem,key}', 'secrets/**'],
  };
}

/** Mostly keystrokes and cursor moves in the active file, with an occasional scroll or switch between three files. */
function buildTrace(keys: readonly string[]): TrackingEvent[] {
  const trace: TrackingEvent[] = [];
  for (let i = 0; i < 4096; i++) {
    const key = keys[Math.floor(i / 1024) % keys.length] ?? '';
    if (i % 1024 === 0) trace.push({ type: 'activeEditor', key });
    else if (i % 3 === 0) trace.push({ type: 'selection', key, kind: 'keyboard', cursor: { line: i % 400, character: i % 80 } });
    else if (i % 97 === 0) trace.push({ type: 'scroll', key });
    else trace.push({ type: 'edit', key, inActiveEditor: true, cursor: { line: i % 400, character: i % 80 } });
  }
  return trace;
}

function measureThroughput(): { eventsPerSecond: number; microsPerEvent: number } {
  let time = Date.UTC(2026, 0, 1);
  const engine = new TrackingEngine({ sink: discardingSink, clock: { now: () => time }, newId: () => 'bench' });
  const keys = [0, 1, 2].map((i) => {
    const document = descriptor(i);
    engine.handle({ type: 'open', document });
    return document.key;
  });
  const trace = buildTrace(keys);
  const mask = trace.length - 1;
  // Warm up the JIT before timing.
  for (let i = 0; i < 200_000; i++) {
    time += EVENT_SPACING_MS;
    engine.handle(trace[i & mask]);
  }
  const started = process.hrtime.bigint();
  for (let i = 0; i < EVENT_COUNT; i++) {
    time += EVENT_SPACING_MS;
    engine.handle(trace[i & mask]);
  }
  const elapsedNs = Number(process.hrtime.bigint() - started);
  return { eventsPerSecond: Math.round((EVENT_COUNT / elapsedNs) * 1e9), microsPerEvent: elapsedNs / 1000 / EVENT_COUNT };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function measureHeapPerDocument(): number {
  const engine = new TrackingEngine({ sink: discardingSink, newId: () => 'bench' });
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < DOCUMENT_COUNT; i++) engine.handle({ type: 'open', document: descriptor(i) });
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Keep the engine (and its documents) alive until after the measurement.
  if (engine.knownDocumentCount !== DOCUMENT_COUNT) throw new Error('documents were not registered');
  return Math.round((after - before) / DOCUMENT_COUNT);
}

export function benchEngine(): EngineBenchResult {
  const throughput = measureThroughput();
  return { ...throughput, heapBytesPerDocument: measureHeapPerDocument() };
}
