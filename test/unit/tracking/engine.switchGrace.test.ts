// The switch grace, file by file: whatever the order of leaving, every engaged second is in one session.
// Each case is a trace that once lost a session; "before" says what the tracker did then.
import * as assert from 'node:assert/strict';
import { TrackingEngine } from '../../../src/tracking/engine';
import { DEFAULT_TRACKING_CONFIG } from '../../../src/tracking/engineConfig';
import { fileDocument, fileUri, RecordingSink, Scenario, T0 } from '../../support/tracking';
import { VirtualClock } from '../../support/clock';

/** Shows `name` at `from` and types in it every second up to `until` (seconds after T0). */
function workIn(s: Scenario, name: string, from: number, until: number): Scenario {
  s.to(from).show(name);
  for (let second = from + 1; second < until; second++) s.to(second).type(name);
  return s.to(until).type(name);
}

describe('tracking engine: leaving a file within the switch grace', () => {
  it('A 16 s → B 14.5 s → C 16 s keeps all three sessions (before: B was lost)', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 16);
    workIn(s, 'b.ts', 16, 30.5);
    workIn(s, 'c.ts', 30.5, 46.5).to(400);
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 16, active: 16, reason: 'switch' },
      { doc: 'b.ts', from: 16, to: 30.5, active: 14, reason: 'switch' },
      { doc: 'c.ts', from: 30.5, to: 46.5, active: 16, reason: 'idle' },
    ]);
  });

  it('A 16 s → B 15.5 s → C 16 s keeps all three sessions, as it always did', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 16);
    workIn(s, 'b.ts', 16, 31.5);
    workIn(s, 'c.ts', 31.5, 47.5).to(400);
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [
        ['a.ts', 0, 16, 16],
        ['b.ts', 16, 31.5, 15],
        ['c.ts', 31.5, 47.5, 16],
      ],
    );
  });

  it('five files, 12 to 16 s each, each left within the grace of the one before: five sessions (before: every other one lost)', () => {
    const s = new Scenario();
    const stays = [16, 12, 14, 13, 15];
    let start = 0;
    stays.forEach((stay, i) => {
      workIn(s, `f${i}.ts`, start, start + stay);
      start += stay;
    });
    s.to(start + 400);
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.active]),
      stays.map((stay, i) => [`f${i}.ts`, stay]),
    );
  });

  it("A → B → A within the grace continues A, and the time on B counts as A's", () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 30);
    workIn(s, 'a.ts', 30, 50).shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 50, active: 50, reason: 'shutdown' }]);
  });

  it("A → B → C → B within the graces continues B, and the time on C counts as B's", () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 32);
    workIn(s, 'c.ts', 32, 40);
    workIn(s, 'b.ts', 40, 50).shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'switch' },
      { doc: 'b.ts', from: 20, to: 50, active: 30, reason: 'shutdown' },
    ]);
  });

  it('A → B → no editor within the grace keeps B, ended when the grace after leaving it is over (before: B was lost)', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 32);
    s.to(33).show(undefined).to(100);
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'switch' },
      { doc: 'b.ts', from: 20, to: 33, active: 13, reason: 'switch' },
    ]);
  });

  it("closing B within A's grace ends A where it was left and B at its last activity (before: B was lost)", () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 32);
    s.to(33).close('b.ts').to(100);
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'switch' },
      { doc: 'b.ts', from: 20, to: 32, active: 12, reason: 'close' },
    ]);
  });

  it('pausing within the grace keeps the file switched to (before: it was lost)', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 32);
    s.to(33).send({ type: 'pause' }).to(100);
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'switch' },
      { doc: 'b.ts', from: 20, to: 32, active: 12, reason: 'paused' },
    ]);
  });

  it('quitting within the grace keeps the file switched to (before: it was lost)', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    workIn(s, 'b.ts', 20, 32);
    s.to(33).shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'switch' },
      { doc: 'b.ts', from: 20, to: 32, active: 12, reason: 'shutdown' },
    ]);
  });

  it('coming back exactly when the grace is over starts a new session; 1 ms earlier continues the old one', () => {
    const late = new Scenario();
    workIn(late, 'a.ts', 0, 20);
    late.to(21).show('b.ts').to(36).show('a.ts').to(50).type('a.ts').shutdown();
    assert.deepEqual(
      late.summary().map((x) => [x.doc, x.from, x.to]),
      [
        ['a.ts', 0, 21],
        ['b.ts', 21, 36],
        ['a.ts', 36, 50],
      ],
    );

    const early = new Scenario();
    workIn(early, 'a.ts', 0, 20);
    early.to(21).show('b.ts').to(35.999).show('a.ts').to(50).type('a.ts').shutdown();
    assert.deepEqual(
      early.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [['a.ts', 0, 50, 50]],
    );
  });
});

