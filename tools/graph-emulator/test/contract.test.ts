import * as assert from 'node:assert/strict';
import { encodeAppActivityId } from '../../../src/graph/paths';
import { RunningEmulator } from '..';
import { assertGraphError, call, GUID_A, validActivity } from './support';
import { useEmulator } from '../../../test/support/emulator';

const put = (emulator: RunningEmulator, body: Record<string, unknown>, id = String(body.appActivityId)) =>
  call(emulator, 'PUT', `/me/activities/${encodeAppActivityId(id)}`, body);

describe('emulator: the contract, strictly', () => {
  let emulator: RunningEmulator;
  useEmulator({ auth: false }, (started) => (emulator = started));
  beforeEach(() => emulator.admin.reset());

  describe('accepts what the contract allows', () => {
    it('answers 201 on create and 200 on replace, with server fields filled in', async () => {
      const first = await put(emulator, validActivity());
      assert.equal(first.status, 201, first.text);
      const created = first.json as Record<string, unknown>;
      assert.match(String(created.id), /^\d{15,20}$/);
      assert.equal(created.status, 'updated');
      assert.equal(
        Date.parse(String(created.expirationDateTime)) - Date.parse(String(created.lastModifiedDateTime)),
        30 * 24 * 3600 * 1000,
      );
      assert.ok(first.headers.get('location')?.endsWith(`/me/activities/${String(created.id)}`));
      const second = await put(emulator, { ...validActivity(), visualElements: { displayText: 'changed' } });
      assert.equal(second.status, 200);
      assert.equal((second.json as { id: string }).id, created.id);
    });

    it('ignores server-set fields in a request instead of refusing them', async () => {
      const body = {
        ...validActivity(),
        id: '1',
        status: 'deleted',
        createdDateTime: '2017-06-09T20:54:43.969Z',
        lastModifiedDateTime: '2017-06-09T20:54:43.969Z',
        expirationDateTime: '2017-02-26T20:20:48.114Z',
      };
      const response = await put(emulator, body);
      assert.equal(response.status, 201, response.text);
      const stored = response.json as Record<string, unknown>;
      assert.notEqual(stored.id, '1');
      assert.equal(stored.status, 'updated');
      assert.notEqual(stored.createdDateTime, '2017-06-09T20:54:43.969Z');
    });

    it('deep-inserts history items: server GUID when absent, upsert by a client id, duration computed', async () => {
      const body = {
        ...validActivity(),
        historyItems: [
          { startedDateTime: '2026-03-14T09:05:00Z', lastActiveDateTime: '2026-03-14T09:27:30Z' },
          { id: GUID_A, startedDateTime: '2026-03-15T18:00:00+01:00' },
        ],
      };
      const first = (await put(emulator, body)).json as { historyItems: Record<string, unknown>[] };
      assert.equal(first.historyItems.length, 2);
      assert.match(String(first.historyItems[0].id), /^[0-9a-f-]{36}$/);
      assert.equal(first.historyItems[0].activeDurationSeconds, 1350);
      assert.equal(first.historyItems[1].id, GUID_A);
      assert.equal(first.historyItems[1].activeDurationSeconds, null);
      const again = await put(emulator, {
        ...validActivity(),
        historyItems: [
          {
            id: GUID_A,
            startedDateTime: '2026-03-15T18:00:00Z',
            lastActiveDateTime: '2026-03-15T18:12:00Z',
            activeDurationSeconds: 600,
          },
        ],
      });
      assert.equal(again.status, 200);
      const list = (await call(emulator, 'GET', '/me/activities?$expand=historyItems')).json as {
        value: { historyItems: { id: string; activeDurationSeconds: number }[] }[];
      };
      assert.equal(list.value[0].historyItems.length, 2, 'the client id is an upsert key');
      assert.equal(
        list.value[0].historyItems.find((h) => h.id === GUID_A)?.activeDurationSeconds,
        600,
        'a client duration is kept',
      );
    });

    it('accepts null for optional fields and any unreserved character unencoded', async () => {
      const id = "a-b_c.d!e~f*g'h(i)j";
      const response = await call(emulator, 'PUT', `/me/activities/${id}`, {
        ...validActivity(id),
        fallbackUrl: null,
        visualElements: {
          displayText: 'x',
          description: null,
          backgroundColor: '#1F3B57',
          attribution: { addImageQuery: false },
        },
      });
      assert.equal(response.status, 201, response.text);
    });

    it('echoes client-request-id and sends a request-id', async () => {
      const response = await call(emulator, 'PUT', '/me/activities/x', validActivity('x'), { clientRequestId: 'abc-123' });
      assert.equal(response.headers.get('client-request-id'), 'abc-123');
      assert.match(response.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    });
  });

  describe('refuses each violation with a Graph-shaped 400', () => {
    it('missing required field', async () => {
      const { activationUrl: _a, ...body } = validActivity();
      assertGraphError(await put(emulator, body), 400, /activationUrl/);
    });

    it('missing required nested field (visualElements.displayText)', async () => {
      assertGraphError(
        await put(emulator, { ...validActivity(), visualElements: { description: 'no title' } }),
        400,
        /displayText/,
      );
    });

    it('null for a non-nullable field', async () => {
      assertGraphError(await put(emulator, { ...validActivity(), activationUrl: null }), 400, /activationUrl/);
    });

    it('wrong type', async () => {
      assertGraphError(await put(emulator, { ...validActivity(), appDisplayName: 42 }), 400, /appDisplayName/);
    });

    it('a Boolean sent as a string (addImageQuery: "false")', async () => {
      assertGraphError(
        await put(emulator, {
          ...validActivity(),
          visualElements: { displayText: 'x', attribution: { addImageQuery: 'false' } },
        }),
        400,
        /addImageQuery/,
      );
    });

    it('unknown property, top level', async () => {
      assertGraphError(await put(emulator, { ...validActivity(), colour: 'red' }), 400, /colour/);
    });

    it('unknown property, nested', async () => {
      assertGraphError(
        await put(emulator, { ...validActivity(), visualElements: { displayText: 'x', title: 'y' } }),
        400,
        /title/,
      );
    });

    it('raw reserved character in the appActivityId segment', async () => {
      assertGraphError(await call(emulator, 'PUT', '/me/activities/a:b', validActivity('a:b')), 400, /':'/);
    });

    it("raw '/' in the appActivityId segment", async () => {
      assertGraphError(await call(emulator, 'PUT', '/me/activities//article', validActivity('/article')), 400, /'\/'/);
    });

    it('broken percent-encoding', async () => {
      assertGraphError(await call(emulator, 'PUT', '/me/activities/%C3', validActivity('x')), 400, /UTF-8/);
      assertGraphError(await call(emulator, 'PUT', '/me/activities/%ZZ', validActivity('x')), 400);
    });

    it('URL appActivityId does not match the body', async () => {
      assertGraphError(
        await call(emulator, 'PUT', '/me/activities/3F12345', validActivity('/article?12345')),
        400,
        /does not match/,
      );
    });

    it('http activitySourceHost', async () => {
      assertGraphError(
        await put(emulator, { ...validActivity(), activitySourceHost: 'http://cookbook.example.org' }),
        400,
        /https/,
      );
    });

    it('activitySourceHost with a path', async () => {
      assertGraphError(
        await put(emulator, { ...validActivity(), activitySourceHost: 'https://cookbook.example.org/app' }),
        400,
        /no path/,
      );
    });

    it('bad hex colour', async () => {
      assertGraphError(
        await put(emulator, { ...validActivity(), visualElements: { displayText: 'x', backgroundColor: 'red' } }),
        400,
        /backgroundColor/,
      );
      assertGraphError(
        await put(emulator, { ...validActivity(), visualElements: { displayText: 'x', backgroundColor: '#12345' } }),
        400,
        /backgroundColor/,
      );
    });

    it('bad DateTimeOffset', async () => {
      for (const value of [
        '2026-03-14 09:05:00Z',
        '2026-03-14T09:05:00',
        '2026-13-14T09:05:00Z',
        '2026-03-14T09:05:00.1234567890123Z',
      ]) {
        assertGraphError(
          await put(emulator, { ...validActivity(), historyItems: [{ startedDateTime: value }] }),
          400,
          /startedDateTime/,
        );
      }
    });

    it('non-integer activeDurationSeconds', async () => {
      assertGraphError(
        await put(emulator, {
          ...validActivity(),
          historyItems: [{ startedDateTime: '2026-03-14T09:05:00Z', activeDurationSeconds: 1.5 }],
        }),
        400,
        /activeDurationSeconds/,
      );
    });

    it('non-GUID history item id (URL and deep insert)', async () => {
      const created = (await put(emulator, validActivity())).json as { id: string };
      assertGraphError(
        await call(emulator, 'PUT', `/me/activities/${created.id}/historyItems/session-1`, {
          startedDateTime: '2026-03-14T09:05:00Z',
        }),
        400,
        /GUID/,
      );
      assertGraphError(
        await put(emulator, { ...validActivity(), historyItems: [{ id: 'session-1', startedDateTime: '2026-03-14T09:05:00Z' }] }),
        400,
        /GUID/,
      );
    });

    it('history item body id that differs from the URL', async () => {
      const created = (await put(emulator, validActivity())).json as { id: string };
      assertGraphError(
        await call(emulator, 'PUT', `/me/activities/${created.id}/historyItems/${GUID_A}`, {
          id: '1c7a8d3f-6e54-4b9f-8a32-4d2e3f5c6b78',
          startedDateTime: '2026-03-14T09:05:00Z',
        }),
        400,
        /does not match/,
      );
    });

    it('body that is not JSON', async () => {
      assertGraphError(await call(emulator, 'PUT', '/me/activities/x', undefined, { rawBody: '{"appActivityId":' }), 400, /JSON/);
    });

    it('a body without Content-Type: application/json (415)', async () => {
      assertGraphError(await call(emulator, 'PUT', '/me/activities/x', validActivity('x'), { contentType: null }), 415);
      assertGraphError(await call(emulator, 'PUT', '/me/activities/x', validActivity('x'), { contentType: 'text/plain' }), 415);
    });

    it('an operation outside the documented six', async () => {
      assertGraphError(await call(emulator, 'PATCH', '/me/activities/1', { appDisplayName: 'x' }), 400);
      assertGraphError(await call(emulator, 'GET', '/me/activities?$filter=x'), 400, /lastModifiedDateTime/);
      assertGraphError(await call(emulator, 'GET', '/me/activities?$count=true'), 400);
    });
  });

  describe('$batch', () => {
    const entry = (id: string, appActivityId = `doc-${id}`) => ({
      id,
      method: 'PUT',
      url: `/me/activities/${appActivityId}`,
      headers: { 'Content-Type': 'application/json' },
      body: validActivity(appActivityId),
    });

    it('runs each request and reports its own status', async () => {
      await put(emulator, validActivity('doc-2'));
      const response = await call(emulator, 'POST', '/$batch', {
        requests: [
          entry('1'),
          entry('2'),
          {
            id: '3',
            method: 'PUT',
            url: '/me/activities/x',
            headers: { 'Content-Type': 'application/json' },
            body: { appActivityId: 'x' },
          },
        ],
      });
      assert.equal(response.status, 200, response.text);
      const statuses = (response.json as { responses: { id: string; status: number }[] }).responses.map((r) => [r.id, r.status]);
      assert.deepEqual(statuses, [
        ['1', 201],
        ['2', 200],
        ['3', 400],
      ]);
    });

    it('fails dependents of a failed request with 424', async () => {
      const bad = { id: '1', method: 'DELETE', url: '/me/activities/404' };
      const response = await call(emulator, 'POST', '/$batch', { requests: [bad, { ...entry('2'), dependsOn: ['1'] }] });
      assert.deepEqual(
        (response.json as { responses: { status: number }[] }).responses.map((r) => r.status),
        [404, 424],
      );
    });

    it('more than 20 requests', async () => {
      assertGraphError(
        await call(emulator, 'POST', '/$batch', { requests: Array.from({ length: 21 }, (_, i) => entry(String(i))) }),
        400,
        /at most 20/,
      );
    });

    it('duplicate ids, case-insensitively', async () => {
      assertGraphError(
        await call(emulator, 'POST', '/$batch', { requests: [entry('a'), entry('A', 'other')] }),
        400,
        /duplicate/,
      );
    });

    it('a body without a Content-Type header', async () => {
      const { headers: _h, ...noHeaders } = entry('1');
      assertGraphError(await call(emulator, 'POST', '/$batch', { requests: [noHeaders] }), 400, /Content-Type/);
      assertGraphError(
        await call(emulator, 'POST', '/$batch', { requests: [{ ...entry('1'), headers: { Accept: 'application/json' } }] }),
        400,
        /Content-Type/,
      );
    });

    it('an absolute url', async () => {
      assertGraphError(
        await call(emulator, 'POST', '/$batch', {
          requests: [{ ...entry('1'), url: 'https://graph.microsoft.com/v1.0/me/activities/x' }],
        }),
        400,
        /relative/,
      );
    });

    it('a dependsOn naming no earlier request', async () => {
      assertGraphError(
        await call(emulator, 'POST', '/$batch', { requests: [{ ...entry('1'), dependsOn: ['9'] }] }),
        400,
        /dependsOn/,
      );
    });

    it('a missing id or method, or an unknown property', async () => {
      const { id: _i, ...noId } = entry('1');
      assertGraphError(await call(emulator, 'POST', '/$batch', { requests: [noId] }), 400, /'id'/);
      assertGraphError(
        await call(emulator, 'POST', '/$batch', { requests: [{ ...entry('1'), method: 'FETCH' }] }),
        400,
        /method/,
      );
      assertGraphError(await call(emulator, 'POST', '/$batch', { requests: [{ ...entry('1'), priority: 1 }] }), 400, /priority/);
    });
  });
});
