import * as assert from 'node:assert/strict';
import { classifyStatus, GraphError, graphErrorFromResponse, parseErrorBody } from '../../../src/graph/errors';

const envelope = JSON.stringify({
  error: {
    code: 'invalidRequest',
    message: "Property 'colour' does not exist.",
    innerError: { date: '2026-03-15T18:12:03', 'request-id': 'r-1', 'client-request-id': 'c-1' },
  },
});

describe('Graph errors', () => {
  it('parses the error envelope and tolerates other bodies', () => {
    assert.deepEqual(parseErrorBody(envelope), { code: 'invalidRequest', message: "Property 'colour' does not exist." });
    assert.deepEqual(parseErrorBody('{"error":{"code":'), {});
    assert.deepEqual(parseErrorBody('<html>Bad gateway</html>'), {});
    assert.deepEqual(parseErrorBody('{"error":"nope"}'), {});
  });

  it('classifies statuses', () => {
    for (const s of [0, 408, 429, 500, 502, 503, 504]) assert.equal(classifyStatus(s), 'retryable');
    assert.equal(classifyStatus(401), 'needsSignIn');
    for (const s of [400, 403, 404, 409, 501]) assert.equal(classifyStatus(s), 'permanent');
  });

  it('builds a typed error with an actionable message and both request ids', () => {
    const error = graphErrorFromResponse({
      status: 400,
      bodyText: envelope,
      requestId: 'r-1',
      clientRequestId: 'c-1',
      method: 'PUT',
      path: '/me/activities/x',
    });
    assert.ok(error instanceof GraphError);
    assert.equal(error.kind, 'permanent');
    assert.equal(error.code, 'invalidRequest');
    assert.match(
      error.message,
      /^Microsoft Graph refused the request \(400 invalidRequest\): Property 'colour' does not exist\. This is a bug in the extension/,
    );
    assert.match(error.toLogLine(), /request-id r-1, client-request-id c-1/);
  });

  it('falls back to the status when the body is not an envelope', () => {
    const error = graphErrorFromResponse({
      status: 502,
      bodyText: '<html>Bad gateway</html>',
      retryAfterMs: 1500,
      method: 'GET',
      path: '/me/activities',
    });
    assert.equal(error.code, 'http502');
    assert.equal(error.kind, 'retryable');
    assert.equal(error.retryAfterMs, 1500);
    assert.match(error.message, /temporarily unavailable/);
  });

  it('tells the person what to do on 401 and 403', () => {
    assert.match(graphErrorFromResponse({ status: 401, bodyText: '', method: 'GET', path: '/' }).message, /Sign in again/);
    assert.match(
      graphErrorFromResponse({ status: 403, bodyText: '', method: 'GET', path: '/' }).message,
      /UserActivity\.ReadWrite\.CreatedByApp/,
    );
  });
});
