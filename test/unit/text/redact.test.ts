import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { REDACT_LIMIT, forgetSecret, redact, rememberSecret, rememberSecretsIn, secretRegistry } from '../../../src/text/redact';

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

describe('redact: echoes of a secret field, by shape', () => {
  // The value is always SECRET plus a suffix; nothing is remembered, so only the shape can find it.
  const echoes: [string, string][] = [
    ['URL-encoded JSON', 'body=%7B%22refresh_token%22%3A%22SECRETa1%22%2C%22scope%22%3A%22x%22%7D'],
    ['URL-encoded JSON, lowercase hex', 'body=%7b%22access_token%22%3a%22SECRETa2%22%7d'],
    ['URL-encoded JSON escaped in a string', 'q=%5C%22refresh_token%5C%22%3A%5C%22SECRETa3%5C%22'],
    ['double URL-encoded JSON', 'next=%2522refresh_token%2522%253A%2522SECRETa4%2522'],
    ['a URL-encoded form body', 'state=grant_type%3Drefresh_token%26refresh_token%3DSECRETa5%26scope%3Dx'],
    ['HTML-escaped JSON', '<pre>{&quot;access_token&quot;:&quot;SECRETa6&quot;,&quot;expires_in&quot;:3599}</pre>'],
    ['HTML-escaped JSON with &#34;', '{&#34;refresh_token&#34;: &#34;SECRETa7&#34;}'],
    ['an HTML attribute named like a secret', '<div data-token="SECRETa8" class="x">'],
    ['an HTML attribute holding HTML-escaped quotes', '<div data-access-token=&quot;SECRETa9&quot;>'],
    ['a hidden form input', '<input type="hidden" name="refresh_token" value="SECRETb1">'],
    ['a form input, value first', '<input value=\'SECRETb2\' id="client_secret" type=hidden>'],
    ['a meta tag', '<meta name="csrf-token" content="SECRETb3">'],
    ['token <value>', 'rejected token abc123SECRETb4 for this tenant'],
    ['Token: <value>', 'Token: SECRETb5'],
    ['a JSON body cut in the middle of a secret', '{"refresh_token":"SECRETb6'],
    ['the HTML-escaped body cut in the middle', '&quot;refresh_token&quot;:&quot;SECRETb7'],
  ];
  for (const [name, text] of echoes) {
    it(`hides ${name}`, () => {
      const out = redact(text);
      assert.doesNotMatch(out, /SECRET/, out);
      assert.ok(out.includes('[redacted]'), out);
      assert.equal(redact(out), out, 'redacting twice changes nothing');
    });
  }

  it('keeps the name and the quoting, so a reader sees what was there', () => {
    assert.equal(redact('%22refresh_token%22%3A%22abc%22%7D'), '%22refresh_token%22%3A%22[redacted]%22%7D');
    assert.equal(redact('&quot;token&quot;:&quot;abc&quot;,'), '&quot;token&quot;:&quot;[redacted]&quot;,');
    assert.equal(redact('a%26refresh_token%3Dabc%26b%3D1'), 'a%26refresh_token%3D[redacted]%26b%3D1');
    assert.equal(redact('<input name="token" value="abc">'), '<input name="token" value="[redacted]">');
  });

  it('leaves prose about tokens alone', () => {
    for (const line of [
      'the token expired at 10:00',
      'token refresh failed after 3 attempts',
      'Sign in again: the refresh token was revoked',
      '"token_type":"Bearer"',
      '<input name="username" value="ann">',
    ]) {
      assert.equal(redact(line), line);
    }
  });
});