describe('tracking engine: glancing at files on the way', () => {
  it("flicking through B and C and back to A within the grace continues A, B and C counting as A's time", () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    s.to(21).show('b.ts').to(22).show('c.ts').to(23).show('a.ts');
    workIn(s, 'a.ts', 23, 40).shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'shutdown' }]);
  });

  it('a glance at B on the way to C: A ends where it was left, B is dropped and logged, C starts when it was entered', () => {
    const lines: string[] = [];
    const s = new Scenario({}, { log: { debug: (line) => lines.push(line) } });
    workIn(s, 'a.ts', 0, 20);
    s.to(21).show('b.ts').to(24).show('c.ts');
    workIn(s, 'c.ts', 24, 60).shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 21, active: 21, reason: 'switch' },
      { doc: 'c.ts', from: 24, to: 60, active: 36, reason: 'shutdown' },
    ]);
    assert.deepEqual(lines, ['Tracking: dropped a session of 3 s active (switch), under the 10 s minimum.']);
  });

  it('exactly the minimum on B is work: A → B (10 s) → C → A gives A, B and a new A', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    s.to(21).show('b.ts').to(31).show('c.ts').to(32).show('a.ts');
    workIn(s, 'a.ts', 32, 50).shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [
        ['a.ts', 0, 21, 21],
        ['b.ts', 21, 31, 10],
        ['a.ts', 32, 50, 18],
      ],
    );
  });

  it('1 ms under the minimum on B is a glance: A → B (9.999 s) → C → A continues A', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    s.to(21).show('b.ts').to(30.999).show('c.ts').to(32).show('a.ts');
    workIn(s, 'a.ts', 32, 50).shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [['a.ts', 0, 50, 50]],
    );
  });

  it('peeking at B and closing it before the editor switches back continues A', () => {
    const s = new Scenario();
    workIn(s, 'a.ts', 0, 20);
    s.to(21).show('b.ts').to(24).close('b.ts').show('a.ts');
    workIn(s, 'a.ts', 24, 40).shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [['a.ts', 0, 40, 40]],
    );
  });
});

describe('tracking engine: the log names what it drops', () => {
  it('logs a session dropped under the minimum at debug level, with its duration and no document name', () => {
    const clock = new VirtualClock({ start: T0 });
    const lines: string[] = [];
    const engine = new TrackingEngine({
      sink: new RecordingSink(),
      clock,
      config: DEFAULT_TRACKING_CONFIG,
      log: { debug: (line) => lines.push(line) },
    });
    engine.handle({ type: 'open', document: fileDocument('brief.ts') });
    engine.handle({ type: 'activeEditor', key: fileUri('brief.ts') });
    clock.time += 6_500;
    engine.handle({ type: 'edit', key: fileUri('brief.ts'), inActiveEditor: true });
    engine.handle({ type: 'shutdown' });
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0] ?? '', /dropped a session of 6\.5 s active .*under the 10 s minimum/);
    assert.doesNotMatch(lines[0] ?? '', /brief/);
  });

  it('logs nothing for a session that is kept', () => {
    const clock = new VirtualClock({ start: T0 });
    const lines: string[] = [];
    const engine = new TrackingEngine({
      sink: new RecordingSink(),
      clock,
      config: DEFAULT_TRACKING_CONFIG,
      log: { debug: (line) => lines.push(line) },
    });
    engine.handle({ type: 'open', document: fileDocument('long.ts') });
    engine.handle({ type: 'activeEditor', key: fileUri('long.ts') });
    clock.time += 30_000;
    engine.handle({ type: 'edit', key: fileUri('long.ts'), inActiveEditor: true });
    engine.handle({ type: 'shutdown' });
    assert.deepEqual(lines, []);
  });
});
