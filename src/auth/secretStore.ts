// Where sign-in state lives: the editor's SecretStorage (OS keychain on the desktop), never settings, globalState
// or a plain file. Structural, so it can be tested without the editor.

export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** The key prefix of everything the extension keeps in SecretStorage. */
export const SECRET_PREFIX = 'activityFeed.auth';

/** One namespace per app registration and authority, so changing the client id never reuses another app's tokens. */
export function secretNamespace(authorityHost: string, tenant: string, clientId: string): string {
  return `${SECRET_PREFIX}/${encodeURIComponent(authorityHost)}/${encodeURIComponent(tenant)}/${encodeURIComponent(clientId)}`;
}
