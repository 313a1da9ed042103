// The one credential the extension uses: which way it signs in, what it tells the status bar, and that background
// calls never prompt.
import * as assert from 'node:assert/strict';
import { AccountManager, AuthState } from '../../../src/auth/accountManager';
import { SignInRequiredError } from '../../../src/auth/errors';
import { FetchHttpClient } from '../../../src/auth/fetchHttpClient';
import * as identityBundle from '../../../src/auth/identityBundle';
import type { EditorAuthentication, EditorSession } from '../../../src/auth/vscodeAccount';
import { DEFAULT_SETTINGS, AuthSettings } from '../../../src/settings/validSettings';
import { DEFAULT_CLIENT_ID, RunningEmulator } from '../../../tools/graph-emulator';
import { fetchTrusting, MemoryMemento, MemorySecrets } from './support';
import { useEmulator } from '../../support/emulator';

class FakeEditorAuth implements EditorAuthentication {
  session: EditorSession | undefined;
  readonly calls: { scopes: readonly string[]; silent: boolean }[] = [];

  getSession(
    _provider: string,
    scopes: readonly string[],
    options: { silent?: boolean; createIfNone?: boolean },
  ): Promise<EditorSession | undefined> {
    this.calls.push({ scopes, silent: options.silent === true });
    if (options.createIfNone)
      this.session ??= { accessToken: 'opaque-editor-token', account: { label: 'bob@example.org', id: 'b' } };
    return Promise.resolve(this.session);
  }
}

describe('AccountManager', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let settings: AuthSettings;
  let editorAuth: FakeEditorAuth;
  let memento: MemoryMemento;
  let states: AuthState[];
  let manager: AccountManager;
  let scope: string;

  useEmulator({ throttling: { enabled: false }, autoApproveDeviceCodes: true }, (started) => {
    emulator = started;
    scope = `${emulator.origin}/UserActivity.ReadWrite.CreatedByApp`;
  });
  beforeEach(() => {
    emulator.admin.reset();
    settings = { ...DEFAULT_SETTINGS.auth, clientId: DEFAULT_CLIENT_ID, authorityHost: emulator.authorityUrl ?? '' };
    editorAuth = new FakeEditorAuth();
    memento = new MemoryMemento();
    states = [];
    manager = new AccountManager({
      settings: () => settings,
      scope: () => scope,
      identity: () => identityBundle,
      secrets: new MemorySecrets(),
      editorAuthentication: editorAuth,
      memento,
      log: { info: () => undefined, warn: () => undefined },
      httpClient: new FetchHttpClient(fetchTrusting(emulator.caPem ?? '')),
    });
    manager.onDidChange((state) => states.push(state));
  });

  it('says "not set up" without a client id, and refuses tokens with a message naming the setting', async () => {
    settings = { ...settings, clientId: '' };
    assert.equal((await manager.refresh()).kind, 'notConfigured');
    await assert.rejects(manager.getToken(scope), /activityFeed\.auth\.clientId/);
  });

  it('turns a background token request before sign-in into "sign-in required", without any prompt', async () => {
    assert.equal((await manager.refresh()).kind, 'signedOut');
    await assert.rejects(manager.getToken(scope), SignInRequiredError);
    assert.equal(manager.state.kind, 'signInRequired');
    assert.ok(
      editorAuth.calls.every((c) => c.silent),
      'the editor account was only asked silently',
    );
  });

  it('with "auto", keeps using the way the person signed in, and Sign Out forgets it', async () => {
    await manager.signIn('deviceCode');
    assert.deepEqual(manager.state, { kind: 'signedIn', username: 'alice@example.org', flow: 'deviceCode' });
    assert.ok((await manager.getToken(scope)).token.length > 20);
    await manager.signOut();
    assert.equal(manager.state.kind, 'signedOut');
    await assert.rejects(manager.getToken(scope), SignInRequiredError);
    assert.deepEqual(
      states.map((s) => s.kind),
      ['signedIn', 'signedOut', 'signInRequired'],
    );
  });

  it('uses the editor account with the user’s own client id and tenant in the scopes', async () => {
    settings = { ...settings, method: 'vscode', tenant: 'contoso.onmicrosoft.com' };
    await manager.signIn('vscode');
    const token = await manager.getToken(scope);
    assert.equal(token.token, 'opaque-editor-token');
    assert.ok(token.expiresOnTimestamp > Date.now(), 'an opaque token gets an assumed expiry');
    assert.deepEqual(editorAuth.calls.at(-1)?.scopes, [
      `VSCODE_CLIENT_ID:${DEFAULT_CLIENT_ID}`,
      'VSCODE_TENANT:contoso.onmicrosoft.com',
      scope,
      'offline_access',
    ]);
  });

  it('asks for sign-in when Graph refuses the editor account’s token and the editor has no newer one', async () => {
    settings = { ...settings, method: 'vscode' };
    await manager.signIn('vscode');
    await manager.getToken(scope, { forceRefresh: true });
    await assert.rejects(manager.getToken(scope, { forceRefresh: true }), SignInRequiredError);
    assert.equal(manager.state.kind, 'signInRequired');
  });

  it('starts over when the client id changes: the old app’s sign-in does not carry over', async () => {
    await manager.signIn('deviceCode');
    settings = { ...settings, clientId: '99999999-2222-4333-8444-555555555555' };
    assert.equal((await manager.refresh()).kind, 'signedOut');
  });
});
