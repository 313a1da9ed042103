import * as assert from 'node:assert/strict';
import { encodeAppActivityId } from '../../../src/graph/paths';
import { RunningEmulator } from '..';
import { readFixture, type Fixture } from '../../../test/support/fixtures';
import { assertGraphError, call } from './support';
import { useEmulator } from '../../../test/support/emulator';

const PAIRS = [
  ['seed-example1-request.json', 'seed-example1-response.json'],
  ['seed-example2-deep-insert-request.json', 'seed-example2-deep-insert-response.json'],
] as const;

describe('emulator: the documented seed examples', () => {
  let emulator: RunningEmulator;
  useEmulator({ auth: false, throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => emulator.admin.reset());

  for (const [requestFile, responseFile] of PAIRS) {
    describe(requestFile, () => {
      let request: Fixture;
      let expected: Record<string, unknown>;
      before(() => {
        request = readFixture(requestFile);
        expected = readFixture(responseFile).body;
      });

      it('is accepted once corrected (encoded URL, activationUrl added) and answered in the documented shape', async () => {
        const body: Record<string, unknown> = { ...request.body, activationUrl: expected.activationUrl };
        const url = `/me/activities/${encodeAppActivityId(String(body.appActivityId))}`;
        assert.equal(url, '/me/activities/%2Farticle%3F12345');
        const response = await call(emulator, 'PUT', url, body);
        assert.equal(response.status, 201, response.text);
        const answer = response.json as Record<string, unknown>;
        for (const key of Object.keys(expected).filter(
          (k) => !['appDisplayName', 'userTimezone', 'fallbackUrl', 'contentUrl', 'contentInfo'].includes(k),
        )) {
          assert.ok(key in answer, `answer lacks ${key}`);
          assert.equal(typeof answer[key], typeof expected[key], key);
        }
        assert.deepEqual(answer.visualElements, request.body.visualElements, 'the client fields come back as sent');
        assert.notEqual(answer.id, request.body.id, 'server-set fields in the request are ignored');
        if ('historyItems' in expected) {
          const [item] = answer.historyItems as Record<string, unknown>[];
          const [documented] = expected.historyItems as Record<string, unknown>[];
          assert.deepEqual(Object.keys(item).sort(), Object.keys(documented).sort());
          assert.match(String(item.id), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
          assert.equal(item.activeDurationSeconds, documented.activeDurationSeconds);
          assert.equal(item.status, 'updated');
        }
        const replaced = await call(emulator, 'PUT', url, body);
        assert.equal(replaced.status, 200);
      });

      it('is refused unmodified, at its documented URL and at the correct one, with a Graph-shaped 400', async () => {
        const documentedPath = new URL(request.http[0].split(' ')[1]).pathname.replace('/v1.0', '');
        assertGraphError(await call(emulator, 'PUT', documentedPath, request.body), 400);
        assertGraphError(await call(emulator, 'PUT', '/me/activities/%2Farticle%3F12345', request.body), 400, /activationUrl/);
        assert.equal(emulator.state.all().length, 0);
      });
    });
  }
});
