import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { RunningEmulator } from '..';
import { assertGraphError, call, GUID_A, GUID_B, validActivity } from './support';
import { useEmulator } from '../../../test/support/emulator';

describe('emulator: service behaviour', () => {
  let emulator: RunningEmulator;
  const start = Date.parse('2026-03-15T18:00:00Z');
  let now = start;
  useEmulator({ auth: false, now: () => now, throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    now = start;
    emulator.admin.reset();
    emulator.admin.setThrottling({
      enabled: false,
      windowMs: 5 * 60_000,
      writesPerWindow: 100,
      writesPerDay: 8000,
      readsPerWindow: 400,
      readsPerDay: 12000,
    });
    emulator.admin.setPaging({ pageSize: 10, emptyPagesBetween: 0 });
  });

  describe('throttling', () => {
    it('allows 100 writes per 5 minutes, then answers 429 with a decimal Retry-After and the documented body', async () => {
      emulator.admin.setThrottling({ enabled: true });
      for (let i = 0; i < 100; i++) assert.equal((await call(emulator, 'DELETE', `/me/activities/${i}`)).status, 404);
      now += 1500;
      const refused = await call(emulator, 'PUT', '/me/activities/x', validActivity('x'));
      assertGraphError(refused, 429);
      assert.equal(refused.headers.get('retry-after'), '298.5');
      const error = (refused.json as { error: Record<string, unknown> }).error;
      assert.equal(error.code, 'TooManyRequests');
      assert.equal(error.message, 'Please retry again later.');
      assert.deepEqual(
        Object.keys(error.innerError as object).sort(),
        ['client-request-id', 'code', 'date', 'message', 'request-id', 'status'].filter((k) => k !== 'client-request-id').sort(),
      );
      assert.equal((await call(emulator, 'GET', '/me/activities')).status, 200, 'reads have their own budget');
      now += 298_500;
      assert.equal((await call(emulator, 'PUT', '/me/activities/x', validActivity('x'))).status, 201);
    });

    it('counts every request inside a $batch', async () => {
      emulator.admin.setThrottling({ enabled: true, writesPerWindow: 3 });
      const requests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), method: 'DELETE', url: `/me/activities/${i}` }));
      const batch = await call(emulator, 'POST', '/$batch', { requests });
      const inner = (batch.json as { responses: { status: number; headers: Record<string, string> }[] }).responses;
      assert.deepEqual(
        inner.map((r) => r.status),
        [404, 404, 404, 429, 429],
      );
      assert.match(inner[3].headers['Retry-After'], /^\d+(\.\d+)?$/);
    });

    it('has a day limit too', async () => {
      emulator.admin.setThrottling({ enabled: true, readsPerWindow: 1000, readsPerDay: 2 });
      await call(emulator, 'GET', '/me/activities');
      now += 10 * 60_000;
      await call(emulator, 'GET', '/me/activities');
      now += 10 * 60_000;
      const refused = await call(emulator, 'GET', '/me/activities');
      assert.equal(refused.status, 429);
      assert.equal(Number(refused.headers.get('retry-after')), 24 * 3600 - 20 * 60);
    });
  });

  describe('expiry', () => {
    it('hides activities 30 days after their last change, and history items 30 days after creation', async () => {
      const created = (
        await call(emulator, 'PUT', '/me/activities/old', {
          ...validActivity('old'),
          historyItems: [{ id: GUID_A, startedDateTime: '2026-03-15T17:00:00Z' }],
        })
      ).json as { id: string; expirationDateTime: string };
      assert.equal(created.expirationDateTime, '2026-04-14T18:00:00.000Z');
      now += 29 * 24 * 3600_000;
      assert.equal((await call(emulator, 'PUT', '/me/activities/old', validActivity('old'))).status, 200);
      now += 2 * 24 * 3600_000;
      const list = (await call(emulator, 'GET', '/me/activities?$expand=historyItems')).json as {
        value: { historyItems: unknown[] }[];
      };
      assert.equal(list.value.length, 1, 'the replace pushed the activity’s expiry out');
      assert.deepEqual(list.value[0].historyItems, [], 'the history item expired');
      now += 30 * 24 * 3600_000;
      assert.deepEqual((await call(emulator, 'GET', '/me/activities')).json, {
        '@odata.context': `${emulator.graphUrl}/$metadata#Collection(microsoft.graph.userActivity)`,
        value: [],
      });
      assertGraphError(
        await call(emulator, 'PUT', `/me/activities/${created.id}/historyItems/${GUID_B}`, {
          startedDateTime: '2026-03-15T17:00:00Z',
        }),
        404,
      );
    });
  });

  describe('paging', () => {
    it('serves configured empty pages with nextLinks, honours $top across pages, and omits historyItems unless expanded', async () => {
      for (let i = 0; i < 5; i++)
        await call(emulator, 'PUT', `/me/activities/p${i}`, {
          ...validActivity(`p${i}`),
          historyItems: [{ startedDateTime: '2026-03-15T17:00:00Z' }],
        });
      emulator.admin.setPaging({ pageSize: 2, emptyPagesBetween: 1 });
      const pages: { value: Record<string, unknown>[]; '@odata.nextLink'?: string }[] = [];
      let next: string | undefined = '/me/activities?$top=3';
      while (next) {
        const page = (await call(emulator, 'GET', next.replace(emulator.graphUrl, ''))).json as (typeof pages)[number];
        pages.push(page);
        next = page['@odata.nextLink'];
      }
      assert.deepEqual(
        pages.map((p) => p.value.length),
        [0, 2, 0, 1],
      );
      assert.equal(pages[1].value[0]['@odata.type'], '#microsoft.graph.userActivity');
      assert.ok(!('historyItems' in pages[1].value[0]));
      const expanded = (await call(emulator, 'GET', '/me/activities?$expand=historyItems')).json as { '@odata.nextLink': string };
      assert.match(expanded['@odata.nextLink'], /\$expand=historyItems&\$skiptoken=/);
    });

    it('filters activities and expanded history items on lastModifiedDateTime, keeping the filter in nextLinks', async () => {
      for (let i = 0; i < 4; i++) {
        await call(emulator, 'PUT', `/me/activities/f${i}`, {
          ...validActivity(`f${i}`),
          historyItems: [{ startedDateTime: '2026-03-15T17:00:00Z' }],
        });
        now += 3600_000;
      }
      emulator.admin.setPaging({ pageSize: 1 });
      const filter = '$filter=lastModifiedDateTime ge 2026-03-15T19:00:00Z and lastModifiedDateTime lt 2026-03-15T21:00:00Z';
      const expand = '$expand=historyItems($filter=lastModifiedDateTime gt 2026-03-15T19:30:00Z)';
      const seen: { appActivityId: string; historyItems: unknown[] }[] = [];
      let next: string | undefined = `/me/activities?${encodeURI(filter)}&${encodeURI(expand)}`;
      while (next) {
        const page = (await call(emulator, 'GET', next.replace(emulator.graphUrl, ''))).json as {
          value: typeof seen;
          '@odata.nextLink'?: string;
        };
        seen.push(...page.value);
        next = page['@odata.nextLink'];
      }
      assert.deepEqual(
        seen.map((a) => [a.appActivityId, a.historyItems.length]),
        [
          ['f1', 0],
          ['f2', 1],
        ],
      );
    });

    it('refuses a bad $skiptoken, $top or $expand', async () => {
      assertGraphError(await call(emulator, 'GET', '/me/activities?$skiptoken=garbage'), 400);
      assertGraphError(await call(emulator, 'GET', '/me/activities?$top=0'), 400);
      assertGraphError(await call(emulator, 'GET', '/me/activities?$expand=activity'), 400);
    });
  });

  describe('admin API', () => {
    it('injects faults over HTTP, dumps state, logs every body received, and resets', async () => {
      const admin = (method: string, route: string, body?: unknown) =>
        fetch(`${emulator.origin}/_emulator${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      await admin('POST', '/faults', { method: 'PUT', sequence: [{ kind: 'status', status: 503, retryAfter: '0.5' }] });
      const refused = await call(emulator, 'PUT', '/me/activities/s', validActivity('s'));
      assertGraphError(refused, 503);
      assert.equal(refused.headers.get('retry-after'), '0.5');
      assert.equal((await call(emulator, 'PUT', '/me/activities/s', validActivity('s'))).status, 201);
      const state = (await (await admin('GET', '/state')).json()) as { activities: { appActivityId: string }[] };
      assert.deepEqual(
        state.activities.map((a) => a.appActivityId),
        ['s'],
      );
      const log = (await (await admin('GET', '/requests')).json()) as {
        server: string;
        method: string;
        url: string;
        status: number;
        body: string;
        headers: Record<string, string>;
      }[];
      const graph = log.filter((r) => r.server === 'graph');
      assert.deepEqual(
        graph.map((r) => [r.method, r.url, r.status]),
        [
          ['PUT', '/v1.0/me/activities/s', 503],
          ['PUT', '/v1.0/me/activities/s', 201],
        ],
      );
      assert.ok(graph[1].body.includes('"appActivityId":"s"'));
      assert.equal(graph[1].headers.authorization, '[present]');
      assert.ok(
        !log.some((r) => `${r.body}${JSON.stringify(r.headers)}`.includes('secret-file-name')),
        'a "no byte contains X" check',
      );
      await admin('POST', '/reset');
      assert.equal(emulator.state.all().length, 0);
    });

    it('drops connections and truncates bodies on request', async () => {
      emulator.admin.addFault({ method: 'GET', sequence: [{ kind: 'drop' }, { kind: 'truncate' }] });
      await assert.rejects(call(emulator, 'GET', '/me/activities'));
      const cut = await call(emulator, 'GET', '/me/activities');
      assert.equal(cut.status, 200);
      assert.throws(() => JSON.parse(cut.text) as unknown);
    });
  });

  describe('timeline page', () => {
    it('shows cards, Adaptive Card text and sessions, newest first, escaped', async () => {
      await call(emulator, 'PUT', '/me/activities/one', {
        ...validActivity('one'),
        visualElements: {
          displayText: '<script>alert(1)</script>',
          description: 'first & older',
          content: {
            type: 'AdaptiveCard',
            version: '1.0',
            body: [
              { type: 'TextBlock', text: 'Card line A' },
              { type: 'Container', items: [{ type: 'TextBlock', text: 'Nested line B' }] },
            ],
          },
        },
        historyItems: [{ startedDateTime: '2026-03-15T17:00:00Z', lastActiveDateTime: '2026-03-15T17:20:00Z' }],
      });
      now += 60_000;
      await call(emulator, 'PUT', '/me/activities/two', {
        ...validActivity('two'),
        visualElements: { displayText: 'Second document' },
      });
      const html = await (await fetch(`${emulator.origin}/`)).text();
      assert.ok(!html.includes('<script>alert(1)</script>'));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      for (const text of ['first &amp; older', 'Card line A', 'Nested line B', '2026-03-15T17:20:00Z', '1200 s'])
        assert.ok(html.includes(text), text);
      assert.ok(html.indexOf('Second document') < html.indexOf('&lt;script&gt;'), 'newest first');
    });
  });

  describe('command line', () => {
    it('prints its URLs, serves, and stops on SIGTERM', async function () {
      this.timeout(15_000);
      const root = path.resolve(__dirname, '../../..');
      const child = spawn(
        process.execPath,
        ['-r', './scripts/register-ts.cjs', 'tools/graph-emulator/cli.ts', '--port', '0', '--auth-port', '0'],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      const graphUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Graph root:\s+(\S+)/.exec(output);
          if (match && output.includes('Stop with')) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early (${String(code)}): ${output}`)));
      });
      assert.match(output, /Token authority: https:\/\/127\.0\.0\.1:\d+/);
      const unauthenticated = await fetch(`${graphUrl}/me/activities`);
      assert.equal(unauthenticated.status, 401);
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
    });
  });
});