describe('redact: the secrets in use', () => {
  // Characters that each encoding changes: `/`, `+`, `=`, `!`, `*`, `$`, `'`, a space, a quote.
  const token = 'M.C5_BAY.0.U.-Cp!ab/cd+ef==gh*$x\'y z"q';
  afterEach(() => forgetSecret(token));

  it('finds the secret in every encoding an echo can use', () => {
    rememberSecret(token);
    const forms: [string, string][] = [
      ['raw', token],
      ['encodeURIComponent', encodeURIComponent(token)],
      ['form encoding', new URLSearchParams({ x: token }).toString().slice(2)],
      ['JSON-escaped', JSON.stringify(token).slice(1, -1)],
      ['HTML-escaped, &#x2F;', token.replaceAll('"', '&quot;').replaceAll("'", '&#x27;').replaceAll('/', '&#x2F;')],
      ['HTML-escaped, &#47;', token.replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('/', '&#47;')],
      ['base64', Buffer.from(token).toString('base64')],
      ['base64url', Buffer.from(token).toString('base64url')],
    ];
    for (const [name, form] of forms) {
      const out = redact(`echo: ${form} end`);
      assert.ok(!out.includes(form), `${name}: ${out}`);
      assert.ok(out.startsWith('echo: [redacted]'), `${name}: ${out}`);
    }
  });

  it('finds it base64-encoded inside a longer credential, at any alignment', () => {
    rememberSecret(token);
    for (const user of ['a', 'ab', 'abc']) {
      const basic = Buffer.from(`${user}:${token}`).toString('base64');
      const out = redact(`X-Echo: ${basic}`);
      assert.ok(out.includes('[redacted]'), out);
      // At most the last two bytes' worth of characters stay: no run of the encoded secret.
      assert.ok(out.length < `X-Echo: ${basic}`.length, out);
    }
  });

  it('forgets a secret, and ignores ones too short to search for', () => {
    rememberSecret(token);
    forgetSecret(token);
    assert.equal(redact(`echo ${token}`), `echo ${token}`);
    rememberSecret('short');
    assert.equal(redact('a short word'), 'a short word');
  });

  it('remembers the tokens in a serialized token cache', () => {
    const cache = JSON.stringify({
      AccessToken: { k1: { credentialType: 'AccessToken', secret: 'access-0123456789' } },
      RefreshToken: { k2: { credentialType: 'RefreshToken', secret: 'refresh-0123456789' } },
    });
    rememberSecretsIn(cache);
    rememberSecretsIn('not json');
    try {
      assert.equal(redact('a=access-0123456789 b=xrefresh-0123456789y'), 'a=[redacted] b=x[redacted]y');
    } finally {
      forgetSecret('access-0123456789');
      forgetSecret('refresh-0123456789');
    }
  });

  it('shares what it remembers with the copy of this module in every bundle loaded later, not through a global', () => {
    const load = createRequire(__filename);
    const path = load.resolve('../../../src/text/redact');
    const first = load.cache[path];
    delete load.cache[path];
    try {
      const otherCopy = load(path) as typeof import('../../../src/text/redact');
      assert.notEqual(otherCopy.redact, redact, 'a second copy, as in another bundle');
      // As src/platform/lazyBundles.ts does when it loads a bundle: the new copy adopts the loader's registry.
      otherCopy.adoptSecretRegistry(secretRegistry());
      otherCopy.rememberSecret(token);
      assert.equal(redact(`echo ${token}`), 'echo [redacted]');
      assert.equal(otherCopy.redact(`echo ${token}`), 'echo [redacted]');
      assert.ok(
        !Object.getOwnPropertySymbols(globalThis).some((symbol) => String(symbol).includes('redact')),
        'no other extension in the host can read the secrets off the global object',
      );
    } finally {
      load.cache[path] = first;
    }
  });

  // Each echo form of (b), with a field name a shape rule knows and with one it does not: the shape alone finds the
  // first, only the remembered secret finds the second.
  const opaque = 'opaque/0123456789+AB';
  const html = (value: string) => value.replaceAll('/', '&#x2F;');
  const echoForms: [string, (name: string) => string][] = [
    ['URL-encoded JSON', (name) => `%7B%22${name}%22%3A%22${encodeURIComponent(opaque)}%22%7D`],
    ['URL-encoded form data', (name) => `q=a%26${name}%3D${encodeURIComponent(opaque)}%26b%3D1`],
    ['HTML-escaped JSON', (name) => `{&quot;${name}&quot;:&quot;${html(opaque)}&quot;}`],
    ['an HTML attribute', (name) => `<div data-${name}="${html(opaque)}">`],
    ['a hidden input', (name) => `<input name="${name}" value="${html(opaque)}">`],
    ['the word form', (name) => `${name} ${opaque} was refused`],
    ['Name: value', (name) => `${name}: ${opaque}`],
  ];
  for (const [form, echo] of echoForms) {
    it(`hides ${form}: by its shape, and by the secret in use when the shape says nothing`, () => {
      assert.doesNotMatch(redact(echo('refresh_token')), /opaque/, 'a secret field, nothing remembered');
      assert.match(redact(echo('state')), /opaque/, 'an ordinary field, nothing remembered: kept');
      rememberSecret(opaque);
      try {
        assert.doesNotMatch(redact(echo('refresh_token')), /opaque|0123456789/);
        assert.doesNotMatch(redact(echo('state')), /opaque|0123456789/, 'an ordinary field, the secret remembered');
      } finally {
        forgetSecret(opaque);
      }
    });
  }
});

describe('redact: a bounded input', () => {
  it('reads at most REDACT_LIMIT characters and says how much it cut', () => {
    const out = redact(`${'a '.repeat(REDACT_LIMIT)}tail`);
    assert.ok(out.length < REDACT_LIMIT + 40, String(out.length));
    assert.match(out, /\u2026\[\d+ characters cut\]$/);
    assert.ok(!out.includes('tail'));
  });

  it('never leaves half a secret where it cuts', () => {
    const secret = 'Q'.repeat(3_000);
    const text = `${'word '.repeat(Math.floor((REDACT_LIMIT - 1_000) / 5))}refresh_token=${secret} after`;
    const out = redact(text);
    assert.ok(!out.includes('QQ'), 'no part of the value');
    assert.match(out, /characters cut\]$/);
  });

  it('takes a smaller limit from a caller that shows less', () => {
    assert.match(redact(`${'x '.repeat(1_000)}`, 100), /^(?:x ){50}\u2026\[1900 characters cut\]$/);
  });
});
