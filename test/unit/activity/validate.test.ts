import * as assert from 'node:assert/strict';
import { readFixture, type Fixture } from '../../support/fixtures';
import { activityPath } from '../../../src/graph/paths';
import {
  assertValidUserActivity,
  PayloadValidationError,
  SERVER_SET_FIELDS,
  validateUserActivity,
} from '../../../src/activity/validate';
import type { ValidationProblem } from '../../../src/activity/validate';

/** The fixtures README's known defects, handled: activationUrl from the response, no server-set fields, a card version. */
function repaired(request: Fixture, response: Fixture): Record<string, unknown> {
  const body = structuredClone(request.body);
  for (const field of SERVER_SET_FIELDS) delete body[field];
  body.activationUrl = response.body.activationUrl;
  const visual = body.visualElements as { content: Record<string, unknown> };
  visual.content.version = '1.0';
  return body;
}

function paths(problems: ValidationProblem[]): string[] {
  return problems.map((problem) => problem.path);
}

function valid(): Record<string, unknown> {
  return {
    appActivityId: 'repo:github.com/o/r/a.ts',
    activitySourceHost: 'https://contoso.com',
    activationUrl: 'vscode://file/r/a.ts:1:1',
    visualElements: { displayText: 'a.ts', content: { type: 'AdaptiveCard', version: '1.3', body: [] } },
    historyItems: [
      {
        id: '61fc8f36-919f-4b73-89d4-1cb7b159d912',
        startedDateTime: '2026-03-14T09:05:00Z',
        lastActiveDateTime: '2026-03-14T09:05:20Z',
        activeDurationSeconds: 20,
      },
    ],
  };
}

const pairs: [string, string][] = [
  ['seed-example1-request.json', 'seed-example1-response.json'],
  ['seed-example2-deep-insert-request.json', 'seed-example2-deep-insert-response.json'],
];

