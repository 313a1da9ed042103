import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ACTIVITIES_PATH,
  activityPath,
  decodeAppActivityId,
  encodeAppActivityId,
  historyItemPath,
  isWellFormedEncodedSegment,
} from '../../../src/graph/paths';
import { userActivityScope } from '../../../src/graph/credential';
import { toWellFormed } from '../../../src/text/wellFormed';

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

describe('Graph paths (one builder for PUT, DELETE and GET)', () => {
  it('puts each id in one segment, whatever it holds, lone surrogates included, and never throws', () => {
    // Ids read back from the feed (Forget) are the service's; a lone surrogate made encodeURIComponent throw.
    const anyId = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(anyId, anyId, (activityId, itemId) => {
        const activity = activityPath(activityId);
        const item = historyItemPath(activityId, itemId);
        assert.ok(activity.startsWith(`${ACTIVITIES_PATH}/`));
        const activitySegments = activity.slice(ACTIVITIES_PATH.length + 1).split('/');
        assert.equal(activitySegments.length, 1, activity);
        assert.equal(decodeAppActivityId(activitySegments[0]), toWellFormed(activityId));
        assert.ok(item.startsWith(`${activity}/historyItems/`), item);
        const itemSegment = item.slice(`${activity}/historyItems/`.length);
        assert.equal(decodeAppActivityId(itemSegment), toWellFormed(itemId));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the documented examples', () => {
    assert.equal(activityPath('/article?12345'), '/me/activities/%2Farticle%3F12345');
    assert.equal(
      historyItemPath('a b', '5fae8b57-2f0f-4a54-bd1d-5b1a1d2e5b2c'),
      '/me/activities/a%20b/historyItems/5fae8b57-2f0f-4a54-bd1d-5b1a1d2e5b2c',
    );
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
