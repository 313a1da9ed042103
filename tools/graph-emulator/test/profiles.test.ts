// The emulator answers each question the Graph documentation leaves open both ways, per profile and per switch.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { RunningEmulator } from '..';
import { assertGraphError, call, GUID_A, GUID_B, validActivity } from './support';
import { useEmulator } from '../../../test/support/emulator';

interface Held {
  id: string;
  historyItems?: { id: string }[];
}

describe('emulator: service profiles', () => {
  let emulator: RunningEmulator;
  const start = Date.parse('2026-03-15T18:00:00Z');
  let now = start;
  useEmulator({ auth: false, now: () => now, throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => {
    now = start;
    emulator.admin.reset();
    emulator.admin.setProfile({ profile: 'documented' });
    emulator.admin.setThrottling({ enabled: false, windowMs: 5 * 60_000, writesPerWindow: 100, writesPerDay: 8000 });
  });

  const item = (id: string, minute: number) => ({
    id,
    startedDateTime: `2026-03-15T17:${String(minute).padStart(2, '0')}:00Z`,
    lastActiveDateTime: `2026-03-15T17:${String(minute + 5).padStart(2, '0')}:00Z`,
  });
  const listed = async (): Promise<Held[]> =>
    ((await call(emulator, 'GET', '/me/activities?$expand=historyItems')).json as { value: Held[] }).value;

  it('documented: a deep-inserted id is the upsert key and a replacing PUT keeps earlier items', async () => {
    await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), historyItems: [item(GUID_A, 0)] });
    const second = await call(emulator, 'PUT', '/me/activities/a', {
      ...validActivity('a'),
      historyItems: [item(GUID_A, 1), item(GUID_B, 20)],
    });
    assert.deepEqual(
      (second.json as Held).historyItems?.map((h) => h.id),
      [GUID_A, GUID_B],
    );
    assert.deepEqual((await listed())[0].historyItems?.map((h) => h.id).sort(), [GUID_A, GUID_B].sort());
  });

  it('history-ids ignored: the service assigns its own ids, so sending an item again adds a second one', async () => {
    emulator.admin.setProfile({ historyIds: 'ignored' });
    const first = await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), historyItems: [item(GUID_A, 0)] });
    const assigned = (first.json as Held).historyItems?.[0].id;
    assert.notEqual(assigned?.toLowerCase(), GUID_A);
    await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), historyItems: [item(GUID_A, 0)] });
    assert.equal((await listed())[0].historyItems?.length, 2);
    assertGraphError(await call(emulator, 'DELETE', `/me/activities/${(first.json as Held).id}/historyItems/${GUID_A}`), 404);
    // The documented client-GUID path still honours the id.
    assert.equal(
      (
        await call(emulator, 'PUT', `/me/activities/${(first.json as Held).id}/historyItems/${GUID_B}`, {
          startedDateTime: '2026-03-15T17:30:00Z',
        })
      ).status,
      201,
    );
  });

  it('replace drops: a PUT of the activity keeps only the items its body names', async () => {
    emulator.admin.setProfile({ replace: 'drops' });
    await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), historyItems: [item(GUID_A, 0)] });
    await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), historyItems: [item(GUID_B, 20)] });
    assert.deepEqual(
      (await listed())[0].historyItems?.map((h) => h.id),
      [GUID_B],
    );
    await call(emulator, 'PUT', '/me/activities/a', validActivity('a'));
    assert.deepEqual((await listed())[0].historyItems, []);
  });

  it('throttled counted: a request sent before Retry-After ends is counted and pushes the wait further', async () => {
    emulator.admin.setThrottling({ enabled: true, writesPerWindow: 2 });
    emulator.admin.setProfile({ throttled: 'counted' });
    for (let i = 0; i < 2; i++) assert.equal((await call(emulator, 'DELETE', `/me/activities/${i}`)).status, 404);
    now += 60_000;
    const first = await call(emulator, 'DELETE', '/me/activities/x');
    assert.equal(first.headers.get('retry-after'), '240');
    now += 120_000;
    const early = await call(emulator, 'DELETE', '/me/activities/x');
    assert.equal(early.status, 429, 'still throttled');
    assert.equal(
      early.headers.get('retry-after'),
      '180',
      'the early retry is counted: the window needs the first refusal to age out',
    );
    now += 180_000;
    assert.equal((await call(emulator, 'DELETE', '/me/activities/x')).status, 404, 'admitted after the full wait');
  });

  it('throttled free: a refused request is not counted', async () => {
    emulator.admin.setThrottling({ enabled: true, writesPerWindow: 2 });
    for (let i = 0; i < 2; i++) await call(emulator, 'DELETE', `/me/activities/${i}`);
    now += 60_000;
    assert.equal((await call(emulator, 'DELETE', '/me/activities/x')).headers.get('retry-after'), '240');
    now += 120_000;
    assert.equal((await call(emulator, 'DELETE', '/me/activities/x')).headers.get('retry-after'), '120');
  });

  it('Retry-After is as long as the daily cap needs, far beyond three minutes', async () => {
    emulator.admin.setThrottling({ enabled: true, writesPerDay: 3 });
    for (let i = 0; i < 3; i++) await call(emulator, 'DELETE', `/me/activities/${i}`);
    now += 3_600_000;
    assert.equal((await call(emulator, 'DELETE', '/me/activities/x')).headers.get('retry-after'), String(23 * 3600));
  });

  it('encoded slash rejected: an id segment with %2F fails as the live front door does; readable ids without it pass', async () => {
    emulator.admin.setProfile({ encodedSlash: 'rejected', errors: 'real' });
    const refused = await call(emulator, 'PUT', '/me/activities/repo%3Ahost%2Ffile.ts', validActivity('repo:host/file.ts'));
    assertGraphError(refused, 400, /Resource not found for the segment 'repo:host'/);
    assert.equal((refused.json as { error: { code: string } }).error.code, 'RequestBroker--ParseUri');
    assert.equal(
      (await call(emulator, 'PUT', '/me/activities/repo!host~file.ts', validActivity('repo!host~file.ts'))).status,
      201,
    );
    emulator.admin.setProfile({ encodedSlash: 'accepted' });
    assert.equal(
      (await call(emulator, 'PUT', '/me/activities/repo%3Ahost%2Ffile.ts', validActivity('repo:host/file.ts'))).status,
      201,
    );
  });

  it('order: oldest created first, or most recently upserted first', async () => {
    for (const id of ['a', 'b', 'c']) await call(emulator, 'PUT', `/me/activities/${id}`, validActivity(id));
    await call(emulator, 'PUT', '/me/activities/a', validActivity('a'));
    const ids = async () => (await listed()).map((a) => (a as Held & { appActivityId: string }).appActivityId);
    assert.deepEqual(await ids(), ['a', 'b', 'c']);
    emulator.admin.setProfile({ order: 'newest' });
    assert.deepEqual(await ids(), ['a', 'c', 'b']);
  });

  it('errors real: no target, BadRequest and ResourceNotFound; generic: invalidRequest with a target', async () => {
    const generic = await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), visualElements: {} });
    assert.equal((generic.json as { error: { code: string } }).error.code, 'invalidRequest');
    assert.equal(typeof (generic.json as { error: { target?: string } }).error.target, 'string');
    emulator.admin.setProfile({ profile: 'pessimistic' });
    const real = await call(emulator, 'PUT', '/me/activities/a', { ...validActivity('a'), visualElements: {} });
    assert.equal((real.json as { error: { code: string } }).error.code, 'BadRequest');
    assert.equal((real.json as { error: { target?: string } }).error.target, undefined);
    assert.equal(
      (await call(emulator, 'DELETE', '/me/activities/123').then((r) => r.json as { error: { code: string } })).error.code,
      'ResourceNotFound',
    );
  });

  it('the admin API says which profile is in force and refuses unknown profiles, switches and values with the valid ones', async () => {
    const admin = async (method: string, body?: unknown) => {
      const response = await fetch(`${emulator.origin}/_emulator/profile`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        json: (await response.json()) as { profile?: string; switches?: Record<string, string>; error?: string },
      };
    };
    assert.equal((await admin('GET')).json.profile, 'documented');
    const set = await admin('POST', { profile: 'pessimistic' });
    assert.deepEqual(set.json.switches, {
      historyIds: 'ignored',
      replace: 'drops',
      throttled: 'counted',
      encodedSlash: 'rejected',
      order: 'newest',
      errors: 'real',
      clientExpiration: 'ignored',
    });
    assert.equal((await admin('POST', { order: 'oldest' })).json.profile, 'custom');
    const badProfile = await admin('POST', { profile: 'optimistic' });
    assert.equal(badProfile.status, 400);
    assert.match(badProfile.json.error ?? '', /documented, pessimistic/);
    assert.match((await admin('POST', { replace: 'sometimes' })).json.error ?? '', /Valid values: keeps, drops/);
    assert.match((await admin('POST', { colour: 'blue' })).json.error ?? '', /Valid switches: historyIds \(--history-ids\)/);
    const page = await (await fetch(`${emulator.origin}/`)).text();
    assert.match(
      page,
      /Service profile: custom \(history-ids ignored, replace drops, throttled counted, encoded-slash rejected, order oldest, errors real, client-expiration ignored\)/,
    );
  });

  it('npm run emulator refuses an unknown profile with the valid ones, and its banner names the profile', async function () {
    this.timeout(30_000);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['-r', './scripts/register-ts.cjs', path.join('tools', 'graph-emulator', 'cli.ts'), ...args],
          { cwd: path.resolve(__dirname, '../../..') },
        );
        let output = '';
        child.stdout.on('data', (d: Buffer) => {
          output += d.toString();
          if (output.includes('Stop with Ctrl+C')) child.kill('SIGTERM');
        });
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const refused = await run(['--profile', 'optimistic', '--no-throttling']);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /Unknown profile 'optimistic'\. Valid profiles: documented, pessimistic\./);
    const banner = await run(['--profile', 'pessimistic', '--order', 'oldest', '--no-throttling']);
    assert.match(
      banner.output,
      /Profile: +custom \(history-ids ignored, replace drops, throttled counted, encoded-slash rejected, order oldest, errors real, client-expiration ignored\)/,
    );
  });
});