describe('activity/validate', () => {
  for (const [requestFile, responseFile] of pairs) {
    describe(requestFile, () => {
      let request: Fixture;
      let response: Fixture;
      before(() => {
        request = readFixture(requestFile);
        response = readFixture(responseFile);
      });

      it('passes once the documented defects are handled', () => {
        assert.deepEqual(validateUserActivity(repaired(request, response)), []);
      });

      it('is rejected unmodified, naming activationUrl and every server-set field', () => {
        const found = paths(validateUserActivity(request.body));
        assert.ok(found.includes('activationUrl'), found.join());
        for (const field of SERVER_SET_FIELDS) assert.ok(found.includes(field), field);
        assert.ok(found.includes('visualElements.content.version'));
        assert.throws(
          () => assertValidUserActivity(request.body),
          (error: unknown) => {
            assert.ok(error instanceof PayloadValidationError);
            assert.match(error.message, /activationUrl: is required/);
            assert.match(error.message, /createdDateTime: is set by the server/);
            return true;
          },
        );
      });

      it('has a request URL that does not match its appActivityId; ours does', () => {
        const url = request.http[0] ?? '';
        assert.equal(activityPath(request.body.appActivityId as string), '/me/activities/%2Farticle%3F12345');
        assert.ok(!url.endsWith('/me/activities/%2Farticle%3F12345'), url);
      });
    });
  }

  it('rejects the response bodies’ server-set history item fields', () => {
    const response = readFixture('seed-example2-deep-insert-response.json').body;
    const found = paths(validateUserActivity(response));
    for (const field of ['status', 'createdDateTime', 'lastModifiedDateTime'])
      assert.ok(found.includes(`historyItems[0].${field}`), field);
  });

  it('accepts a valid payload', () => {
    assert.deepEqual(validateUserActivity(valid()), []);
  });

  const broken: [string, (payload: Record<string, unknown>) => void, string][] = [
    ['a missing appActivityId', (p) => delete p.appActivityId, 'appActivityId'],
    ['an unknown property', (p) => (p.color = 'red'), 'color'],
    [
      'an activitySourceHost with a path',
      (p) => (p.activitySourceHost = 'https://myapp.contoso.com/somepath'),
      'activitySourceHost',
    ],
    ['an http activitySourceHost', (p) => (p.activitySourceHost = 'http://contoso.com'), 'activitySourceHost'],
    ['a relative activationUrl', (p) => (p.activationUrl = '/article'), 'activationUrl'],
    ['a non-web fallbackUrl', (p) => (p.fallbackUrl = 'vscode://file/x'), 'fallbackUrl'],
    ['an offset as userTimezone', (p) => (p.userTimezone = '+01:00'), 'userTimezone'],
    ['a missing visualElements', (p) => delete p.visualElements, 'visualElements'],
    ['a missing displayText', (p) => (p.visualElements = {}), 'visualElements.displayText'],
    ['a too long displayText', (p) => (p.visualElements = { displayText: 'x'.repeat(257) }), 'visualElements.displayText'],
    ['a colour name', (p) => (p.visualElements = { displayText: 'a', backgroundColor: 'red' }), 'visualElements.backgroundColor'],
    [
      'addImageQuery as a string',
      (p) => (p.visualElements = { displayText: 'a', attribution: { addImageQuery: 'false' } }),
      'visualElements.attribution.addImageQuery',
    ],
    [
      'an http icon',
      (p) => (p.visualElements = { displayText: 'a', attribution: { iconUrl: 'ftp://x/i.png' } }),
      'visualElements.attribution.iconUrl',
    ],
    [
      'a card without version',
      (p) => (p.visualElements = { displayText: 'a', content: { type: 'AdaptiveCard' } }),
      'visualElements.content.version',
    ],
    [
      'a card of another type',
      (p) => (p.visualElements = { displayText: 'a', content: { type: 'Card', version: '1.3' } }),
      'visualElements.content.type',
    ],
    ['a lone surrogate', (p) => (p.visualElements = { displayText: 'a\uD800' }), 'visualElements.displayText'],
    ['contentInfo as an array', (p) => (p.contentInfo = []), 'contentInfo'],
    ['a non-GUID history id', (p) => (item(p).id = '12345'), 'historyItems[0].id'],
    ['a missing startedDateTime', (p) => delete item(p).startedDateTime, 'historyItems[0].startedDateTime'],
    ['a date without zone', (p) => (item(p).startedDateTime = '2026-03-14T09:05:00'), 'historyItems[0].startedDateTime'],
    ['an impossible month', (p) => (item(p).lastActiveDateTime = '2026-13-01T00:00:00Z'), 'historyItems[0].lastActiveDateTime'],
    ['an impossible day', (p) => (item(p).lastActiveDateTime = '2026-02-30T00:00:00Z'), 'historyItems[0].lastActiveDateTime'],
    [
      'lastActive before started',
      (p) => (item(p).lastActiveDateTime = '2026-03-14T09:04:00Z'),
      'historyItems[0].lastActiveDateTime',
    ],
    ['more active seconds than the span', (p) => (item(p).activeDurationSeconds = 21), 'historyItems[0].activeDurationSeconds'],
    ['fractional active seconds', (p) => (item(p).activeDurationSeconds = 1.5), 'historyItems[0].activeDurationSeconds'],
    ['active seconds beyond int32', (p) => (item(p).activeDurationSeconds = 2 ** 31), 'historyItems[0].activeDurationSeconds'],
    ['a server-set history field', (p) => (item(p).status = 'updated'), 'historyItems[0].status'],
    ['a duplicate history id', (p) => (p.historyItems = [item(p), { ...item(p) }]), 'historyItems[1].id'],
    ['an oversized payload', (p) => (p.contentInfo = { text: 'x'.repeat(70_000) }), ''],
  ];
  for (const [what, breakIt, expectedPath] of broken) {
    it(`reports ${what} at "${expectedPath}"`, () => {
      const payload = valid();
      breakIt(payload);
      assert.ok(paths(validateUserActivity(payload)).includes(expectedPath), JSON.stringify(validateUserActivity(payload)));
    });
  }

  it('accepts the OpenAPI DateTimeOffset variants: 12 fraction digits and ±hh:mm', () => {
    const payload = valid();
    item(payload).startedDateTime = '2026-03-14T10:05:00.000000000000+01:00';
    assert.deepEqual(validateUserActivity(payload), []);
  });

  it('refuses a non-object payload', () => {
    assert.deepEqual(paths(validateUserActivity([])), ['']);
  });
});

function item(payload: Record<string, unknown>): Record<string, unknown> {
  return (payload.historyItems as Record<string, unknown>[])[0] ?? {};
}
