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

  const setFault = (rule: unknown) =>
    fetch(`${emulator.origin}/_emulator/faults`, { method: 'POST', body: JSON.stringify(rule) });

  it('bigBody (set through the admin API): an 8 MB Graph error body of exactly that size, still valid JSON', async () => {
    const bytes = 8 * 1024 * 1024;
    assert.equal((await setFault({ method: 'PUT', fault: { kind: 'bigBody', status: 500, bytes }, times: 1 })).status, 200);
    const response = await put(randomUUID());
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-length'), String(bytes));
    const text = Buffer.from(await response.arrayBuffer());
    assert.equal(text.byteLength, bytes);
    const body = JSON.parse(text.toString('utf8')) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'hugeAnswer');
    assert.match(body.error.message, /^x+ *$/);
    assert.deepEqual(held(), [], 'the work was not done');
    assert.equal(emulator.admin.requests()[1].status, 500);
  });

  it('bigBody: a 2xx of an odd size in a multi-byte fill, and a client that leaves mid-body', async () => {
    await setFault({ method: 'GET', fault: { kind: 'bigBody', status: 200, bytes: 100_002, fill: 'é' }, times: 1 });
    const token = emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID });
    const list = () => fetch(`${emulator.graphUrl}/me/activities`, { headers: { Authorization: `Bearer ${token}` } });
    const text = Buffer.from(await (await list()).arrayBuffer());
    assert.equal(text.byteLength, 100_002);
    assert.deepEqual(Object.keys(JSON.parse(text.toString('utf8')) as object), ['value', 'padding']);

    await setFault({ method: 'GET', fault: { kind: 'bigBody', status: 500, bytes: 64 * 1024 * 1024 }, times: 1 });
    const reader = (await list()).body!.getReader();
    await reader.read();
    await reader.cancel();
    assert.equal((await list()).status, 200, 'the emulator stopped streaming and answers the next request');
  });

  it('the admin API refuses a bigBody or echo fault it could not send', async () => {
    for (const fault of [
      { kind: 'bigBody', status: 500, bytes: -1 },
      { kind: 'bigBody', status: 500, bytes: 1.5 },
      { kind: 'bigBody', status: 500, bytes: 10, fill: '"' },
      { kind: 'echo', status: 400, forms: ['urlEncoded', 'morse'] },
    ]) {
      const response = await setFault({ sequence: [fault] });
      assert.equal(response.status, 400, JSON.stringify(fault));
      assert.match(((await response.json()) as { error: string }).error, /bigBody|echo/);
    }
    assert.deepEqual(emulator.admin.dump().faults, []);
  });

  it('echo with forms: the Authorization value and the body again, URL-encoded, as a form, in an HTML attribute and as a word', async () => {
    const forms = ['urlEncoded', 'form', 'htmlAttribute', 'word'];
    assert.equal((await setFault({ method: 'PUT', fault: { kind: 'echo', status: 400, forms }, times: 1 })).status, 200);
    const token = emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID });
    const sent = '{"a":"<b>&c d"}';
    const response = await fetch(`${emulator.graphUrl}/me/activities/echo`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: sent,
    });
    assert.equal(response.status, 400);
    const message = ((await response.json()) as { error: { message: string } }).error.message;
    assert.ok(message.includes(`Authorization: Bearer ${token}`), 'the plain echo is still there');
    assert.ok(message.includes(`authorization=Bearer%20${token} body=${encodeURIComponent(sent)}`), 'URL-encoded');
    assert.ok(message.includes(new URLSearchParams({ authorization: `Bearer ${token}`, body: sent }).toString()), 'form');
    assert.ok(message.includes(`name="authorization" value="Bearer ${token}"`), 'HTML attribute');
    assert.ok(message.includes('value="{&quot;a&quot;:&quot;&lt;b&gt;&amp;c d&quot;}"'), 'HTML attribute, escaped');
    assert.ok(message.includes(`token ${token} body ${sent}`), 'plain word');
  });
});
