// The rules the benchmark compares our write count with, on tiny hand-made traces.
import * as assert from 'node:assert/strict';
import type { TrackingEvent } from '../../../src/tracking/engineEvents';
import type { TimedEvent } from '../../bench/trace';
import { heartbeatWrites, peakInWindow, perEventWrites } from '../../bench/writeRules';

const S = 1000;
const A = 'file:///p/a.ts';
const B = 'file:///p/b.ts';

function at(seconds: number, event: TrackingEvent): TimedEvent {
  return { at: seconds * S, event };
}

describe('bench write rules', () => {
  it('heartbeat: a write when the active file changes, then at most one per 2 minutes of activity per file', () => {
    const trace = [
      at(0, { type: 'activeEditor', key: A }), // write 1 (A becomes active)
      at(10, { type: 'edit', key: A, inActiveEditor: true }), // < 2 min since A's write
      at(100, { type: 'scroll', key: A }),
      at(125, { type: 'edit', key: A, inActiveEditor: true }), // write 2 (>= 2 min)
      at(130, { type: 'activeEditor', key: B }), // write 3 (switch)
      at(140, { type: 'edit', key: A, inActiveEditor: false }), // not the active file: ignored
      at(200, { type: 'activeEditor', key: A }), // write 4 (switch back, even within 2 min)
      at(210, { type: 'focus', focused: false }),
      at(400, { type: 'edit', key: A, inActiveEditor: true }), // window not focused: ignored
      at(500, { type: 'focus', focused: true }),
      at(501, { type: 'selection', key: A, kind: 'keyboard' }), // write 5 (>= 2 min since 200)
      at(600, { type: 'activeEditor', key: A }), // same file again: no change, no write
      at(700, { type: 'edit', key: A, inActiveEditor: true }), // 199 s after the last write for A: write 6
    ];
    assert.deepEqual(
      heartbeatWrites(trace),
      [0, 125, 130, 200, 501, 700].map((s) => s * S),
    );
  });

  it('heartbeat: no activity, no write', () => {
    assert.deepEqual(
      heartbeatWrites([at(0, { type: 'activeEditor', key: A }), at(3600, { type: 'focus', focused: false })]),
      [0],
    );
  });

  it('per event: every editor event is a write; opening and closing documents are not', () => {
    const trace = [
      at(0, { type: 'open', document: { key: A, languageId: 'typescript', trackingEnabled: true, exclude: [] } }),
      at(1, { type: 'activeEditor', key: A }),
      at(2, { type: 'edit', key: A, inActiveEditor: true }),
      at(3, { type: 'edit', key: B, inActiveEditor: false }),
      at(4, { type: 'save', key: B }),
      at(5, { type: 'close', key: B }),
    ];
    assert.deepEqual(
      perEventWrites(trace),
      [1, 2, 3, 4].map((s) => s * S),
    );
  });

  it('peak in any window counts the busiest stretch, window end included, start excluded', () => {
    assert.equal(peakInWindow([], 300), 0);
    // (1, 301] holds 100, 200, 299, 300 and 301; 0 has just left the window.
    assert.equal(peakInWindow([0, 100, 200, 299, 300, 301, 1000], 300), 5);
    assert.equal(peakInWindow([5, 5, 5], 1), 3);
  });
});
