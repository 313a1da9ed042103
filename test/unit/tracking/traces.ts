// Random traces of a person working, played through the engine (as the adapter would drive it) and through the
// reference model, for the differential property test and for replaying the counterexamples it found.
import fc from 'fast-check';
import { TrackingEngine } from '../../../src/tracking/engine';
import type { TrackingConfig } from '../../../src/tracking/engineConfig';
import type { DocumentDescriptor, TrackingEvent } from '../../../src/tracking/engineEvents';
import type { Session } from '../../../src/tracking/types';
import { fileDocument, RecordingSink, T0 } from '../../support/tracking';
import { ReferenceModel, type ModelOutcome, type PersonAction, type Stretch } from './referenceModel';
import { VirtualClock } from '../../support/clock';

// --- what a person does ---------------------------------------------------------------------------------------

type Slot = 'a' | 'b' | 'c' | 'd' | 'secret' | 'untitled';
const FILE_SLOTS: Slot[] = ['a', 'b', 'c', 'd'];

export type Step =
  | { readonly kind: 'look'; readonly slot?: Slot | undefined }
  /** Back to the editor shown before the current one (A → B → A). */
  | { readonly kind: 'back' }
  | { readonly kind: 'type' | 'scroll' | 'save' | 'editElsewhere' | 'close'; readonly slot: Slot | 'active' }
  | { readonly kind: 'select'; readonly slot: Slot | 'active'; readonly by: 'keyboard' | 'mouse' | 'command' | undefined }
  | { readonly kind: 'rename'; readonly slot: Slot; readonly toExcluded: boolean }
  | { readonly kind: 'saveAs'; readonly showFirst: boolean }
  | { readonly kind: 'newUntitled' }
  | { readonly kind: 'focus'; readonly focused: boolean }
  | { readonly kind: 'pause' | 'resume' };

export interface Trace {
  readonly config: TrackingConfig;
  readonly focused: boolean;
  /** Fire the engine's timer at its deadlines (as the adapter does), or only at the next event (a sleeping machine). */
  readonly timerOnTime: boolean;
  readonly steps: ReadonlyArray<{ readonly waitMs: number; readonly step: Step }>;
}

const slot = fc.constantFrom<Slot>('a', 'a', 'b', 'b', 'c', 'c', 'd', 'secret', 'untitled');
const target = fc.oneof({ weight: 3, arbitrary: fc.constant<'active'>('active') }, { weight: 1, arbitrary: slot });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('look' as const), slot: fc.option(slot, { nil: undefined, freq: 8 }) }) },
  { weight: 3, arbitrary: fc.constant<Step>({ kind: 'back' }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('type' as const), slot: target }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('scroll' as const), slot: target }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('select' as const),
      slot: target,
      by: fc.constantFrom('keyboard' as const, 'mouse' as const, 'command' as const, undefined),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('save' as const), slot: target }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editElsewhere' as const), slot: target }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), slot: target }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      slot: fc.constantFrom(...FILE_SLOTS),
      toExcluded: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('saveAs' as const), showFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'newUntitled' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('focus' as const), focused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constantFrom<Step>({ kind: 'pause' }, { kind: 'resume' }) },
);

const configArbitrary: fc.Arbitrary<TrackingConfig> = fc
  .record({
    idleTimeoutSeconds: fc.integer({ min: 30, max: 120 }),
    switchGraceSeconds: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 120 })),
    blurGraceSeconds: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 120 })),
    minimumSessionSeconds: fc.integer({ min: 0, max: 30 }),
    checkpointIntervalSeconds: fc.integer({ min: 10, max: 60 }),
  })
  .map((c) => ({
    ...c,
    switchGraceSeconds: Math.min(c.switchGraceSeconds, c.idleTimeoutSeconds),
    blurGraceSeconds: Math.min(c.blurGraceSeconds, c.idleTimeoutSeconds),
  }));

/** Waits before each step: keystroke gaps, pauses, long absences, and exactly a rule's length ±1 ms. */
function waitArbitrary(config: TrackingConfig): fc.Arbitrary<number> {
  const edges = [config.switchGraceSeconds, config.blurGraceSeconds, config.idleTimeoutSeconds, config.minimumSessionSeconds]
    .flatMap((s) => [s * 1000 - 1, s * 1000, s * 1000 + 1])
    .filter((ms) => ms >= 0);
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 40_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * config.idleTimeoutSeconds * 1000 }) },
    { weight: 5, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.constant(0) },
  );
}

