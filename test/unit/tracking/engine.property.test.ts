// Invariants over random editing traces: whatever a person (or another extension) does, the sessions make sense.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TrackingEngine } from '../../../src/tracking/engine';
import type { TrackingConfig } from '../../../src/tracking/engineConfig';
import type { DocumentDescriptor, TrackingEvent } from '../../../src/tracking/engineEvents';
import type { Session } from '../../../src/tracking/types';
import { descriptorFor, fileDocument, fileUri, RecordingSink, T0 } from '../../support/tracking';
import { VirtualClock } from '../../support/clock';

const NOTEBOOK = fileUri('nb.ipynb');
const CELL = 'vscode-notebook-cell:/work/nb.ipynb#cell1';
const UNTITLED = 'untitled:Untitled-1';
const OUTPUT = 'output:log';

const DOCUMENTS: Record<string, DocumentDescriptor> = {
  [fileUri('a.ts')]: fileDocument('a.ts'),
  [fileUri('b.ts')]: fileDocument('b.ts'),
  [fileUri('c.ts')]: fileDocument('c.ts'),
  [fileUri('d.ts')]: fileDocument('d.ts'),
  [fileUri('secret.ts')]: fileDocument('secret.ts', { exclude: ['secret.*'] }),
  [NOTEBOOK]: fileDocument('nb.ipynb', { languageId: 'jupyter-notebook' }),
  [CELL]: descriptorFor(CELL, { notebookKey: NOTEBOOK, languageId: 'python' }),
  [UNTITLED]: descriptorFor(UNTITLED),
  [OUTPUT]: descriptorFor(OUTPUT),
};
const KEYS = Object.keys(DOCUMENTS);
const NEVER_SESSION_KEYS = new Set([fileUri('secret.ts'), OUTPUT, CELL]);

const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(fileUri('a.ts'), fileUri('b.ts')) },
  { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
);
const cursor = fc.option(fc.record({ line: fc.nat(500), character: fc.nat(120) }), { nil: undefined });

const event: fc.Arbitrary<TrackingEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('edit' as const), key, inActiveEditor: fc.boolean(), cursor }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('selection' as const),
      key,
      kind: fc.constantFrom('keyboard' as const, 'mouse' as const, 'command' as const, undefined),
      cursor,
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('scroll' as const), key }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('activeEditor' as const),
      key: fc.option(key, { nil: undefined }),
      diffOriginal: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('activeNotebook' as const), key: fc.constantFrom(NOTEBOOK, undefined, undefined) }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('save' as const), key }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const), key }) },
  { weight: 2, arbitrary: key.map((k): TrackingEvent => ({ type: 'open', document: DOCUMENTS[k] ?? fileDocument('a.ts') })) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('focus' as const), focused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constantFrom<TrackingEvent>({ type: 'pause' }, { type: 'resume' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<TrackingEvent>(
      { type: 'rename', fromKey: fileUri('a.ts'), to: fileDocument('d.ts') },
      { type: 'rename', fromKey: fileUri('d.ts'), to: fileDocument('secret.ts', { exclude: ['secret.*'] }) },
    ),
  },
);

/** Seconds to wait before the event; mostly keystroke gaps, sometimes long pauses; sometimes the timer is late. */
const step = fc.record({
  waitMs: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 60_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 900_000 }) },
  ),
  timerLate: fc.boolean(),
  event,
});

const config: fc.Arbitrary<TrackingConfig> = fc
  .record({
    idleTimeoutSeconds: fc.integer({ min: 30, max: 600 }),
    switchGraceSeconds: fc.integer({ min: 0, max: 120 }),
    blurGraceSeconds: fc.integer({ min: 0, max: 600 }),
    minimumSessionSeconds: fc.integer({ min: 0, max: 60 }),
    checkpointIntervalSeconds: fc.integer({ min: 10, max: 300 }),
  })
  .map((c) => ({
    ...c,
    switchGraceSeconds: Math.min(c.switchGraceSeconds, c.idleTimeoutSeconds),
    blurGraceSeconds: Math.min(c.blurGraceSeconds, c.idleTimeoutSeconds),
  }));

interface Run {
  finished: Session[];
  checkpoints: Session[];
  maxOpenCheckpointed: number;
  config: TrackingConfig;
}

