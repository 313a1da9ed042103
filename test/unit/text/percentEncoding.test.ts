import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { activityPath } from '../../../src/graph/paths';
import { encodePath, encodeRfc2396 } from '../../../src/text/percentEncoding';
import { toWellFormed } from '../../../src/text/wellFormed';

describe('activity/percentEncoding', () => {
  it('encodes the documented example /article?12345 as %2Farticle%3F12345', () => {
    assert.equal(encodeRfc2396('/article?12345'), '%2Farticle%3F12345');
    assert.equal(activityPath('/article?12345'), '/me/activities/%2Farticle%3F12345');
  });

  it('encodes reserved characters, spaces and percent signs', () => {
    assert.equal(
      encodeRfc2396('/ ? # % & + = : @ $ , ;'),
      '%2F%20%3F%20%23%20%25%20%26%20%2B%20%3D%20%3A%20%40%20%24%20%2C%20%3B',
    );
  });

  it('keeps exactly the RFC 2396 unreserved characters', () => {
    const unreserved = "ABCXYZabcxyz0189-_.!~*'()";
    assert.equal(encodeRfc2396(unreserved), unreserved);
  });

  it('encodes non-ASCII and emoji as the bytes of their UTF-8 form', () => {
    assert.equal(encodeRfc2396('é'), '%C3%A9');
    assert.equal(encodeRfc2396('日本'), '%E6%97%A5%E6%9C%AC');
    assert.equal(encodeRfc2396('😀'), '%F0%9F%98%80');
  });

  it('replaces lone surrogates with U+FFFD instead of throwing', () => {
    assert.throws(() => encodeURIComponent('a\uD800b'));
    assert.equal(encodeRfc2396('a\uD800b'), 'a%EF%BF%BDb');
    assert.equal(encodeRfc2396('\uDC00'), '%EF%BF%BD');
    assert.equal(encodeRfc2396('x\uDBFF'), 'x%EF%BF%BD');
  });

  it('encodes very long paths completely', () => {
    const long = '/deep'.repeat(5000) + '/file name.ts';
    const encoded = encodeRfc2396(long);
    assert.equal(decodeURIComponent(encoded), long);
    assert.ok(!/[^A-Za-z0-9\-_.!~*'()%]/.test(encoded));
  });

  it('agrees with encodeURIComponent on well-formed text and round-trips (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const encoded = encodeRfc2396(text);
        assert.equal(encoded, encodeURIComponent(toWellFormed(text)));
        assert.equal(decodeURIComponent(encoded), toWellFormed(text));
      }),
    );
  });

  it('encodes paths segment by segment and keeps the slashes, drive colons and plus signs', () => {
    assert.equal(encodePath('/c:/My Docs/a#b?c%d/ü.ts'), '/c:/My%20Docs/a%23b%3Fc%25d/%C3%BC.ts');
    assert.equal(encodePath('ssh-remote+box'), 'ssh-remote+box');
  });
});
