// Counterexamples the reference model found against the tracker as it was (shrunk traces, replayed as they were
// found). Each one lost engaged time; "before" says what the old tracker did. Sessions read as [file, from s, to s,
// active s].
import * as assert from 'node:assert/strict';
import { T0 } from '../../support/tracking';
import { play, type Trace } from './traces';

interface Counterexample {
  readonly name: string;
  readonly before: string;
  readonly trace: Trace;
  readonly expected: Array<[string, number, number, number]>;
}

const COUNTEREXAMPLES: Counterexample[] = [
  {
    name: 'the file switched to, left for no editor within the grace (window focused late)',
    before: 'b.ts was lost: leaving the candidate for no editor dropped it',
    trace: {
      config: {
        idleTimeoutSeconds: 30,
        switchGraceSeconds: 11,
        blurGraceSeconds: 3,
        minimumSessionSeconds: 3,
        checkpointIntervalSeconds: 13,
      },
      focused: false,
      timerOnTime: false,
      steps: [
        { waitMs: 10999, step: { kind: 'look', slot: 'a' } },
        { waitMs: 0, step: { kind: 'focus', focused: true } },
        { waitMs: 0, step: { kind: 'look', slot: 'b' } },
        { waitMs: 1231, step: { kind: 'saveAs', showFirst: false } },
        { waitMs: 1769, step: { kind: 'look' } },
        { waitMs: 0, step: { kind: 'select', slot: 'a', by: 'keyboard' } },
        { waitMs: 10999, step: { kind: 'type', slot: 'a' } },
        { waitMs: 0, step: { kind: 'editElsewhere', slot: 'active' } },
        { waitMs: 10999, step: { kind: 'type', slot: 'active' } },
        { waitMs: 0, step: { kind: 'focus', focused: false } },
      ],
    },
    expected: [['b.ts', 10.999, 13.999, 3]],
  },
  {
    name: 'quitting while the file switched to is still within the grace of the one before',
    before: 'a.ts was lost: quitting dropped the candidate',
    trace: {
      config: {
        idleTimeoutSeconds: 59,
        switchGraceSeconds: 59,
        blurGraceSeconds: 0,
        minimumSessionSeconds: 3,
        checkpointIntervalSeconds: 10,
      },
      focused: true,
      timerOnTime: false,
      steps: [
        { waitMs: 58999, step: { kind: 'look', slot: 'b' } },
        { waitMs: 58999, step: { kind: 'look', slot: 'a' } },
        { waitMs: 0, step: { kind: 'type', slot: 'active' } },
        { waitMs: 0, step: { kind: 'type', slot: 'active' } },
        { waitMs: 1116, step: { kind: 'look', slot: 'a' } },
        { waitMs: 1884, step: { kind: 'type', slot: 'active' } },
      ],
    },
    expected: [
      ['b.ts', 58.999, 117.998, 58],
      ['a.ts', 117.998, 120.998, 3],
    ],
  },
  {
    name: 'an untitled buffer switched to, then no editor, then pause',
    before: "the untitled buffer's 5 s session was lost: leaving the candidate for no editor dropped it",
    trace: {
      config: {
        idleTimeoutSeconds: 41,
        switchGraceSeconds: 11,
        blurGraceSeconds: 41,
        minimumSessionSeconds: 5,
        checkpointIntervalSeconds: 23,
      },
      focused: true,
      timerOnTime: false,
      steps: [
        { waitMs: 0, step: { kind: 'look', slot: 'a' } },
        { waitMs: 0, step: { kind: 'newUntitled' } },
        { waitMs: 0, step: { kind: 'save', slot: 'active' } },
        { waitMs: 1478, step: { kind: 'type', slot: 'active' } },
        { waitMs: 796, step: { kind: 'type', slot: 'a' } },
        { waitMs: 2726, step: { kind: 'look' } },
        { waitMs: 0, step: { kind: 'pause' } },
      ],
    },
    expected: [['untitled:Untitled-2', 0, 5, 5]],
  },
  {
    name: 'pausing right after switching',
    before: 'a.ts was lost: pausing ended only the session left and dropped the candidate',
    trace: {
      config: {
        idleTimeoutSeconds: 104,
        switchGraceSeconds: 104,
        blurGraceSeconds: 4,
        minimumSessionSeconds: 0,
        checkpointIntervalSeconds: 58,
      },
      focused: true,
      timerOnTime: false,
      steps: [
        { waitMs: 0, step: { kind: 'look', slot: 'b' } },
        { waitMs: 0, step: { kind: 'look', slot: 'a' } },
        { waitMs: 0, step: { kind: 'pause' } },
        { waitMs: 0, step: { kind: 'focus', focused: false } },
        { waitMs: 0, step: { kind: 'type', slot: 'active' } },
        { waitMs: 0, step: { kind: 'scroll', slot: 'active' } },
        { waitMs: 103999, step: { kind: 'type', slot: 'active' } },
        { waitMs: 103999, step: { kind: 'look' } },
      ],
    },
    expected: [
      ['b.ts', 0, 0, 0],
      ['a.ts', 0, 0, 0],
    ],
  },
  {
    name: 'closing the buffer switched to while it is still the active editor',
    before: 'Untitled-3 was lost: closing the candidate dropped it',
    trace: {
      config: {
        idleTimeoutSeconds: 106,
        switchGraceSeconds: 12,
        blurGraceSeconds: 15,
        minimumSessionSeconds: 0,
        checkpointIntervalSeconds: 47,
      },
      focused: true,
      timerOnTime: false,
      steps: [
        { waitMs: 11999, step: { kind: 'newUntitled' } },
        { waitMs: 0, step: { kind: 'newUntitled' } },
        { waitMs: 0, step: { kind: 'scroll', slot: 'active' } },
        { waitMs: 0, step: { kind: 'type', slot: 'active' } },
        { waitMs: 0, step: { kind: 'close', slot: 'active' } },
        { waitMs: 0, step: { kind: 'focus', focused: false } },
        { waitMs: 0, step: { kind: 'look' } },
      ],
    },
    expected: [
      ['untitled:Untitled-2', 11.999, 11.999, 0],
      ['untitled:Untitled-3', 11.999, 11.999, 0],
    ],
  },
  {
    name: 'saving a file shown a moment before, in the background, while the new untitled buffer is the file switched to',
    before:
      "a.ts's 18 s went to Untitled-2: the save was taken for the buffer's Save As, which ended a.ts's session before the way back to it",
    trace: {
      config: {
        idleTimeoutSeconds: 117,
        switchGraceSeconds: 117,
        blurGraceSeconds: 0,
        minimumSessionSeconds: 18,
        checkpointIntervalSeconds: 48,
      },
      focused: true,
      timerOnTime: false,
      steps: [
        { waitMs: 116999, step: { kind: 'look', slot: 'a' } },
        { waitMs: 0, step: { kind: 'newUntitled' } },
        { waitMs: 1, step: { kind: 'resume' } },
        { waitMs: 0, step: { kind: 'type', slot: 'a' } },
        { waitMs: 0, step: { kind: 'save', slot: 'a' } },
        { waitMs: 17999, step: { kind: 'back' } },
        { waitMs: 0, step: { kind: 'look' } },
      ],
    },
    expected: [['a.ts', 116.999, 134.999, 18]],
  },
];

describe('tracking engine: counterexamples found by the reference model', () => {
  for (const example of COUNTEREXAMPLES) {
    it(`${example.name} (before: ${example.before})`, () => {
      const played = play(example.trace);
      const kept = played.engine.kept.map((s) => [
        s.doc.replace('file:///work/', ''),
        (s.start - T0) / 1000,
        (s.last - T0) / 1000,
        s.activeSeconds,
      ]);
      assert.deepEqual(kept, example.expected);
      assert.deepEqual(played.engine, played.model);
    });
  }
});
