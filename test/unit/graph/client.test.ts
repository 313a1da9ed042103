import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../../src/graph/budget';
import { systemClock } from '../../../src/graph/clock';
import { GraphClient, GraphClientOptions } from '../../../src/graph/client';
import { GraphError } from '../../../src/graph/errors';
import { UserActivityRequest } from '../../../src/graph/types';
import { RunningEmulator } from '../../../tools/graph-emulator';
import { EmulatorCredential } from './testSupport';
import { VirtualClock } from '../../support/clock';
import { RecordingLogger } from '../../support/logger';
import { useEmulator } from '../../support/emulator';

const CLIENT_ID = '3f0e2d1c-aaaa-4bbb-8ccc-0123456789ab';
const GUID_1 = '0b6f7c2e-5d43-4a8e-9f21-3c1d2e4b5a67';
const GUID_2 = '1c7a8d3f-6e54-4b9f-8a32-4d2e3f5c6b78';

function activity(
  appActivityId = 'file:///home/me/src/main.ts?x=1',
  extra: Partial<UserActivityRequest> = {},
): UserActivityRequest {
  return {
    appActivityId,
    activitySourceHost: 'https://activity-feed.example.org',
    activationUrl: 'vscode://file/home/me/src/main.ts',
    appDisplayName: 'Visual Studio Code',
    visualElements: { displayText: 'main.ts', description: 'src · my-project', backgroundColor: '#1F3B57' },
    ...extra,
  };
}

