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
    const body = '{"error":{"code":"InvalidRequest","message":"Bad field"},"token_type":"Bearer","expires_in":3599}';
    assert.equal(redact(body), body);
  });

  // Each shape a page echoing the request, MSAL, or an OAuth exchange may put into an error text. The secret is
  // always the word SECRET plus a suffix, so the check is the same for each: it is gone, the rest still reads.
  const shapes: [string, string][] = [
    ['Authorization header', 'authorization: Basic SECRET1'],
    ['bearer token in prose', 'sent with bearer SECRET2 to Graph'],
    ['JWT shape', `the assertion ${jwt.replace('c2lnbmF0dXJl', 'SECRET3')}`],
    ['{"token":…}', '{"token":"SECRET4"}'],
    ['access_token in JSON', '{"access_token":"SECRET5","token_type":"Bearer"}'],
    ['accessToken in JSON', '{"accessToken": "SECRET6"}'],
    ['refresh_token in a form body', 'grant_type=refresh_token&refresh_token=SECRET7&scope=x'],
    ['refreshToken in JSON', '{"refreshToken":"SECRET8"}'],
    ['id_token in JSON', '{"id_token":"SECRET9"}'],
    ['MSAL cache secret', '{"RefreshToken":{"k":{"credentialType":"RefreshToken","secret":"SECRET10"}}}'],
    ['?code= in a URL', 'redirected to http://localhost/?code=SECRET11&state=abc'],
    ['&code= in a form body', 'grant_type=authorization_code&code=SECRET12&redirect_uri=x'],
    ['code_verifier', 'code_verifier=SECRET13&client_id=x'],
    ['client_assertion', '{"client_assertion":"SECRET14"}'],
    ['client_secret', 'client_secret=SECRET15'],
    ['Cookie header', 'Cookie: session=SECRET16; theme=dark'],
    ['Set-Cookie header', 'Set-Cookie: sid=SECRET17; HttpOnly; Secure'],
    ['cookie in JSON headers', '{"headers":{"cookie":"sid=SECRET18; a=b"}}'],
    ['password field with spaces', '{"user":"ann","password":"SECRET19 and more words"}'],
    ['JSON escaped inside a string', '"{\\"token\\":\\"SECRET20\\"}"'],
    ['device_code', '{"device_code":"SECRET21"}'],
  ];
  for (const [name, text] of shapes) {
    it(`hides ${name}`, () => {
      const out = redact(text);
      assert.ok(!/SECRET\d/.test(out), out);
      assert.ok(out.includes('[redacted'), out);
      assert.equal(redact(out), out, 'redacting twice changes nothing');
    });
  }

  it('keeps the field names, so a reader sees what was there', () => {
    assert.equal(redact('{"token":"abc"}'), '{"token":"[redacted]"}');
    assert.equal(redact('a=1&code=xyz&b=2'), 'a=1&code=[redacted]&b=2');
  });
});
