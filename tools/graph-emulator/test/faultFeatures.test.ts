// The emulator features the fault suite relies on: an answer lost after the write landed, a held-open request
// forgotten when its client goes away, and the raw record of everything received.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DEFAULT_CLIENT_ID, RunningEmulator } from '..';
import { useEmulator } from '../../../test/support/emulator';

describe('emulator fault features', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  const body = (itemId: string) => ({
    appActivityId: 'feature-test',
    activitySourceHost: 'https://activity-feed.github.io',
    appDisplayName: 'Test',
    activationUrl: 'vscode://activity-feed.graph-activity-feed/open',
    visualElements: { displayText: 'feature-test' },
    historyItems: [
      { id: itemId, startedDateTime: new Date(Date.now() - 60_000).toISOString(), lastActiveDateTime: new Date().toISOString() },
    ],
  });
  const put = (itemId: string, signal?: AbortSignal) =>
    fetch(`${emulator.graphUrl}/me/activities/feature-test`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID })}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body(itemId)),
      signal,
    });
  const held = () => emulator.state.all().flatMap((a) => a.historyItems.map((h) => h.id));

  useEmulator({ throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => emulator.admin.reset());

  it('lostAnswer: the write lands, the connection is cut, and the log says so', async () => {
    emulator.admin.addFault({ method: 'PUT', fault: { kind: 'lostAnswer' }, times: 1 });
    const id = randomUUID();
    await assert.rejects(put(id));
    assert.deepEqual(held(), [id]);
    const [entry] = emulator.admin.requests();
    assert.equal(entry.lostAnswer, true);
    assert.ok(entry.status >= 200 && entry.status < 300);
  });

  it('a delay with applyIfGone false forgets the request when its client disconnects; by default the write still lands', async () => {
    emulator.admin.addFault({ method: 'PUT', fault: { kind: 'delay', ms: 400, applyIfGone: false }, times: 1 });
    await assert.rejects(put(randomUUID(), AbortSignal.timeout(100)));
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(held(), []);

    emulator.admin.addFault({ method: 'PUT', fault: { kind: 'delay', ms: 400 }, times: 1 });
    const id = randomUUID();
    await assert.rejects(put(id, AbortSignal.timeout(100)));
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(held(), [id]);
  });

  it('records every request received, byte for byte, including the ones that failed', async () => {
    emulator.admin.addFault({ method: 'PUT', fault: { kind: 'drop' }, times: 1 });
    const marker = `marker-${randomUUID()}`;
    await assert.rejects(put(marker));
    const received = (await (await fetch(`${emulator.origin}/_emulator/received`)).json()) as { base64: string };
    const text = Buffer.from(received.base64, 'base64').toString('latin1');
    assert.match(text, /^PUT \/v1\.0\/me\/activities\/feature-test HTTP\/1\.1\r\n/);
    assert.ok(text.includes(marker));
    assert.match(text, /Authorization: Bearer ey/i, 'headers are kept as they came');
  });
});
