// The scenario driver of the tracking kit (test/support/tracking.ts) fires the engine's timer as the adapter would.
import * as assert from 'node:assert/strict';
import { Scenario } from '../../support/tracking';

describe('tracking test harness', () => {
  it('fires the engine timer at each deadline while moving the clock', () => {
    const scenario = new Scenario({ idleTimeoutSeconds: 60, minimumSessionSeconds: 0 });
    scenario.show('a.ts').to(10).type('a.ts').to(500);
    assert.deepEqual(scenario.summary(), [{ doc: 'a.ts', from: 0, to: 10, active: 10, reason: 'idle' }]);
  });
});
