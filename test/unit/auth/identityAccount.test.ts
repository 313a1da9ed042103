// The real @azure/identity DeviceCodeCredential, signing in against the emulator's HTTPS token endpoint, with its
// token cache and account record kept in (a memory double of) SecretStorage.
import * as assert from 'node:assert/strict';
import { SignInRequiredError, TokenRequestFailedError } from '../../../src/auth/errors';
import { FetchHttpClient } from '../../../src/auth/fetchHttpClient';
import { IdentityAccount } from '../../../src/auth/identityAccount';
import * as identityBundle from '../../../src/auth/identityBundle';
import { DEFAULT_CLIENT_ID, RunningEmulator } from '../../../tools/graph-emulator';
import { fetchTrusting, MemorySecrets } from './support';
import { useEmulator } from '../../support/emulator';

describe('IdentityAccount (device code through @azure/identity)', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let secrets: MemorySecrets;
  let scope: string;
  const account = (store = secrets) =>
    new IdentityAccount(
      () => identityBundle,
      { clientId: DEFAULT_CLIENT_ID, tenant: 'common', authorityHost: emulator.authorityUrl ?? '' },
      store,
      new FetchHttpClient(fetchTrusting(emulator.caPem ?? '')),
    );

  useEmulator({ throttling: { enabled: false }, autoApproveDeviceCodes: true }, (started) => {
    emulator = started;
    scope = `${emulator.origin}/UserActivity.ReadWrite.CreatedByApp`;
  });
  beforeEach(() => {
    emulator.admin.reset();
    secrets = new MemorySecrets();
  });

  it('refuses to get a token before sign-in, without prompting', async () => {
    await assert.rejects(account().getToken(scope), SignInRequiredError);
    assert.equal(
      emulator.admin.requests().filter((r) => r.server === 'auth' && r.url.includes('devicecode')).length,
      0,
      'no device code was requested in the background',
    );
  });

  it('signs in by device code, shows the code, and a restart gets a token silently from SecretStorage', async () => {
    const codes: string[] = [];
    const signedIn = await account().signIn('deviceCode', [scope], { onDeviceCode: (info) => codes.push(info.userCode) });
    assert.equal(signedIn.username, 'alice@example.org');
    assert.equal(codes.length, 1, 'the user code reached the UI');

    const afterRestart = account();
    assert.equal((await afterRestart.account())?.username, 'alice@example.org');
    const token = await afterRestart.getToken(scope);
    const graph = await fetch(`${emulator.graphUrl}/me/activities`, { headers: { Authorization: `Bearer ${token.token}` } });
    assert.equal(graph.status, 200, 'the token works against Graph');
  });

  it('keeps tokens only in SecretStorage, and Sign Out removes every one of them', async () => {
    const signedIn = account();
    await signedIn.signIn('deviceCode', [scope]);
    const token = await signedIn.getToken(scope);
    const holding = [...secrets.values.entries()].filter(([, value]) => value.includes(token.token)).map(([key]) => key);
    assert.ok(
      holding.length > 0 && holding.every((key) => key.endsWith('/tokenCache')),
      `token found under ${holding.join(', ')}`,
    );
    await signedIn.signOut();
    assert.equal(secrets.values.size, 0);
    await assert.rejects(account().getToken(scope), SignInRequiredError);
  });

  it('gets a fresh token silently after Graph refused one that still looked valid', async () => {
    const signedIn = account();
    await signedIn.signIn('deviceCode', [scope]);
    const first = await signedIn.getToken(scope);
    emulator.admin.expireAccessTokens();
    const again = await signedIn.getToken(scope, { forceRefresh: true });
    assert.notEqual(again.token, first.token);
    const graph = await fetch(`${emulator.graphUrl}/me/activities`, { headers: { Authorization: `Bearer ${again.token}` } });
    assert.equal(graph.status, 200);
  });

  it('asks for sign-in when the refresh token is revoked', async () => {
    const signedIn = account();
    await signedIn.signIn('deviceCode', [scope]);
    emulator.admin.revokeRefreshTokens();
    await assert.rejects(signedIn.getToken(scope, { forceRefresh: true }), SignInRequiredError);
  });

  it('treats an unreachable token endpoint as "try later", not as signed out', async () => {
    const signedIn = account();
    await signedIn.signIn('deviceCode', [scope]);
    const offline = new IdentityAccount(
      () => identityBundle,
      { clientId: DEFAULT_CLIENT_ID, tenant: 'common', authorityHost: emulator.authorityUrl ?? '' },
      secrets,
      new FetchHttpClient(() => Promise.reject(new TypeError('fetch failed'))),
    );
    await assert.rejects(offline.getToken(scope, { forceRefresh: true }), TokenRequestFailedError);
  });
});
