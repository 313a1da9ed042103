// The benchmark's synthetic day: deterministic for a seed, and shaped like the day the write figures claim.
import * as assert from 'node:assert/strict';
import { generateTrace, type Trace } from '../../bench/trace';

const HOUR = 60 * 60_000;

describe('bench trace generator', () => {
  let trace: Trace;

  before(() => {
    trace = generateTrace();
  });

  it('gives the same trace for the same seed, and another for another seed', () => {
    assert.deepEqual(generateTrace(), trace);
    const other = generateTrace({ seed: 7 });
    assert.notDeepEqual(other.events.slice(0, 200), trace.events.slice(0, 200));
  });

  it('spans a working day of 8 hours, in time order', () => {
    assert.ok(trace.endAt - trace.startAt >= 8 * HOUR);
    assert.ok(trace.events[trace.events.length - 1].at >= trace.startAt + 7.9 * HOUR);
    for (let i = 1; i < trace.events.length; i++)
      assert.ok(trace.events[i].at >= trace.events[i - 1].at, `event ${i} goes back in time`);
  });

  it('has the person work in at least 40 files, switching often', () => {
    const activated = new Set(
      trace.events.flatMap(({ event }) => (event.type === 'activeEditor' && event.key !== undefined ? [event.key] : [])),
    );
    const typedIn = new Set(
      trace.events.flatMap(({ event }) => (event.type === 'edit' && event.inActiveEditor ? [event.key] : [])),
    );
    assert.ok(activated.size >= 40, `${activated.size} files activated`);
    assert.ok(typedIn.size >= 30, `${typedIn.size} files typed in`);
    assert.ok(trace.events.filter(({ event }) => event.type === 'activeEditor').length >= 100);
  });

  it('contains reading without edits, typing bursts, blur and focus, and idle gaps', () => {
    const count = (type: string) => trace.events.filter(({ event }) => event.type === type).length;
    assert.ok(count('scroll') > 500);
    assert.ok(trace.events.some(({ event }) => event.type === 'selection' && event.kind === 'mouse'));
    assert.ok(count('edit') > 5000);
    assert.ok(count('focus') >= 10);
    const gaps = trace.events.slice(1).filter((e, i) => e.at - trace.events[i].at >= 10 * 60_000).length;
    assert.ok(gaps >= 3, `${gaps} gaps of 10 minutes or more`);
    assert.deepEqual(
      trace.breaks.map((b) => b.kind),
      ['coffee', 'meeting', 'lunch', 'coffee', 'meeting'],
    );
  });

  it('contains one workspace-wide replace that edits and saves 200 files at once', () => {
    assert.equal(trace.replace.files, 200);
    const within = trace.events.filter(({ at }) => at >= trace.replace.at && at < trace.replace.at + 10_000);
    const edited = new Set(within.flatMap(({ event }) => (event.type === 'edit' ? [event.key] : [])));
    const saved = new Set(within.flatMap(({ event }) => (event.type === 'save' ? [event.key] : [])));
    assert.equal(edited.size, 200);
    assert.equal(saved.size, 200);
    // Exactly one such burst in the day.
    const backgroundEdits = trace.events.filter(({ event }) => event.type === 'edit' && !event.inActiveEditor);
    assert.ok(backgroundEdits.length >= 199 && backgroundEdits.length <= 200);
  });
});