export const traceArbitrary: fc.Arbitrary<Trace> = configArbitrary.chain((config) =>
  fc.record({
    config: fc.constant(config),
    focused: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    timerOnTime: fc.boolean(),
    steps: fc.array(fc.record({ waitMs: waitArbitrary(config), step: stepArbitrary }), { minLength: 5, maxLength: 120 }),
  }),
);

// --- the adapter's part: one step → the engine's events and the model's actions --------------------------------

interface Translation {
  readonly events: TrackingEvent[];
  readonly actions: PersonAction[];
}

/** Plays the editor: which documents are open, which is active, what each slot's document is called now. */
class Editor {
  private readonly keys = new Map<Slot, string>();
  private readonly descriptors = new Map<string, DocumentDescriptor>();
  private readonly open = new Set<string>();
  private active: string | undefined;
  private previous: string | undefined;
  private focused: boolean;
  private counter = 0;

  constructor(focused: boolean) {
    this.focused = focused;
    for (const name of FILE_SLOTS) this.name(name, fileDocument(`${name}.ts`));
    this.name('secret', fileDocument('secret.ts', { exclude: ['secret.*'] }));
    this.name('untitled', { key: 'untitled:Untitled-1', languageId: 'plaintext', trackingEnabled: true, exclude: [] });
  }

  private name(slotName: Slot, descriptor: DocumentDescriptor): void {
    this.keys.set(slotName, descriptor.key);
    this.descriptors.set(descriptor.key, descriptor);
  }

  private keyOf(slotName: Slot | 'active'): string | undefined {
    return slotName === 'active' ? this.active : this.keys.get(slotName);
  }

  private opening(key: string, out: Translation): void {
    if (this.open.has(key)) return;
    const descriptor = this.descriptors.get(key);
    if (descriptor === undefined) return;
    this.open.add(key);
    out.events.push({ type: 'open', document: descriptor });
    out.actions.push({ kind: 'open', key, excluded: descriptor.exclude.length > 0 });
  }

  private show(key: string | undefined, out: Translation): void {
    if (key !== undefined) this.opening(key, out);
    if (key !== this.active) this.previous = this.active;
    this.active = key;
    out.events.push({ type: 'activeEditor', key });
    out.actions.push({ kind: 'look', key });
  }

  translate(step: Step): Translation {
    const out: Translation = { events: [], actions: [] };
    switch (step.kind) {
      case 'look':
        this.show(step.slot === undefined ? undefined : this.keys.get(step.slot), out);
        break;
      case 'back':
        if (this.previous === undefined || [...this.keys.values()].includes(this.previous)) this.show(this.previous, out);
        break;
      case 'type':
      case 'editElsewhere':
      case 'scroll':
      case 'save':
      case 'select': {
        const key = this.keyOf(step.slot);
        if (key === undefined || !this.open.has(key)) break;
        if (step.kind === 'select') {
          out.events.push({ type: 'selection', key, kind: step.by });
          out.actions.push({ kind: 'select', key, byPerson: step.by === 'keyboard' || step.by === 'mouse' });
        } else if (step.kind === 'type' || step.kind === 'editElsewhere') {
          const inActiveEditor = step.kind === 'type' && key === this.active;
          out.events.push({ type: 'edit', key, inActiveEditor });
          out.actions.push({ kind: inActiveEditor ? 'type' : 'editElsewhere', key });
        } else {
          out.events.push({ type: step.kind, key });
          out.actions.push({ kind: step.kind, key });
        }
        break;
      }
      case 'close': {
        const key = this.keyOf(step.slot);
        if (key === undefined || !this.open.has(key)) break;
        this.open.delete(key);
        out.events.push({ type: 'close', key });
        out.actions.push({ kind: 'close', key });
        if (key === this.active) this.show(undefined, out);
        break;
      }
      case 'rename': {
        const from = this.keys.get(step.slot);
        if (from === undefined || !from.startsWith('file:') || !this.open.has(from)) break;
        const name = step.toExcluded ? `private/r${++this.counter}.ts` : `r${++this.counter}.ts`;
        const to = fileDocument(name, step.toExcluded ? { exclude: ['private/**'] } : {});
        this.name(step.slot, to);
        this.open.delete(from);
        this.open.add(to.key);
        out.events.push({ type: 'rename', fromKey: from, to }, { type: 'close', key: from }, { type: 'open', document: to });
        out.actions.push({ kind: 'rename', fromKey: from, toKey: to.key, toExcluded: step.toExcluded });
        if (from === this.active) this.show(to.key, out);
        break;
      }
      case 'saveAs': {
        const untitled = this.keys.get('untitled');
        if (untitled === undefined || !untitled.startsWith('untitled:') || untitled !== this.active || !this.focused) break;
        const file = fileDocument(`saved${++this.counter}.ts`);
        this.name('untitled', file);
        this.open.delete(untitled);
        this.open.add(file.key);
        this.active = file.key;
        out.events.push({ type: 'open', document: file }, { type: 'save', key: file.key });
        if (step.showFirst) out.events.push({ type: 'activeEditor', key: file.key }, { type: 'close', key: untitled });
        else out.events.push({ type: 'close', key: untitled }, { type: 'activeEditor', key: file.key });
        out.actions.push({ kind: 'saveAs', untitledKey: untitled, fileKey: file.key });
        break;
      }
      case 'newUntitled': {
        const key = `untitled:Untitled-${++this.counter + 1}`;
        this.name('untitled', { key, languageId: 'plaintext', trackingEnabled: true, exclude: [] });
        this.show(key, out);
        break;
      }
      case 'focus':
        this.focused = step.focused;
        out.events.push({ type: 'focus', focused: step.focused });
        out.actions.push({ kind: 'windowFocus', focused: step.focused });
        break;
      case 'pause':
      case 'resume':
        out.events.push({ type: step.kind });
        out.actions.push({ kind: step.kind });
        break;
    }
    return out;
  }
}

