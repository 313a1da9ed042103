// Sign-in through @azure/identity (device code, or the system browser on the desktop), with MSAL's token cache and
// the account record kept in SecretStorage. Background calls are silent only: they never open a prompt.
import type { AccessTokenLike, TokenRequestOptions } from '../graph/credential';
import { classifyTokenError, SignInRequiredError } from './errors';
import { FetchHttpClient } from './fetchHttpClient';
import { secretNamespace, SecretStore } from './secretStore';
import { SecretTokenCache } from './secretTokenCache';

/** The lazily loaded bundle of `@azure/identity` (dist/identity.js). */
export type IdentityModule = typeof import('./identityBundle');

export type IdentityFlow = 'deviceCode' | 'browser';

export interface IdentityConfig {
  clientId: string;
  tenant: string;
  authorityHost: string;
}

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  message: string;
}

export interface SignInOptions {
  onDeviceCode?: (info: DeviceCodeInfo) => void;
  signal?: AbortSignal;
}

export interface SignedInAccount {
  username: string;
  tenantId: string;
  flow: IdentityFlow | 'vscode';
}

type Credential =
  InstanceType<IdentityModule['DeviceCodeCredential']> | InstanceType<IdentityModule['InteractiveBrowserCredential']>;
type AuthenticationRecord = NonNullable<Awaited<ReturnType<Credential['authenticate']>>>;

interface StoredRecord {
  flow: IdentityFlow;
  record: string;
}

/** Hosts of Microsoft's public clouds, whose metadata MSAL may look up; any other host is used as given. */
const KNOWN_AUTHORITY_HOSTS = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn']);

let cacheForPlugin: SecretTokenCache | undefined;
let pluginRegistered = false;
const caches = new WeakMap<SecretStore, SecretTokenCache>();

/** One cache object per secret store, so every credential of the window shares what it knows of cache names. */
function tokenCacheFor(secrets: SecretStore): SecretTokenCache {
  let cache = caches.get(secrets);
  if (!cache) {
    cache = new SecretTokenCache(secrets);
    caches.set(secrets, cache);
  }
  return cache;
}

export class IdentityAccount {
  private readonly namespace: string;
  private readonly cache: SecretTokenCache;
  private credential: Credential | undefined;
  private stored: StoredRecord | undefined | null = null;

  constructor(
    private readonly identity: () => IdentityModule,
    private readonly config: IdentityConfig,
    private readonly secrets: SecretStore,
    private readonly httpClient: FetchHttpClient = new FetchHttpClient(),
  ) {
    this.namespace = secretNamespace(config.authorityHost, config.tenant, config.clientId);
    this.cache = tokenCacheFor(secrets);
  }

  /** The account signed in with this app registration, if any (read from SecretStorage, no network). */
  async account(): Promise<SignedInAccount | undefined> {
    const stored = await this.storedRecord();
    if (!stored) return undefined;
    const record = this.parseRecord(stored.record);
    return record ? { username: record.username, tenantId: record.tenantId, flow: stored.flow } : undefined;
  }

  /** A token without any prompt; throws SignInRequiredError or TokenRequestFailedError. */
  async getToken(scopes: string | string[], options: TokenRequestOptions = {}): Promise<AccessTokenLike> {
    const credential = await this.silentCredential();
    if (options.forceRefresh) await this.cache.dropAccessTokens();
    try {
      const token = await credential.getToken(scopes, { abortSignal: options.abortSignal });
      return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
    } catch (error) {
      throw classifyTokenError(error);
    }
  }

