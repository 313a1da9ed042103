import * as assert from 'node:assert/strict';
import { activitySourceHostProblems, DEFAULT_ACTIVITY_SOURCE_HOST } from '../../../src/activity/activitySourceHost';

describe('activity/activitySourceHost', () => {
  it('accepts the documented valid forms and the default', () => {
    for (const host of [
      'https://contoso.com',
      'https://myapp.contoso.com',
      'https://www.contoso.com',
      DEFAULT_ACTIVITY_SOURCE_HOST,
    ]) {
      assert.deepEqual(activitySourceHostProblems(host), [], host);
    }
  });

  it('rejects a path, as documented (https://myapp.contoso.com/somepath)', () => {
    assert.match(activitySourceHostProblems('https://myapp.contoso.com/somepath').join(), /path/);
  });

  it('rejects http, credentials, ports, query, fragment, trailing slash, uppercase, IPs and single labels', () => {
    const cases: [string, RegExp][] = [
      ['http://contoso.com', /https/],
      ['https://user:pw@contoso.com', /credentials/],
      ['https://contoso.com:8443', /port/],
      ['https://contoso.com?x=1', /query/],
      ['https://contoso.com#top', /fragment/],
      ['https://contoso.com/', /trailing slash/],
      ['https://Contoso.com', /lowercase/],
      ['https://10.0.0.1', /domain/],
      ['https://localhost', /domain/],
      ['contoso.com', /absolute https URL/],
    ];
    for (const [value, expected] of cases) {
      assert.notDeepEqual(activitySourceHostProblems(value), [], value);
      assert.match(activitySourceHostProblems(value).join('; '), expected, value);
    }
  });
});
