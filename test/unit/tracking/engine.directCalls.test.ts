// edit() and selection(), the adapter's calls for every keystroke and cursor move, against handle() with the same
// events: two engines play one random trace, and must agree after every step. The one driven by the direct calls keeps
// its timer as the adapter does, rescheduling only when a call says the next deadline may have moved earlier.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TrackingEngine } from '../../../src/tracking/engine';
import type { TrackingConfig } from '../../../src/tracking/engineConfig';
import type { DocumentDescriptor, TrackingEvent } from '../../../src/tracking/engineEvents';
import type { CursorPosition } from '../../../src/tracking/types';
import { descriptorFor, fileDocument, fileUri, RecordingSink, T0 } from '../../support/tracking';
import { VirtualClock } from '../../support/clock';

const NOTEBOOK = fileUri('nb.ipynb');
const CELL = 'vscode-notebook-cell:/work/nb.ipynb#cell1';
const DOCUMENTS: DocumentDescriptor[] = [
  fileDocument('a.ts'),
  fileDocument('b.ts'),
  fileDocument('secret.ts', { exclude: ['secret.*'] }),
  fileDocument('nb.ipynb', { languageId: 'jupyter-notebook' }),
  descriptorFor(CELL, { notebookKey: NOTEBOOK, languageId: 'python' }),
  descriptorFor('untitled:Untitled-1'),
];
const KEYS = DOCUMENTS.map((document) => document.key);

const key = fc.oneof({ weight: 10, arbitrary: fc.constant(fileUri('a.ts')) }, { weight: 3, arbitrary: fc.constantFrom(...KEYS) });
const cursor = fc.option(
  fc.record({ line: fc.nat(500), character: fc.nat(120), cell: fc.option(fc.nat(5), { nil: undefined }) }),
  {
    nil: undefined,
    freq: 5,
  },
);

const event: fc.Arbitrary<TrackingEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ type: fc.constant('edit' as const), key, inActiveEditor: fc.boolean(), cursor }) },
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant('selection' as const),
      key,
      kind: fc.constantFrom('keyboard' as const, 'mouse' as const, 'command' as const, undefined),
      cursor,
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('activeEditor' as const), key: fc.option(key, { nil: undefined }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('activeNotebook' as const), key: fc.constantFrom(NOTEBOOK, undefined) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('save' as const), key }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('scroll' as const), key }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const), key }) },
  { weight: 1, arbitrary: fc.constantFrom(...DOCUMENTS).map((document): TrackingEvent => ({ type: 'open', document })) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('focus' as const), focused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constantFrom<TrackingEvent>({ type: 'pause' }, { type: 'resume' }) },
);

const config: fc.Arbitrary<TrackingConfig> = fc
  .record({
    idleTimeoutSeconds: fc.integer({ min: 30, max: 120 }),
    switchGraceSeconds: fc.integer({ min: 0, max: 30 }),
    blurGraceSeconds: fc.integer({ min: 0, max: 30 }),
    minimumSessionSeconds: fc.integer({ min: 0, max: 30 }),
    checkpointIntervalSeconds: fc.integer({ min: 10, max: 60 }),
  })
  .map((c) => ({ ...c, switchGraceSeconds: Math.min(c.switchGraceSeconds, c.idleTimeoutSeconds) }));

/** Mostly keystroke gaps; sometimes long enough to cross a grace, the minimum, a checkpoint or the idle timeout. */
const wait = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
);

const trace = fc.record({
  config,
  focused: fc.boolean(),
  timerOnTime: fc.boolean(),
  steps: fc.array(fc.record({ waitMs: wait, event }), { minLength: 10, maxLength: 200 }),
});

function engineOn(clock: VirtualClock, sink: RecordingSink, cfg: TrackingConfig, focused: boolean): TrackingEngine {
  let ids = 0;
  const engine = new TrackingEngine({ sink, clock, config: cfg, focused, newId: () => `s${++ids}` });
  for (const document of DOCUMENTS) engine.handle({ type: 'open', document });
  return engine;
}

describe('tracking engine: edit() and selection() against handle()', () => {
  it('agree on every session, checkpoint and deadline, with the timer kept as the adapter keeps it', () => {
    fc.assert(
      fc.property(trace, ({ config: cfg, focused, timerOnTime, steps }) => {
        const reference = { clock: new VirtualClock({ start: T0 }), sink: new RecordingSink() };
        const direct = { clock: new VirtualClock({ start: T0 }), sink: new RecordingSink() };
        const handled = engineOn(reference.clock, reference.sink, cfg, focused);
        const called = engineOn(direct.clock, direct.sink, cfg, focused);
        let timer = called.nextDeadline();
        const reschedule = (): void => {
          const deadline = called.nextDeadline();
          if (deadline !== undefined && (timer === undefined || deadline < timer)) timer = deadline;
        };

        for (const { waitMs, event: e } of steps) {
          const time = reference.clock.time + waitMs;
          if (timerOnTime) {
            for (let d = handled.nextDeadline(); d !== undefined && d <= time; d = handled.nextDeadline()) {
              reference.clock.time = Math.max(reference.clock.time, d);
              handled.tick();
            }
            while (timer !== undefined && timer <= time) {
              direct.clock.time = Math.max(direct.clock.time, timer);
              timer = undefined;
              called.tick();
              reschedule();
            }
          }
          reference.clock.time = time;
          direct.clock.time = time;

          handled.handle(e);
          if (e.type === 'edit' || e.type === 'selection') {
            // A cursor the caller goes on using: the engine must keep a copy, not the object.
            const shared: CursorPosition | undefined = e.cursor === undefined ? undefined : { ...e.cursor };
            const before = called.nextDeadline();
            const mayBeEarlier =
              e.type === 'edit' ? called.edit(e.key, e.inActiveEditor, shared) : called.selection(e.key, e.kind, shared);
            if (shared !== undefined) shared.line = -1;
            const after = called.nextDeadline();
            if (!mayBeEarlier) assert.ok(after === before || (before !== undefined && after !== undefined && after >= before));
            if (mayBeEarlier) reschedule();
          } else {
            called.handle(e);
            reschedule();
          }

          assert.deepEqual(direct.sink.log, reference.sink.log);
          assert.deepEqual(called.currentSession(), handled.currentSession());
          assert.equal(called.nextDeadline(), handled.nextDeadline());
          const deadline = called.nextDeadline();
          assert.ok(deadline === undefined || (timer !== undefined && timer <= deadline), 'the timer fires no later than due');
        }
        handled.handle({ type: 'shutdown' });
        called.handle({ type: 'shutdown' });
        assert.deepEqual(direct.sink.log, reference.sink.log);
      }),
      { numRuns: 300 },
    );
  });
});