function play(
  cfg: TrackingConfig,
  steps: Array<{ waitMs: number; timerLate: boolean; event: TrackingEvent }>,
  focused: boolean,
): Run {
  const clock = new VirtualClock({ start: T0 });
  const sink = new RecordingSink();
  let counter = 0;
  const engine = new TrackingEngine({ sink, clock, config: cfg, focused, newId: () => `id-${++counter}` });
  const open = new Set<string>();
  let maxOpenCheckpointed = 0;
  let seen = 0;
  for (const document of Object.values(DOCUMENTS)) engine.handle({ type: 'open', document }); // as the adapter does at startup
  const observe = (): void => {
    for (; seen < sink.log.length; seen++) {
      const entry = sink.log[seen];
      if (entry === undefined) continue;
      if (entry.kind === 'checkpoint') open.add(entry.session.id);
      else open.delete(entry.session.id);
      maxOpenCheckpointed = Math.max(maxOpenCheckpointed, open.size);
    }
  };
  for (const { waitMs, timerLate, event: e } of steps) {
    const target = clock.time + waitMs;
    if (!timerLate) {
      for (let d = engine.nextDeadline(); d !== undefined && d <= target; d = engine.nextDeadline()) {
        clock.time = Math.max(clock.time, d);
        engine.tick();
        observe();
      }
    }
    clock.time = target;
    engine.handle(e);
    observe();
    assert.ok((engine.currentSession()?.lastActiveAt ?? 0) <= clock.time);
  }
  engine.handle({ type: 'shutdown' });
  observe();
  return { finished: sink.finished_, checkpoints: sink.checkpoints, maxOpenCheckpointed, config: cfg };
}

const traces = fc.tuple(config, fc.array(step, { minLength: 20, maxLength: 150, size: 'large' }), fc.boolean());
const RUNS = { numRuns: 400 };

describe('tracking engine properties (random traces)', () => {
  it('never produces overlapping sessions, for one document or across documents', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) => {
        const sessions = [...play(cfg, steps, focused).finished].sort((x, y) => x.startedAt - y.startedAt);
        for (let i = 1; i < sessions.length; i++) {
          const previous = sessions[i - 1];
          const next = sessions[i];
          if (previous && next && next.startedAt < previous.lastActiveAt) return false;
        }
        return true;
      }),
      RUNS,
    );
  });

  it('never reports more active time than wall time', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) => {
        const run = play(cfg, steps, focused);
        return [...run.finished, ...run.checkpoints].every(
          (s) => s.lastActiveAt >= s.startedAt && s.activeSeconds * 1000 <= s.lastActiveAt - s.startedAt,
        );
      }),
      RUNS,
    );
  });

  it('has at most one session ongoing at a time', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) => play(cfg, steps, focused).maxOpenCheckpointed <= 1),
      RUNS,
    );
  });

  it('never finishes a session under the minimum', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) =>
        play(cfg, steps, focused).finished.every(
          (s) => s.endReason === 'excluded' || s.activeSeconds >= cfg.minimumSessionSeconds,
        ),
      ),
      RUNS,
    );
  });

  it('closes every checkpointed session under the same id, and finishes each id once', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) => {
        const run = play(cfg, steps, focused);
        const finishedIds = run.finished.map((s) => s.id);
        if (new Set(finishedIds).size !== finishedIds.length) return false;
        return run.checkpoints.every((c) => finishedIds.includes(c.id) && c.state === 'ongoing');
      }),
      RUNS,
    );
  });

  it('checkpoints each session at most duration / interval + 1 times', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) => {
        const run = play(cfg, steps, focused);
        return run.finished.every((s) => {
          const count = run.checkpoints.filter((c) => c.id === s.id).length;
          return count <= (s.lastActiveAt - s.startedAt) / (cfg.checkpointIntervalSeconds * 1000) + 1;
        });
      }),
      RUNS,
    );
  });

  it('never records excluded, ignored or cell documents as such', () => {
    fc.assert(
      fc.property(traces, ([cfg, steps, focused]) =>
        play(cfg, steps, focused).finished.every((s) => s.endReason === 'excluded' || !NEVER_SESSION_KEYS.has(s.documentUri)),
      ),
      RUNS,
    );
  });

  it('never records anything when the window is never focused', () => {
    fc.assert(
      fc.property(config, fc.array(step, { maxLength: 60 }), (cfg, steps) => {
        const unfocusedSteps = steps.filter((s) => s.event.type !== 'focus');
        const run = play(cfg, unfocusedSteps, false);
        return run.finished.length === 0 && run.checkpoints.length === 0;
      }),
      RUNS,
    );
  });
});

describe('tracking engine properties: the generator exercises the engine', () => {
  it('produces sessions, checkpoints and every end reason across samples', () => {
    const reasons = new Set<string>();
    let withSessions = 0;
    let withCheckpoints = 0;
    const samples = fc.sample(traces, { numRuns: 300, seed: 42 });
    for (const [cfg, steps, focused] of samples) {
      const run = play(cfg, steps, focused);
      if (run.finished.length > 0) withSessions++;
      if (run.checkpoints.length > 0) withCheckpoints++;
      for (const s of run.finished) reasons.add(s.endReason ?? 'none');
    }
    assert.ok(withSessions > 60, `only ${withSessions} of 300 traces produced a session`);
    assert.ok(withCheckpoints > 15, `only ${withCheckpoints} of 300 traces produced a checkpoint`);
    for (const reason of ['idle', 'switch', 'close', 'blur', 'shutdown', 'paused'])
      assert.ok(reasons.has(reason), `no '${reason}' in ${[...reasons].join()}`);
  });
});