// --- playing a trace through both ---------------------------------------------------------------------------

export interface Outcomes {
  readonly kept: ReadonlyArray<{ doc: string; start: number; last: number; activeSeconds: number }>;
  readonly droppedMs: readonly number[];
  readonly discardedMs: readonly number[];
}

export interface Played {
  readonly engine: Outcomes;
  readonly model: Outcomes;
  readonly engineFinished: readonly Session[];
  readonly modelSessions: readonly ModelOutcome[];
  readonly engaged: readonly Stretch[];
}

const LOGGED = /^Tracking: (dropped|discarded) a session of ([0-9.]+) s/;

export function play(trace: Trace): Played {
  const clock = new VirtualClock({ start: T0 });
  const sink = new RecordingSink();
  const logged: string[] = [];
  let ids = 0;
  const engine = new TrackingEngine({
    sink,
    clock,
    config: trace.config,
    focused: trace.focused,
    newId: () => `s${++ids}`,
    log: { debug: (line) => logged.push(line) },
  });
  const model = new ReferenceModel(
    {
      idleMs: trace.config.idleTimeoutSeconds * 1000,
      switchGraceMs: trace.config.switchGraceSeconds * 1000,
      blurGraceMs: trace.config.blurGraceSeconds * 1000,
      minimumMs: trace.config.minimumSessionSeconds * 1000,
    },
    trace.focused,
  );
  const editor = new Editor(trace.focused);
  for (const { waitMs, step } of trace.steps) {
    const time = clock.time + waitMs;
    if (trace.timerOnTime) {
      for (let deadline = engine.nextDeadline(); deadline !== undefined && deadline <= time; deadline = engine.nextDeadline()) {
        clock.time = Math.max(clock.time, deadline);
        engine.tick();
      }
    }
    clock.time = time;
    const { events, actions } = editor.translate(step);
    for (const event of events) engine.handle(event);
    for (const action of actions) model.apply(action, time);
  }
  engine.handle({ type: 'shutdown' });
  model.quit(clock.time);

  const engineFinished = sink.finished_.filter((s) => s.endReason !== 'excluded');
  const loggedMs = (kind: string) =>
    logged
      .map((line) => LOGGED.exec(line))
      .filter((m) => m?.[1] === kind)
      .map((m) => Math.round(Number(m?.[2]) * 1000));
  return {
    engine: {
      kept: engineFinished.map((s) => ({
        doc: s.documentUri,
        start: s.startedAt,
        last: s.lastActiveAt,
        activeSeconds: s.activeSeconds,
      })),
      droppedMs: loggedMs('dropped'),
      discardedMs: loggedMs('discarded'),
    },
    model: {
      kept: model.kept.map((s) => ({ doc: s.doc, start: s.start, last: s.last, activeSeconds: Math.floor(s.activeMs / 1000) })),
      droppedMs: model.dropped.map((s) => s.activeMs),
      discardedMs: model.discarded.map((s) => s.activeMs),
    },
    engineFinished,
    modelSessions: [...model.kept, ...model.dropped, ...model.discarded],
    engaged: model.engaged,
  };
}

/** Total length of a set of possibly overlapping stretches. */
export function measure(stretches: readonly Stretch[]): number {
  const sorted = [...stretches].filter((s) => s.to > s.from).sort((x, y) => x.from - y.from);
  let total = 0;
  let end = -Infinity;
  for (const s of sorted) {
    if (s.to <= end) continue;
    total += s.to - Math.max(s.from, end);
    end = s.to;
  }
  return total;
}
