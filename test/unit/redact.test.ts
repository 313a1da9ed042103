import * as assert from 'node:assert/strict';
import { redact } from '../../src/redact';

describe('redact', () => {
  const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLWJ5dGVz';

  it('hides a bearer token in an Authorization header', () => {
    const out = redact(`PUT /me/activities/x Authorization: Bearer ${jwt}`);
    assert.ok(!out.includes(jwt), out);
    assert.ok(!out.includes('eyJ0eXAi'), out);
  });

  it('hides a bare JWT and OAuth form fields', () => {
    const out = redact(`token=${jwt} refresh_token=0.AAAA-secret-value&access_token=opaque123`);
    assert.ok(!out.includes(jwt));
    assert.ok(!out.includes('0.AAAA-secret-value'));
    assert.ok(!out.includes('opaque123'));
  });

  it('keeps Graph error codes and ordinary text readable', () => {
    const line = 'PUT /me/activities/abc failed: 404 itemNotFound (code: itemNotFound) request-id 1234';
    assert.equal(redact(line), line);
  });
});
