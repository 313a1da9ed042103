import * as assert from 'node:assert/strict';
import { formatByteCap, readBodyText, utf8Boundary } from '../../../src/net/readBody';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A Response whose body arrives in the given chunks. */
function answer(...chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
  );
}

/** A body that never ends, counting the chunks it was asked for and whether it was cancelled. */
function endless(chunkBytes: number) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls++;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(stream), seen };
}

describe('readBodyText: a network answer read up to a cap', () => {
  it('reads a body under the cap whole', async () => {
    assert.deepEqual(await readBodyText(answer(bytes('{"ok":'), bytes('true}')), 64), { text: '{"ok":true}', truncated: false });
  });

  it('reads a body of exactly the cap whole, not truncated', async () => {
    assert.deepEqual(await readBodyText(answer(bytes('abcde'), bytes('fghij')), 10), { text: 'abcdefghij', truncated: false });
  });

  it('cuts a body one byte over the cap, and says so', async () => {
    assert.deepEqual(await readBodyText(answer(bytes('abcdefghijk')), 10), { text: 'abcdefghij', truncated: true });
    assert.deepEqual(await readBodyText(answer(bytes('abcdefghij'), bytes('k')), 10), { text: 'abcdefghij', truncated: true });
  });

  it('reads an empty or absent body as empty text', async () => {
    assert.deepEqual(await readBodyText(new Response(null, { status: 204 }), 10), { text: '', truncated: false });
    assert.deepEqual(await readBodyText(answer(), 10), { text: '', truncated: false });
  });

  it('returns promptly from an endless body and cancels it, having pulled only about the cap', async () => {
    const { response, seen } = endless(16 * 1024);
    const started = Date.now();
    const body = await readBodyText(response, 1024 * 1024);
    assert.equal(body.truncated, true);
    assert.equal(Buffer.byteLength(body.text), 1024 * 1024);
    assert.ok(Date.now() - started < 2000, 'returned promptly');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(seen.cancelled, true, 'the rest of the stream was cancelled');
    assert.ok(seen.pulls <= 66, `pulled ${seen.pulls} chunks for a 1 MB cap`);
  });

  it('never splits a multi-byte character at the cut', async () => {
    for (const character of ['é', '€', '😀']) {
      const body = character.repeat(100);
      for (let cap = 1; cap <= 12; cap++) {
        const read = await readBodyText(answer(bytes(body)), cap);
        assert.equal(read.truncated, true);
        assert.ok(!read.text.includes('\uFFFD'), `${character} cut at ${cap} bytes: ${JSON.stringify(read.text)}`);
        assert.equal(read.text, character.repeat(Math.floor(cap / Buffer.byteLength(character))));
      }
    }
  });

  it('still decodes a body that ends mid-character but is not cut (as response.text() does)', async () => {
    const whole = bytes('a€');
    const read = await readBodyText(answer(whole.subarray(0, 3)), 10);
    assert.deepEqual(read, { text: 'a\uFFFD', truncated: false });
  });

  it('utf8Boundary: steps back only over an incomplete sequence', () => {
    const text = bytes('a😀b');
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((end) => utf8Boundary(text, end)),
      [1, 1, 1, 1, 5, 6],
    );
  });

  it('formatByteCap names a cap as a message does', () => {
    assert.equal(formatByteCap(4 * 1024 * 1024), '4 MB');
    assert.equal(formatByteCap(64 * 1024), '64 KB');
    assert.equal(formatByteCap(1000), '1000 bytes');
  });
});
