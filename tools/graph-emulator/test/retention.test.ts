// Retention as the documentation's examples imply it: a history item is hard-deleted 30 days after it was created
// unless the client set another time, and the `clientExpiration` switch answers what the documentation leaves open
// (is a later time kept?). The service's clock moves forward through the admin API, so weeks pass in a test.
import * as assert from 'node:assert/strict';
import { RunningEmulator } from '..';
import { useEmulator } from '../../../test/support/emulator';
import { call, GUID_A, GUID_B, validActivity } from './support';

const DAY = 24 * 60 * 60_000;

interface WireActivity {
  appActivityId: string;
  expirationDateTime: string;
  historyItems?: { id: string; createdDateTime: string; expirationDateTime: string }[];
}

describe('emulator: retention and the service clock', () => {
  let emulator: RunningEmulator;
  const start = Date.parse('2026-03-15T18:00:00Z');
  let now = start;
  useEmulator({ auth: false, now: () => now, throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    now = start;
    emulator.admin.reset();
    emulator.admin.setProfile({ profile: 'documented' });
  });

  const item = (id: string, expirationDateTime?: string) => ({
    id,
    startedDateTime: new Date(emulator.admin.clock().now).toISOString(),
    ...(expirationDateTime ? { expirationDateTime } : {}),
  });
  const put = (appActivityId: string, items: Record<string, unknown>[]) =>
    call(emulator, 'PUT', `/me/activities/${appActivityId}`, { ...validActivity(appActivityId), historyItems: items });
  const feed = async (): Promise<WireActivity[]> =>
    ((await call(emulator, 'GET', '/me/activities?$expand=historyItems')).json as { value: WireActivity[] }).value;
  const itemIds = async () => (await feed()).flatMap((a) => (a.historyItems ?? []).map((h) => h.id));
  const later = (days: number) => emulator.admin.moveClock({ days });

  it('forgets a history item, and its activity, 30 days after it was written when the client asked for nothing', async () => {
    assert.equal((await put('a', [item(GUID_A)])).status, 201);
    const written = (await feed())[0].historyItems?.[0];
    assert.equal(written?.expirationDateTime, new Date(start + 30 * DAY).toISOString());
    later(30);
    assert.deepEqual(await itemIds(), [], 'at exactly 30 days the item is gone');
    assert.deepEqual(await feed(), [], 'and so is the activity, written no later');
  });

  it('keeps what is younger than 30 days, counted from each write of the activity', async () => {
    await put('a', [item(GUID_A)]);
    later(20);
    await put('a', [item(GUID_B)]);
    later(15);
    assert.deepEqual(await itemIds(), [GUID_B], 'day 35: the first item (day 0) is gone, the second (day 20) stays');
    later(15);
    assert.deepEqual(await feed(), [], 'day 50: both gone, and the activity last written on day 20 too');
  });

  it('re-creates an item written again after it was hard-deleted, with a new creation time', async () => {
    await put('a', [item(GUID_A)]);
    later(31);
    await put('a', [item(GUID_A)]);
    const [again] = (await feed())[0].historyItems ?? [];
    assert.equal(again.createdDateTime, new Date(start + 31 * DAY).toISOString());
  });

  for (const [answer, expected] of [
    ['honoured', { day45: [GUID_A], expiry: 60 }],
    ['capped', { day45: [], expiry: 30 }],
    ['ignored', { day45: [], expiry: 30 }],
  ] as const) {
    it(`client-expiration ${answer}: an item asked to live 60 days ${expected.day45.length ? 'is still there' : 'is gone'} on day 45`, async () => {
      emulator.admin.setProfile({ clientExpiration: answer });
      await put('a', [item(GUID_A, new Date(start + 60 * DAY).toISOString())]);
      assert.equal((await feed())[0].historyItems?.[0].expirationDateTime, new Date(start + expected.expiry * DAY).toISOString());
      later(45);
      assert.deepEqual(await itemIds(), expected.day45);
      if (answer === 'honoured') assert.equal((await feed()).length, 1, 'its activity stays while it holds a live item');
    });
  }

  it('honours an earlier time the client asked for, except where client times are ignored', async () => {
    for (const [answer, days] of [
      ['honoured', 10],
      ['capped', 10],
      ['ignored', 30],
    ] as const) {
      emulator.admin.reset();
      emulator.admin.setProfile({ clientExpiration: answer });
      await put('a', [item(GUID_A, new Date(start + 10 * DAY).toISOString())]);
      assert.equal((await feed())[0].historyItems?.[0].expirationDateTime, new Date(start + days * DAY).toISOString(), answer);
    }
  });

  it('documented honours a later time, pessimistic ignores it', () => {
    assert.equal(emulator.admin.profile().switches.clientExpiration, 'honoured');
    emulator.admin.setProfile({ profile: 'pessimistic' });
    assert.equal(emulator.admin.profile().switches.clientExpiration, 'ignored');
    assert.match(emulator.admin.profile().description, /client-expiration ignored/);
  });

  it('moves the clock forward only, by days, ms or to a later time; reset brings it back; the timeline shows it', async () => {
    const admin = (method: string, body?: unknown) =>
      fetch(`${emulator.origin}/_emulator/clock`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as { now?: string; offsetMs?: number; error?: string } }));
    assert.deepEqual((await admin('GET')).json, { now: new Date(start).toISOString(), offsetMs: 0, ahead: '0 min' });
    assert.equal((await admin('POST', { days: 45 })).json.now, new Date(start + 45 * DAY).toISOString());
    assert.equal((await admin('POST', { ms: 60_000 })).json.offsetMs, 45 * DAY + 60_000);
    assert.equal(
      (await admin('POST', { to: new Date(start + 46 * DAY).toISOString() })).json.now,
      new Date(start + 46 * DAY).toISOString(),
    );
    assert.match(
      await (await fetch(`${emulator.origin}/`)).text(),
      /Service clock: 2026-04-30T18:00:00\.000Z \(moved 46 days ahead of real time\)/,
    );
    for (const refused of [
      { days: -1 },
      { to: new Date(start).toISOString() },
      { ms: Number.NaN },
      { days: 1, ms: 1 },
      {},
      { days: '3' },
      { days: 4000 },
    ]) {
      const answer = await admin('POST', refused);
      assert.equal(answer.status, 400, JSON.stringify(refused));
      assert.match(answer.json.error ?? '', /service clock/i);
    }
    emulator.admin.reset();
    assert.equal((await admin('GET')).json.offsetMs, 0);
  });
});
