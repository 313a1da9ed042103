import * as assert from 'node:assert/strict';
import { request } from 'node:https';
import { DeviceCodeCredential, DeviceCodeInfo } from '@azure/identity';
import { GraphClient } from '../../../src/graph/client';
import { TokenCredential } from '../../../src/graph/credential';
import { DEFAULT_USER, RunningEmulator } from '..';
import { assertGraphError, call, CLIENT_ID, validActivity } from './support';
import { useEmulator } from '../../../test/support/emulator';

interface HttpsAnswer {
  status: number;
  json: Record<string, unknown>;
}

function httpsCall(emulator: RunningEmulator, method: string, path: string, form?: Record<string, string>): Promise<HttpsAnswer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.authorityUrl!}${path}`,
      { method, ca: emulator.caPem, headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function claimsOf(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  assert.equal(parts.length, 3);
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('emulator: token endpoint and bearer checks', () => {
  let emulator: RunningEmulator;
  useEmulator({ throttling: { enabled: false } }, (started) => (emulator = started));
  beforeEach(() => emulator.admin.reset());

  it('serves OpenID metadata and instance discovery over HTTPS with its own CA', async () => {
    const metadata = await httpsCall(emulator, 'GET', '/common/v2.0/.well-known/openid-configuration');
    assert.equal(metadata.status, 200);
    assert.equal(metadata.json.token_endpoint, `${emulator.authorityUrl!}/common/oauth2/v2.0/token`);
    assert.equal(metadata.json.device_authorization_endpoint, `${emulator.authorityUrl!}/common/oauth2/v2.0/devicecode`);
    const discovery = await httpsCall(emulator, 'GET', '/common/discovery/instance?api-version=1.1');
    assert.equal(discovery.status, 200);
    assert.ok(emulator.caPem?.startsWith('-----BEGIN CERTIFICATE-----'));
  });

  it('signs in a real @azure/identity DeviceCodeCredential, whose token the GraphClient then uses', async () => {
    const prompts: DeviceCodeInfo[] = [];
    const credential = new DeviceCodeCredential({
      tenantId: 'common',
      clientId: CLIENT_ID,
      authorityHost: emulator.authorityUrl,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emulator.caPem },
      retryOptions: { maxRetries: 0 },
      userPromptCallback: (info) => {
        prompts.push(info);
        emulator.admin.approveDeviceCode(info.userCode);
      },
    });
    const typed: TokenCredential = credential;
    const graph = new GraphClient({ credential: typed, userAgent: 'graph-activity-feed/0.1.0', baseUrl: emulator.graphUrl });
    const created = await graph.upsertActivity({
      appActivityId: 'from-identity',
      activitySourceHost: 'https://a.example.org',
      activationUrl: 'vscode://x',
      visualElements: { displayText: 'x' },
    });
    assert.equal(created.created, true);
    assert.equal(prompts.length, 1);
    assert.match(prompts[0].message, /enter the code/);
    assert.equal(emulator.state.all()[0].clientId, CLIENT_ID);
  });

  it('keeps a device code pending until approved, then issues well-formed tokens', async () => {
    const scope = `${emulator.origin}/UserActivity.ReadWrite.CreatedByApp openid profile offline_access`;
    const code = await httpsCall(emulator, 'POST', '/common/oauth2/v2.0/devicecode', { client_id: CLIENT_ID, scope });
    for (const key of ['device_code', 'user_code', 'verification_uri', 'expires_in', 'interval', 'message'])
      assert.ok(key in code.json, key);
    const grant = {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: CLIENT_ID,
      device_code: String(code.json.device_code),
    };
    const pending = await httpsCall(emulator, 'POST', '/common/oauth2/v2.0/token', grant);
    assert.equal(pending.status, 400);
    assert.equal(pending.json.error, 'authorization_pending');
    assert.ok(emulator.admin.approveDeviceCode(String(code.json.user_code)));
    const tokens = await httpsCall(emulator, 'POST', '/common/oauth2/v2.0/token', grant);
    assert.equal(tokens.status, 200);
    assert.equal(tokens.json.token_type, 'Bearer');
    for (const key of ['access_token', 'refresh_token', 'id_token', 'client_info', 'expires_in', 'scope'])
      assert.ok(key in tokens.json, key);
    const id = claimsOf(String(tokens.json.id_token));
    assert.equal(id.aud, CLIENT_ID);
    assert.equal(id.oid, DEFAULT_USER.oid);
    for (const key of ['tid', 'preferred_username', 'iss', 'exp', 'iat', 'nbf']) assert.ok(key in id, key);
    assert.deepEqual(JSON.parse(Buffer.from(String(tokens.json.client_info), 'base64url').toString('utf8')), {
      uid: DEFAULT_USER.oid,
      utid: DEFAULT_USER.tid,
    });
    const access = claimsOf(String(tokens.json.access_token));
    assert.equal(access.scp, 'UserActivity.ReadWrite.CreatedByApp');
    assert.equal(access.appid, CLIENT_ID);
    assert.equal(access.azp, CLIENT_ID);
  });

  it('rotates refresh tokens and refuses a used or revoked one with invalid_grant', async () => {
    emulator.identity.autoApprove = true;
    try {
      const code = await httpsCall(emulator, 'POST', '/common/oauth2/v2.0/devicecode', {
        client_id: CLIENT_ID,
        scope: 'UserActivity.ReadWrite.CreatedByApp offline_access',
      });
      const first = await httpsCall(emulator, 'POST', '/common/oauth2/v2.0/token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: CLIENT_ID,
        device_code: String(code.json.device_code),
      });
      const refresh = (token: unknown) =>
        httpsCall(emulator, 'POST', '/common/oauth2/v2.0/token', {
          grant_type: 'refresh_token',
          client_id: CLIENT_ID,
          refresh_token: String(token),
        });
      const second = await refresh(first.json.refresh_token);
      assert.equal(second.status, 200);
      assert.notEqual(second.json.refresh_token, first.json.refresh_token);
      assert.equal((await refresh(first.json.refresh_token)).json.error, 'invalid_grant');
      emulator.admin.revokeRefreshTokens();
      assert.equal((await refresh(second.json.refresh_token)).json.error, 'invalid_grant');
    } finally {
      emulator.identity.autoApprove = false;
    }
  });

  it('refuses missing, malformed, forged and expired bearer tokens with 401 InvalidAuthenticationToken', async () => {
    assertGraphError(await call(emulator, 'GET', '/me/activities', undefined, { token: null }), 401);
    assertGraphError(await call(emulator, 'GET', '/me/activities', undefined, { token: 'not-a-jwt' }), 401);
    const genuine = emulator.admin.mintAccessToken({ clientId: CLIENT_ID });
    const [head, , signature] = genuine.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...claimsOf(genuine), appid: 'someone-else' })).toString('base64url');
    assertGraphError(
      await call(emulator, 'GET', '/me/activities', undefined, { token: `${head}.${forgedBody}.${signature}` }),
      401,
    );
    const expired = await call(emulator, 'GET', '/me/activities', undefined, {
      token: emulator.admin.mintAccessToken({ clientId: CLIENT_ID, lifetimeSeconds: -10 }),
    });
    assert.equal((expired.json as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
    assertGraphError(expired, 401, /expired/);
  });

  it('refuses a token without UserActivity.ReadWrite.CreatedByApp with 403', async () => {
    assertGraphError(
      await call(emulator, 'GET', '/me/activities', undefined, {
        token: emulator.admin.mintAccessToken({ clientId: CLIENT_ID, scopes: ['User.Read'] }),
      }),
      403,
    );
  });

  it('files activities under the calling client id: another app sees none of them', async () => {
    assert.equal((await call(emulator, 'PUT', '/me/activities/shared', validActivity('shared'))).status, 201);
    const other = emulator.admin.mintAccessToken({ clientId: 'ffffffff-0000-4000-8000-000000000000' });
    const list = await call(emulator, 'GET', '/me/activities', undefined, { token: other });
    assert.deepEqual((list.json as { value: unknown[] }).value, []);
    const sameId = await call(emulator, 'PUT', '/me/activities/shared', validActivity('shared'), { token: other });
    assert.equal(sameId.status, 201, 'the same appActivityId from another app is a different activity');
  });
});
