// MSAL's token cache (access, refresh and id tokens) persisted in SecretStorage through MSAL's cache-plugin hooks,
// so a restart signs in silently. The plugin reads the stored cache before every cache access and writes it back
// only when MSAL changed it.
import { rememberSecretsIn } from '../text/redact';
import type { SecretStore } from './secretStore';

/** The slice of MSAL's TokenCacheContext a cache plugin uses. */
export interface CacheContextLike {
  readonly cacheHasChanged: boolean;
  readonly tokenCache: { serialize(): string; deserialize(cache: string): void };
}

export interface CachePluginLike {
  beforeCacheAccess(context: CacheContextLike): Promise<void>;
  afterCacheAccess(context: CacheContextLike): Promise<void>;
}

export class SecretTokenCache {
  private readonly names = new Set<string>();

  constructor(private readonly secrets: SecretStore) {}

  /**
   * A plugin for a cache @azure/identity keeps, by the name the credential was given (the secret namespace; some
   * versions add `.cae` / `.nocae`).
   */
  plugin(name: string): CachePluginLike {
    const key = this.key(name);
    this.names.add(name);
    return {
      beforeCacheAccess: async (context) => {
        const stored = await this.secrets.get(key);
        if (stored) context.tokenCache.deserialize(stored);
        if (stored) rememberSecretsIn(stored);
      },
      afterCacheAccess: async (context) => {
        if (context.cacheHasChanged) rememberSecretsIn(context.tokenCache.serialize());
        if (context.cacheHasChanged) await this.secrets.store(key, context.tokenCache.serialize());
      },
    };
  }

  /**
   * Forgets the cached access tokens but keeps the refresh token, so the next silent request gets a fresh access
   * token: what Graph's 401 for a token that still looks valid calls for (@azure/identity has no force-refresh).
   */
  async dropAccessTokens(): Promise<void> {
    for (const name of this.names) {
      const key = this.key(name);
      const stored = await this.secrets.get(key);
      if (!stored) continue;
      try {
        const cache = JSON.parse(stored) as Record<string, unknown>;
        cache.AccessToken = {};
        await this.secrets.store(key, JSON.stringify(cache));
      } catch {
        // An unreadable cache cannot give a silent token anyway: drop it, and sign-in is asked for.
        await this.secrets.delete(key);
      }
    }
  }

  /** Deletes every cache of one namespace. */
  async clear(namespace: string): Promise<void> {
    for (const name of [namespace, `${namespace}.nocae`, `${namespace}.cae`]) {
      this.names.delete(name);
      await this.secrets.delete(this.key(name));
    }
  }

  private key(name: string): string {
    return `${name}/tokenCache`;
  }
}
