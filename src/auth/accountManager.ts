// The one TokenCredential the extension uses, and the sign-in state everything else shows. It picks the way to get
// a token from the settings (or, with `auto`, the way the person last signed in), never prompts from getToken, and
// turns "no token without the person" into a state the status bar and publisher can wait on.
import type { AccessTokenLike, TokenCredential, TokenRequestOptions } from '../graph/credential';
import type { KeyValueStore, Logger } from '../platform/ports';
import type { AuthSettings } from '../settings/validSettings';
import { rememberSecret } from '../text/redact';
import { classifyTokenError, SignInRequiredError } from './errors';
import { FetchHttpClient } from './fetchHttpClient';
import { IdentityAccount, SignInOptions, type IdentityModule } from './identityAccount';
import type { SecretStore } from './secretStore';
import { EditorAuthentication, VsCodeAccount } from './vscodeAccount';

export type SignInFlow = 'vscode' | 'deviceCode' | 'browser';

export type AuthState =
  | { kind: 'notConfigured' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; username: string; flow: SignInFlow }
  | { kind: 'signInRequired'; reason: string; username?: string };

export interface AccountManagerOptions {
  settings: () => AuthSettings;
  /** The Graph scope, e.g. https://graph.microsoft.com/UserActivity.ReadWrite.CreatedByApp. */
  scope: () => string;
  identity: () => IdentityModule;
  secrets: SecretStore;
  editorAuthentication: EditorAuthentication;
  /** Remembers which way the person signed in (not a secret). */
  memento: KeyValueStore;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How @azure/identity reaches the token endpoint; the global fetch by default. */
  httpClient?: FetchHttpClient;
}

const LAST_FLOW_KEY = 'activityFeed.auth.lastFlow';
const FLOWS: readonly SignInFlow[] = ['vscode', 'deviceCode', 'browser'];

export class AccountManager implements TokenCredential {
  private current: AuthState = { kind: 'signedOut' };
  private readonly listeners = new Set<(state: AuthState) => void>();
  private providersKey = '';
  private identityAccount: IdentityAccount | undefined;
  private editorAccount: VsCodeAccount | undefined;

  constructor(private readonly options: AccountManagerOptions) {}

  get state(): AuthState {
    return this.current;
  }

  onDidChange(listener: (state: AuthState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Works out the state from what is stored, without network or prompts (on start and after settings change). */
  async refresh(): Promise<AuthState> {
    const settings = this.options.settings();
    if (!settings.clientId) return this.setState({ kind: 'notConfigured' });
    const flow = this.flow(settings);
    if (!flow) return this.setState({ kind: 'signedOut' });
    try {
      const account =
        flow === 'vscode' ? await this.editor().account(this.options.scope()) : await this.identityProvider().account();
      return this.setState(account ? { kind: 'signedIn', username: account.username, flow } : { kind: 'signedOut' });
    } catch (error) {
      this.options.log.warn(`Could not read the signed-in account: ${error instanceof Error ? error.message : String(error)}`);
      return this.setState({ kind: 'signedOut' });
    }
  }

  async getToken(scopes: string | string[], options?: TokenRequestOptions): Promise<AccessTokenLike> {
    const settings = this.options.settings();
    if (!settings.clientId) throw new SignInRequiredError('No app registration is configured (activityFeed.auth.clientId).');
    const flow = this.flow(settings);
    if (!flow) throw this.requireSignIn('Not signed in.');
    try {
      const token =
        flow === 'vscode'
          ? await this.editor().getToken(scopes, options)
          : await this.identityProvider().getToken(scopes, options);
      rememberSecret(token.token);
      if (this.current.kind !== 'signedIn') void this.refresh();
      return token;
    } catch (error) {
      const classified = classifyTokenError(error);
      if (classified instanceof SignInRequiredError) throw this.requireSignIn(classified.message, classified);
      throw classified;
    }
  }

  /** Interactive: only from a person's command or click. */
  async signIn(flow: SignInFlow, options: SignInOptions = {}): Promise<AuthState> {
    const settings = this.options.settings();
    if (!settings.clientId)
      throw new SignInRequiredError('Set activityFeed.auth.clientId to your app registration’s client id first.');
    const scope = this.options.scope();
    const account =
      flow === 'vscode' ? await this.editor().signIn(scope) : await this.identityProvider().signIn(flow, [scope], options);
    await this.options.memento.update(LAST_FLOW_KEY, flow);
    this.options.log.info(`Signed in (${flow}).`);
    return this.setState({ kind: 'signedIn', username: account.username, flow });
  }

  /** Forgets the tokens this extension holds. The editor's own account stays in the Accounts menu. */
  async signOut(): Promise<AuthState> {
    const settings = this.options.settings();
    if (settings.clientId) await this.identityProvider().signOut();
    await this.options.memento.update(LAST_FLOW_KEY, undefined);
    this.options.log.info('Signed out.');
    return this.setState(settings.clientId ? { kind: 'signedOut' } : { kind: 'notConfigured' });
  }

  private flow(settings: AuthSettings): SignInFlow | undefined {
    if (settings.method !== 'auto') return settings.method;
    const last = this.options.memento.get<string>(LAST_FLOW_KEY);
    return FLOWS.find((flow) => flow === last);
  }

  private requireSignIn(reason: string, cause?: unknown): SignInRequiredError {
    const username =
      this.current.kind === 'signedIn' || this.current.kind === 'signInRequired' ? this.current.username : undefined;
    if (this.current.kind !== 'signInRequired' || this.current.reason !== reason) {
      this.options.log.warn(`Sign-in required: ${reason}`);
      this.setState({ kind: 'signInRequired', reason, ...(username ? { username } : {}) });
    }
    return cause instanceof SignInRequiredError ? cause : new SignInRequiredError(reason, { cause });
  }

  private identityProvider(): IdentityAccount {
    this.ensureProviders();
    this.identityAccount ??= new IdentityAccount(
      this.options.identity,
      this.options.settings(),
      this.options.secrets,
      this.options.httpClient ??
        new FetchHttpClient(undefined, (origin, reason) =>
          this.options.log.warn(`The sign-in service at ${origin} could not be reached: ${reason}`),
        ),
    );
    return this.identityAccount;
  }

  private editor(): VsCodeAccount {
    this.ensureProviders();
    this.editorAccount ??= new VsCodeAccount(this.options.editorAuthentication, this.options.settings());
    return this.editorAccount;
  }

  /** A different app registration or authority means different accounts: start over with fresh providers. */
  private ensureProviders(): void {
    const { clientId, tenant, authorityHost } = this.options.settings();
    const key = `${clientId} ${tenant} ${authorityHost}`;
    if (key === this.providersKey) return;
    this.providersKey = key;
    this.identityAccount = undefined;
    this.editorAccount = undefined;
  }

  private setState(state: AuthState): AuthState {
    const changed = JSON.stringify(state) !== JSON.stringify(this.current);
    this.current = state;
    if (changed) for (const listener of [...this.listeners]) listener(state);
    return state;
  }
}