describe('GraphClient against the emulator (real sockets)', () => {
  let emulator: RunningEmulator;
  let clock: VirtualClock;
  let credential: EmulatorCredential;
  let logger: RecordingLogger;

  function client(options: Partial<GraphClientOptions> = {}): GraphClient {
    return new GraphClient({
      credential,
      userAgent: 'graph-activity-feed/0.1.0',
      baseUrl: emulator.graphUrl,
      logger,
      clock,
      random: () => 0.5,
      timeoutMs: 2000,
      ...options,
    });
  }
  const graphRequests = () => emulator.admin.requests().filter((r) => r.server === 'graph');

  useEmulator({ auth: false, throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    emulator.admin.reset();
    emulator.admin.setThrottling({ enabled: false });
    emulator.admin.setPaging({ pageSize: 10, emptyPagesBetween: 0 });
    clock = new VirtualClock({ followsRealTime: true });
    credential = new EmulatorCredential(emulator, CLIENT_ID);
    logger = new RecordingLogger();
  });
  afterEach(() => {
    for (const line of logger.text()) assert.ok(!/Bearer|eyJ[\w-]+\.eyJ/.test(line), `a log line carries a token: ${line}`);
  });

  describe('operations', () => {
    it('upserts an activity: 201, then 200, with the encoded id, headers and scope', async () => {
      const graph = client();
      const first = await graph.upsertActivity(activity());
      assert.equal(first.created, true);
      assert.match(first.id, /^\d+$/);
      const second = await graph.upsertActivity(activity());
      assert.equal(second.created, false);
      assert.equal(second.id, first.id);

      const sent = graphRequests()[0];
      assert.equal(sent.url, '/v1.0/me/activities/file%3A%2F%2F%2Fhome%2Fme%2Fsrc%2Fmain.ts%3Fx%3D1');
      assert.equal(sent.headers['user-agent'], 'graph-activity-feed/0.1.0');
      assert.match(sent.headers['client-request-id'], /^[0-9a-f-]{36}$/);
      assert.notEqual(sent.headers['client-request-id'], graphRequests()[1].headers['client-request-id']);
      assert.equal(sent.headers['content-type'], 'application/json');
      assert.equal(credential.requests[0].scopes, `${emulator.origin}/UserActivity.ReadWrite.CreatedByApp`);
    });

    it('deep-inserts history items and returns their ids in order', async () => {
      const result = await client().upsertActivity(
        activity('a', {
          historyItems: [
            { startedDateTime: '2026-03-14T09:05:00Z', lastActiveDateTime: '2026-03-14T09:06:00Z' },
            { id: GUID_1, startedDateTime: '2026-03-14T10:00:00Z' },
          ],
        }),
      );
      assert.equal(result.historyItemIds.length, 2);
      assert.match(result.historyItemIds[0], /^[0-9a-f-]{36}$/);
      assert.equal(result.historyItemIds[1], GUID_1);
      assert.equal(result.activity.historyItems?.[0].activeDurationSeconds, 60);
    });

    it('puts a history item: 201, then 200', async () => {
      const graph = client();
      const { id } = await graph.upsertActivity(activity('b'));
      const item = { id: GUID_1, startedDateTime: '2026-03-15T18:00:00Z', userTimezone: 'Europe/Lisbon' };
      const first = await graph.putHistoryItem(id, item);
      assert.deepEqual([first.id, first.created], [GUID_1, true]);
      const second = await graph.putHistoryItem(id, { ...item, lastActiveDateTime: '2026-03-15T18:12:00Z' });
      assert.equal(second.created, false);
      const [stored] = await graph.listActivities();
      assert.equal(stored.historyItems?.[0].activeDurationSeconds, 720);
    });

    it('fails a history item PUT to a vanished activity with a 404, for the writer to recreate it', async () => {
      const graph = client();
      const { id } = await graph.upsertActivity(activity('c'));
      assert.equal(await graph.deleteActivity(id), true);
      await assert.rejects(
        graph.putHistoryItem(id, { id: GUID_2, startedDateTime: '2026-03-15T18:00:00Z' }),
        (error: unknown) => error instanceof GraphError && error.status === 404,
      );
      assert.deepEqual(
        graphRequests().map((r) => r.status),
        [201, 204, 404],
      );
    });

    it('deletes activities and history items (204), and treats an unknown one (404) as already gone', async () => {
      const graph = client();
      const { id } = await graph.upsertActivity(
        activity('d', { historyItems: [{ id: GUID_1, startedDateTime: '2026-03-15T18:00:00Z' }] }),
      );
      assert.equal(await graph.deleteHistoryItem(id, GUID_1), true);
      assert.equal(await graph.deleteHistoryItem(id, GUID_1), false);
      assert.equal(await graph.deleteActivity(id), true);
      assert.equal(await graph.deleteActivity(id), false);
      assert.deepEqual(
        graphRequests().map((r) => r.status),
        [201, 204, 404, 204, 404],
      );
    });
  });

  describe('errors and retries', () => {
    it('400: a typed permanent error, not retried', async () => {
      const error = await client()
        .upsertActivity(activity('h', { visualElements: { displayText: 'x', backgroundColor: 'blue' } }))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError);
      assert.equal(error.status, 400);
      assert.equal(error.kind, 'permanent');
      assert.equal(error.code, 'invalidRequest');
      assert.match(error.message, /refused the request \(400 invalidRequest\).*backgroundColor/);
      assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(error.clientRequestId, graphRequests()[0].headers['client-request-id']);
      assert.equal(graphRequests().length, 1);
      assert.ok(
        logger.text().some((l) => l.includes(error.requestId!) && l.includes(error.clientRequestId!)),
        'both ids are logged',
      );
    });

    it('401 once: gets a fresh token and succeeds', async () => {
      const graph = client();
      await graph.upsertActivity(activity('i'));
      emulator.admin.expireAccessTokens();
      const result = await graph.upsertActivity(activity('i'));
      assert.equal(result.created, false);
      assert.deepEqual(
        graphRequests().map((r) => r.status),
        [201, 401, 200],
      );
      assert.deepEqual(
        credential.requests.map((r) => r.forceRefresh),
        [false, false, true],
      );
    });

    it('401 even with a fresh token: needsSignIn', async () => {
      emulator.admin.rejectAllAccessTokens(true);
      const error = await client()
        .upsertActivity(activity('j'))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError);
      assert.equal(error.kind, 'needsSignIn');
      assert.equal(error.code, 'InvalidAuthenticationToken');
      assert.deepEqual(
        graphRequests().map((r) => r.status),
        [401, 401],
      );
    });

    it('no token at all: needsSignIn without a request', async () => {
      const error = await client({ credential: { getToken: () => Promise.resolve(null) } })
        .upsertActivity(activity('k'))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError && error.kind === 'needsSignIn');
      assert.equal(graphRequests().length, 0);
    });

    it('a credential that needs the person (AuthenticationRequiredError): needsSignIn; any other failure: retryable', async () => {
      const failing = (name: string) => ({
        getToken: () => {
          const error = new Error('Automatic authentication has been disabled.');
          error.name = name;
          return Promise.reject(error);
        },
      });
      const signIn = await client({ credential: failing('AuthenticationRequiredError') })
        .upsertActivity(activity('k'))
        .catch((e: unknown) => e);
      assert.ok(signIn instanceof GraphError && signIn.kind === 'needsSignIn' && signIn.code === 'signInRequired');
      const offline = await client({ credential: failing('RestError') })
        .upsertActivity(activity('k'))
        .catch((e: unknown) => e);
      assert.ok(offline instanceof GraphError && offline.kind === 'retryable');
      assert.equal(clock.sleeps.length, 3);
      assert.equal(graphRequests().length, 0);
    });

    it('403 (token without the permission): permanent, not retried', async () => {
      credential = new EmulatorCredential(emulator, CLIENT_ID, ['User.Read']);
      const error = await client()
        .listActivities()
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError && error.status === 403 && error.kind === 'permanent');
      assert.equal(graphRequests().length, 1);
    });

    for (const status of [429, 500, 503, 504]) {
      it(`${status}: retried, then succeeds`, async () => {
        emulator.admin.addFault({
          method: 'PUT',
          sequence: [{ kind: 'status', status, retryAfter: status === 500 ? undefined : '0.01' }],
        });
        const result = await client().upsertActivity(activity(`s${status}`));
        assert.equal(result.created, true);
        assert.deepEqual(
          graphRequests().map((r) => r.status),
          [status, 201],
        );
        assert.deepEqual(clock.sleeps, [status === 500 ? 1500 : 10], 'Retry-After, or 2 s backoff at 75 % jitter');
      });
    }

    it('429 storm: honours each decimal Retry-After, gives up after the attempt limit', async () => {
      emulator.admin.addFault({ method: 'PUT', fault: { kind: 'status', status: 429, retryAfter: '2.5' }, times: 10 });
      const error = await client()
        .upsertActivity(activity('storm'))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError && error.status === 429 && error.kind === 'retryable');
      assert.equal(error.retryAfterMs, 2500);
      assert.deepEqual(clock.sleeps, [2500, 2500, 2500]);
      assert.equal(graphRequests().length, 4);
    });

    it('times out a slow answer and tries again', async () => {
      emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'delay', ms: 400 }] });
      const result = await client({ timeoutMs: 100 }).upsertActivity(activity('slow'));
      assert.equal(result.id.length > 0, true);
      assert.ok(logger.text().some((l) => /timeout/.test(l)));
      // The abandoned first attempt still lands later; PUT being idempotent, it only replaces.
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(emulator.state.all().length, 1);
      assert.deepEqual(
        graphRequests()
          .map((r) => r.status)
          .sort(),
        [200, 201],
      );
    });

    it('survives a dropped connection', async () => {
      emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'drop' }] });
      const result = await client().upsertActivity(activity('drop'));
      assert.equal(result.created, true);
      assert.ok(logger.text().some((l) => /networkError/.test(l)));
    });

    it('treats a truncated body as retryable; the idempotent PUT lands once', async () => {
      emulator.admin.addFault({ method: 'PUT', sequence: [{ kind: 'truncate' }] });
      const result = await client().upsertActivity(activity('cut'));
      assert.equal(result.created, false, 'the first, cut-off answer had already created it');
      assert.equal((await client().listActivities()).length, 1);
      assert.ok(logger.text().some((l) => /malformedResponse/.test(l)));
    });

    it('gives up on network errors after the attempt limit', async () => {
      emulator.admin.addFault({ method: 'GET', fault: { kind: 'drop' } });
      const error = await client()
        .listActivities()
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError && error.status === 0 && error.kind === 'retryable');
      assert.match(error.message, /could not be reached/);
      assert.equal(clock.sleeps.length, 3);
    });

    it('waits out the service’s own throttling (real time, tiny window)', async () => {
      emulator.admin.setThrottling({ enabled: true, windowMs: 150, writesPerWindow: 3 });
      const graph = client({ clock: systemClock });
      for (let i = 0; i < 5; i++) await graph.upsertActivity(activity(`t${i}`));
      const statuses = graphRequests().map((r) => r.status);
      assert.deepEqual(statuses.filter((s) => s === 201).length, 5);
      assert.ok(statuses.includes(429));
    });

    it('refuses to follow a nextLink to another origin (the token would go with it)', async () => {
      const fakeFetch: typeof fetch = () =>
        Promise.resolve(
          new Response(
            JSON.stringify({ value: [], '@odata.nextLink': 'https://elsewhere.example/v1.0/me/activities?$skiptoken=x' }),
            { status: 200 },
          ),
        );
      const error = await client({ fetch: fakeFetch })
        .listActivities()
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError && error.code === 'foreignLink');
    });
  });

  describe('answers too large to read', () => {
    const longest = (lines: string[]) => Math.max(0, ...lines.map((line) => line.length));

    it('an 8 MB error body: a bounded error message and log line, naming the cut', async () => {
      emulator.admin.addFault({ method: 'PUT', fault: { kind: 'bigBody', status: 400, bytes: 8 * 1024 * 1024 } });
      const error = await client()
        .upsertActivity(activity('huge-error'))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError);
      assert.equal(error.status, 400);
      assert.equal(error.kind, 'permanent');
      assert.match(error.serviceMessage, /the answer was over 64 KB; the rest was not read/);
      assert.ok(error.message.length < 1000, `message of ${error.message.length} characters`);
      assert.ok(longest(logger.text()) < 1000, `log line of ${longest(logger.text())} characters`);
    });

    it('a Graph error whose message alone is 60 KB: the message is cut to 1,000 characters', async () => {
      emulator.admin.addFault({ method: 'PUT', fault: { kind: 'bigBody', status: 503, bytes: 60_000 } });
      const error = await client({ retry: { maxAttempts: 1 } })
        .upsertActivity(activity('long-message'))
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError);
      assert.equal(error.code, 'hugeAnswer', 'the envelope was read whole');
      assert.equal(error.serviceMessage.length, 1000);
      assert.ok(error.serviceMessage.endsWith('…'));
      assert.ok(longest(logger.text()) < 1500);
    });

    it('a success answer over 4 MB is an error that says so, not a JSON failure', async () => {
      emulator.admin.addFault({ method: 'GET', fault: { kind: 'bigBody', status: 200, bytes: 5 * 1024 * 1024 } });
      const error = await client()
        .listActivities()
        .catch((e: unknown) => e);
      assert.ok(error instanceof GraphError);
      assert.equal(error.code, 'responseTooLarge');
      assert.equal(error.kind, 'permanent');
      assert.match(error.message, /Microsoft Graph answered with more than 4 MB/);
      assert.equal(graphRequests().length, 1, 'not retried');
    });

    it('a success answer of 3 MB is read whole', async () => {
      emulator.admin.addFault({ method: 'GET', fault: { kind: 'bigBody', status: 200, bytes: 3 * 1024 * 1024 } });
      assert.deepEqual(await client().listActivities(), []);
    });
  });

  describe('reading', () => {
    it('follows nextLinks through empty pages', async () => {
      const graph = client();
      for (let i = 0; i < 23; i++) await graph.upsertActivity(activity(`p${i}`));
      emulator.admin.setPaging({ pageSize: 5, emptyPagesBetween: 2 });
      emulator.admin.clearRequests();
      const all = await graph.listActivities();
      assert.equal(all.length, 23);
      assert.equal(new Set(all.map((a) => a.appActivityId)).size, 23);
      assert.equal(graphRequests().length, 5 * 3);
    });

    it('pages past other apps’ activities (CreatedByApp filtering leaves empty pages)', async () => {
      const other = new GraphClient({
        credential: new EmulatorCredential(emulator, 'ffffffff-0000-4000-8000-000000000000'),
        userAgent: 'other/1',
        baseUrl: emulator.graphUrl,
        clock,
      });
      for (let i = 0; i < 12; i++) await other.upsertActivity(activity(`other${i}`));
      await client().upsertActivity(activity('mine'));
      emulator.admin.setPaging({ pageSize: 4 });
      const mine = await client().listActivities();
      assert.deepEqual(
        mine.map((a) => a.appActivityId),
        ['mine'],
      );
      assert.equal((await other.listActivities()).length, 12);
    });

    it('applies $top across pages', async () => {
      const graph = client();
      for (let i = 0; i < 12; i++) await graph.upsertActivity(activity(`top${i}`));
      emulator.admin.setPaging({ pageSize: 5, emptyPagesBetween: 1 });
      emulator.admin.clearRequests();
      assert.equal((await graph.listActivities({ top: 7 })).length, 7);
      assert.match(graphRequests()[0].url, /\$top=7/);
      assert.equal(graphRequests().length, 4, 'empty, 5, empty, 2');
    });

    it('stops at the page limit', async () => {
      const graph = client({ maxPages: 2 });
      for (let i = 0; i < 6; i++) await graph.upsertActivity(activity(`lim${i}`));
      emulator.admin.setPaging({ pageSize: 2 });
      assert.equal((await graph.listActivities()).length, 4);
      assert.ok(logger.text().some((l) => /after 2 pages/.test(l)));
    });
  });

  describe('write budget', () => {
    it('makes writes wait when spent; nothing is dropped, nothing is throttled', async () => {
      emulator.admin.setThrottling({ enabled: true, windowMs: 60_000, writesPerWindow: 100 });
      // The budget's own clock is purely virtual: how long the requests take on a busy machine moves none of its
      // windows, so the count below is exact.
      const budgetClock = new VirtualClock();
      const writeBudget = new RequestBudget([{ windowMs: 1000, max: 2 }], budgetClock);
      const graph = client({ writeBudget });
      const started = budgetClock.now();
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => graph.upsertActivity(activity(`w${n}`))));
      assert.equal(results.length, 5);
      assert.equal(graphRequests().filter((r) => r.status === 201).length, 5);
      assert.ok(!graphRequests().some((r) => r.status === 429));
      assert.deepEqual(budgetClock.sleeps, [1000, 1000], 'two waits for the budget, each until a slot is free');
      assert.equal(budgetClock.now() - started, 2000);
      assert.equal(writeBudget.remaining(), 1, 'the fifth write is counted in the window it went out in');
    });

    it('a cancelled caller stops waiting for the budget', async () => {
      const writeBudget = new RequestBudget([{ windowMs: 60_000, max: 1 }], systemClock);
      const graph = client({ writeBudget, clock: systemClock });
      await graph.upsertActivity(activity('x1'));
      const controller = new AbortController();
      const pending = graph.upsertActivity(activity('x2'), controller.signal);
      setTimeout(() => controller.abort(), 20);
      await assert.rejects(pending);
      assert.equal(graphRequests().length, 1);
    });
  });
});
