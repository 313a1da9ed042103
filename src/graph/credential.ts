// The slice of @azure/core-auth's TokenCredential the client uses, declared structurally so this folder needs no
// dependency on it: any @azure/identity credential (or the extension's own) can be passed as is.

export interface AccessTokenLike {
  token: string;
  expiresOnTimestamp: number;
}

export interface TokenRequestOptions {
  abortSignal?: AbortSignal;
  /**
   * Set after Graph answered 401: the credential should skip its cache. @azure/identity ignores unknown options,
   * so credentials that cannot honour it simply return their cached token again (the client then asks the user to
   * sign in).
   */
  forceRefresh?: boolean;
}

export interface TokenCredential {
  getToken(scopes: string | string[], options?: TokenRequestOptions): Promise<AccessTokenLike | null>;
}

export const USER_ACTIVITY_PERMISSION = 'UserActivity.ReadWrite.CreatedByApp';

/** The scope to ask for, e.g. https://graph.microsoft.com/UserActivity.ReadWrite.CreatedByApp. */
export function userActivityScope(graphBaseUrl: string): string {
  return `${new URL(graphBaseUrl).origin}/${USER_ACTIVITY_PERMISSION}`;
}
