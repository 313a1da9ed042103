import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeAppActivityId, encodeAppActivityId, isWellFormedEncodedSegment } from '../../../src/graph/encoding';
import { userActivityScope } from '../../../src/graph/credential';

describe('appActivityId encoding (RFC 2396)', () => {
  it('encodes the documented example', () => {
    assert.equal(encodeAppActivityId('/article?12345'), '%2Farticle%3F12345');
  });

  it('leaves exactly the unreserved characters alone', () => {
    assert.equal(encodeAppActivityId("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
    assert.equal(
      encodeAppActivityId('/?:@&=+$,;#% "<>[]\\^`{|}'),
      '%2F%3F%3A%40%26%3D%2B%24%2C%3B%23%25%20%22%3C%3E%5B%5D%5C%5E%60%7B%7C%7D',
    );
  });

  it('writes non-ASCII as UTF-8 bytes', () => {
    assert.equal(encodeAppActivityId('é'), '%C3%A9');
    assert.equal(encodeAppActivityId('📄'), '%F0%9F%93%84');
  });

  it('agrees with encodeURIComponent and round-trips for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = encodeAppActivityId(text);
        assert.equal(encoded, encodeURIComponent(text));
        assert.ok(isWellFormedEncodedSegment(encoded));
        assert.equal(decodeAppActivityId(encoded), text);
      }),
    );
  });

  it('refuses to decode raw reserved characters or broken escapes', () => {
    assert.equal(decodeAppActivityId('/article'), undefined);
    assert.equal(decodeAppActivityId('%2'), undefined);
    assert.equal(decodeAppActivityId('%C3'), undefined);
  });
});

describe('userActivityScope', () => {
  it('derives the scope from the Graph origin', () => {
    assert.equal(
      userActivityScope('https://graph.microsoft.com/v1.0'),
      'https://graph.microsoft.com/UserActivity.ReadWrite.CreatedByApp',
    );
    assert.equal(userActivityScope('http://127.0.0.1:8080/v1.0/'), 'http://127.0.0.1:8080/UserActivity.ReadWrite.CreatedByApp');
  });
});