  /** Interactive sign-in, only ever from a person's command. Replaces any earlier account of this app. */
  async signIn(flow: IdentityFlow, scopes: string[], options: SignInOptions = {}): Promise<SignedInAccount> {
    await this.cache.clear(this.namespace);
    const credential = this.create(flow, undefined, options.onDeviceCode);
    let record: AuthenticationRecord | undefined;
    try {
      record = await credential.authenticate(scopes, { abortSignal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw new Error('Sign-in was cancelled.', { cause: error });
      throw error;
    }
    if (!record) throw new SignInRequiredError('The sign-in finished without an account.');
    const stored: StoredRecord = { flow, record: this.identity().serializeAuthenticationRecord(record) };
    await this.secrets.store(this.recordKey(), JSON.stringify(stored));
    this.stored = stored;
    this.credential = credential;
    return { username: record.username, tenantId: record.tenantId, flow };
  }

  /** Forgets the account and every token of this app registration. */
  async signOut(): Promise<void> {
    this.credential = undefined;
    this.stored = undefined;
    await this.secrets.delete(this.recordKey());
    await this.cache.clear(this.namespace);
  }

  private async silentCredential(): Promise<Credential> {
    if (this.credential) return this.credential;
    const stored = await this.storedRecord();
    const record = stored ? this.parseRecord(stored.record) : undefined;
    if (!stored || !record) throw new SignInRequiredError('Not signed in.');
    this.credential = this.create(stored.flow, record);
    return this.credential;
  }

  private create(
    flow: IdentityFlow,
    record: AuthenticationRecord | undefined,
    onDeviceCode?: (info: DeviceCodeInfo) => void,
  ): Credential {
    const identity = this.identity();
    registerCachePlugin(identity, this.cache);
    const common = {
      clientId: this.config.clientId,
      tenantId: this.config.tenant,
      authorityHost: this.config.authorityHost,
      disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(new URL(this.config.authorityHost).hostname),
      disableAutomaticAuthentication: true,
      authenticationRecord: record,
      tokenCachePersistenceOptions: { enabled: true, name: this.namespace },
      httpClient: this.httpClient,
      retryOptions: { maxRetries: 1 },
      loggingOptions: { allowLoggingAccountIdentifiers: false },
    };
    if (flow === 'browser') return new identity.InteractiveBrowserCredential({ ...common, redirectUri: 'http://localhost' });
    return new identity.DeviceCodeCredential({
      ...common,
      userPromptCallback: (info) =>
        onDeviceCode?.({ userCode: info.userCode, verificationUri: info.verificationUri, message: info.message }),
    });
  }

  private async storedRecord(): Promise<StoredRecord | undefined> {
    if (this.stored !== null) return this.stored;
    const text = await this.secrets.get(this.recordKey());
    let stored: StoredRecord | undefined;
    try {
      const parsed = text ? (JSON.parse(text) as Partial<StoredRecord>) : undefined;
      if (parsed && (parsed.flow === 'deviceCode' || parsed.flow === 'browser') && typeof parsed.record === 'string')
        stored = { flow: parsed.flow, record: parsed.record };
    } catch {
      stored = undefined;
    }
    this.stored = stored;
    return stored;
  }

  private parseRecord(text: string): AuthenticationRecord | undefined {
    try {
      return this.identity().deserializeAuthenticationRecord(text);
    } catch {
      return undefined;
    }
  }

  private recordKey(): string {
    return `${this.namespace}/account`;
  }
}

/**
 * @azure/identity takes one process-wide persistence provider; it asks it for a cache plugin per credential, by the
 * cache name the credential was given (our secret namespace).
 */
function registerCachePlugin(identity: IdentityModule, cache: SecretTokenCache): void {
  cacheForPlugin = cache;
  if (pluginRegistered) return;
  pluginRegistered = true;
  identity.useIdentityPlugin((context) => {
    const control = (
      context as { cachePluginControl?: { setPersistence(factory: (options?: { name?: string }) => Promise<unknown>): void } }
    ).cachePluginControl;
    control?.setPersistence((options) => {
      if (!cacheForPlugin || !options?.name) return Promise.reject(new Error('no token cache is configured'));
      return Promise.resolve(cacheForPlugin.plugin(options.name));
    });
  });
}
