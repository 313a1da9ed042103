import * as assert from 'node:assert/strict';
import { FaultInjector } from '../faults';

describe('emulator: fault injector', () => {
  it('hands out a scripted sequence in order, to matching requests only, then stops', () => {
    const faults = new FaultInjector();
    faults.add({
      method: 'PUT',
      path: '^/me/activities',
      sequence: [{ kind: 'status', status: 503, retryAfter: '1' }, { kind: 'drop' }],
    });
    assert.equal(faults.next('GET', '/me/activities', false), undefined);
    assert.equal(faults.next('PUT', '/$batch', false), undefined);
    assert.equal(faults.next('PUT', '/me/activities/x', true), undefined, 'top-level rules skip batch items');
    assert.deepEqual(faults.next('PUT', '/me/activities/x', false), { kind: 'status', status: 503, retryAfter: '1' });
    assert.deepEqual(faults.next('put', '/me/activities/y', false), { kind: 'drop' });
    assert.equal(faults.next('PUT', '/me/activities/z', false), undefined);
    assert.deepEqual(faults.list(), []);
  });

  it('applies a rate with the injected dice, at most `times` times', () => {
    const rolls = [0.1, 0.9, 0.2, 0.05, 0.3];
    const faults = new FaultInjector(() => rolls.shift() ?? 0);
    faults.add({ fault: { kind: 'status', status: 500 }, rate: 0.25, times: 2 });
    const hits = [1, 2, 3, 4, 5].map(() => faults.next('GET', '/me/activities', false)?.kind ?? 'none');
    assert.deepEqual(hits, ['status', 'none', 'status', 'none', 'none']);
  });
});
