// The @azure/identity HTTP client reads the sign-in service's answers up to a cap.
import * as assert from 'node:assert/strict';
import { AnswerTooLargeError, FetchHttpClient, SIGN_IN_BODY_CAP } from '../../../src/auth/fetchHttpClient';

const TOKEN_URL = 'https://login.example.org/common/oauth2/v2.0/token';

function tokenRequest() {
  return {
    url: TOKEN_URL,
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']] as [string, string][],
  };
}

/** A token endpoint that streams `total` bytes of JSON-looking text, noting whether the client cancelled the rest. */
function streamingEndpoint(total: number) {
  const seen = { sent: 0, cancelled: false };
  const fetchImpl = () =>
    Promise.resolve(
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              const size = Math.min(16 * 1024, total - seen.sent);
              if (size <= 0) return controller.close();
              seen.sent += size;
              controller.enqueue(new Uint8Array(size).fill(0x61));
            },
            cancel() {
              seen.cancelled = true;
            },
          },
          { highWaterMark: 0 },
        ),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    );
  return { fetchImpl, seen };
}

describe('FetchHttpClient: sign-in answers read up to a cap', () => {
  it('passes an ordinary token answer on whole, with its status and headers', async () => {
    const body = JSON.stringify({ token_type: 'Bearer', access_token: 'x'.repeat(4000), expires_in: 3600 });
    const client = new FetchHttpClient(() =>
      Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    const response = await client.sendRequest(tokenRequest());
    assert.equal(response.status, 200);
    assert.equal(response.bodyAsText, body);
    assert.equal(response.headers.get('content-type'), 'application/json');
  });

  it('passes an answer of exactly the cap on whole', async () => {
    const { fetchImpl, seen } = streamingEndpoint(SIGN_IN_BODY_CAP);
    const response = await new FetchHttpClient(fetchImpl).sendRequest(tokenRequest());
    assert.equal(response.bodyAsText.length, SIGN_IN_BODY_CAP);
    assert.equal(seen.cancelled, false);
  });

  it('refuses a huge token-endpoint answer with a bounded message, reading only the cap and cancelling the rest', async () => {
    const { fetchImpl, seen } = streamingEndpoint(8 * 1024 * 1024);
    const error = await new FetchHttpClient(fetchImpl).sendRequest(tokenRequest()).catch((e: unknown) => e);
    assert.ok(error instanceof AnswerTooLargeError);
    assert.equal(
      error.message,
      'The sign-in service at https://login.example.org answered with more than 64 KB; the answer was not read.',
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(seen.cancelled, true);
    assert.ok(seen.sent <= SIGN_IN_BODY_CAP + 32 * 1024, `${seen.sent} bytes pulled`);
  });
});
