// The engine against the reference model of the README's rules, on random traces of a person working: rapid
// switching, waits at the graces and the idle timeout to the millisecond, the window losing focus, renames, closes,
// Save As and pause. Both must keep the same sessions (same files, start and last-active times, active seconds) and
// drop the same ones under the minimum; and every engaged second must end up in exactly one session.
//   TRACKING_TRACE_SEED=<n>   replays the run that printed that seed
//   TRACKING_TRACE_RUNS=<n>   number of traces (default 1000)
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { measure, play, traceArbitrary, type Trace } from './traces';

// --- the properties -----------------------------------------------------------------------------------------

const SEED = process.env.TRACKING_TRACE_SEED === undefined ? Date.now() % 2_147_483_647 : Number(process.env.TRACKING_TRACE_SEED);
const RUNS = Number(process.env.TRACKING_TRACE_RUNS ?? 1000);

function check(property: fc.IProperty<[Trace]>): void {
  const details = fc.check(property, { seed: SEED, numRuns: RUNS });
  if (!details.failed) return;
  const example = details.counterexample?.[0];
  assert.fail(
    `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
      `Replay with TRACKING_TRACE_SEED=${SEED}. Shrunk trace (after ${details.numShrinks} shrinks):\n${JSON.stringify(example)}`,
  );
}

describe('tracking engine against the reference model of the README rules', () => {
  it(`keeps and drops the same sessions as the model on ${RUNS} random traces (seed ${SEED})`, () => {
    check(
      fc.property(traceArbitrary, (trace) => {
        const { engine, model } = play(trace);
        assert.deepEqual(engine, model);
      }),
    );
  });

  it('puts every engaged second in exactly one session, kept or dropped under the minimum', () => {
    check(
      fc.property(traceArbitrary, (trace) => {
        const played = play(trace);
        const engagedMs = measure(played.engaged);
        // In the model: sessions never share a second, and together they hold all of it.
        const all = played.modelSessions.flatMap((s) => s.stretches);
        const total = played.modelSessions.reduce((sum, s) => sum + s.activeMs, 0);
        assert.equal(measure(all), total, 'two sessions share a second');
        assert.equal(total, engagedMs, 'engaged time outside every session');
        // In the engine: what it finished plus what it logged as dropped or discarded is all of it (finished sessions
        // report whole seconds, so each may show up to a second less).
        const reported =
          played.engineFinished.reduce((sum, s) => sum + s.activeSeconds * 1000, 0) +
          [...played.engine.droppedMs, ...played.engine.discardedMs].reduce((a, b) => a + b, 0);
        assert.ok(
          reported <= engagedMs && reported > engagedMs - 1000 * Math.max(1, played.engineFinished.length),
          `engine accounts for ${reported} of ${engagedMs} engaged ms`,
        );
      }),
    );
  });

  it('the traces reach every rule: switching within the grace, blur, idle, the minimum, exclusion, Save As', () => {
    const samples = fc.sample(traceArbitrary, { seed: 7, numRuns: 300 });
    let withKept = 0;
    let withDropped = 0;
    let withDiscarded = 0;
    let withMovedUntitled = 0;
    const reasons = new Set<string>();
    for (const trace of samples) {
      const played = play(trace);
      if (played.model.kept.length > 1) withKept++;
      if (played.model.droppedMs.length > 0) withDropped++;
      if (played.model.discardedMs.length > 0) withDiscarded++;
      if (played.model.kept.some((s) => s.doc.includes('/saved'))) withMovedUntitled++;
      for (const s of played.engineFinished) reasons.add(s.endReason ?? '');
    }
    assert.ok(
      withKept > 30 && withDropped > 50 && withDiscarded >= 3 && withMovedUntitled >= 2,
      JSON.stringify({ withKept, withDropped, withDiscarded, withMovedUntitled }),
    );
    for (const reason of ['idle', 'switch', 'close', 'blur', 'shutdown', 'paused'])
      assert.ok(reasons.has(reason), `no '${reason}' in ${[...reasons].join()}`);
  });
});
