// What activation sends before the services exist (settings problems, privacy questions, finished sessions) reaches
// it, in order, once it takes over; nothing is dropped and nothing is delivered twice.
import * as assert from 'node:assert/strict';
import { HandOver } from '../../../src/app/handOver';

describe('HandOver', () => {
  it('keeps what was sent before there was a handler and delivers it in order when one arrives', () => {
    const handOver = new HandOver<string>();
    handOver.send('tracking settings invalid');
    handOver.send('session 1 finished');
    const received: string[] = [];
    handOver.handleWith((value) => received.push(value));
    assert.deepEqual(received, ['tracking settings invalid', 'session 1 finished']);

    handOver.send('session 2 finished');
    assert.deepEqual(received, ['tracking settings invalid', 'session 1 finished', 'session 2 finished']);
  });

  it('delivers what was sent while the handler was catching up, once', () => {
    const handOver = new HandOver<number>();
    handOver.send(1);
    const received: number[] = [];
    handOver.handleWith((value) => {
      received.push(value);
      if (value === 1) handOver.send(2);
    });
    assert.deepEqual(received, [1, 2]);
  });
});
