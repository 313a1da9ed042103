// Test doubles for the Graph client: a credential against the emulator (the clock and logger are the kit's, test/support).

import { AccessTokenLike, TokenCredential, TokenRequestOptions } from '../../../src/graph/credential';
import { RunningEmulator } from '../../../tools/graph-emulator';

/** A caching credential backed by the emulator's token minting, like a real one with a cache. */
export class EmulatorCredential implements TokenCredential {
  readonly requests: { scopes: string | string[]; forceRefresh: boolean }[] = [];
  private cached: AccessTokenLike | undefined;

  constructor(
    private readonly emulator: RunningEmulator,
    private readonly clientId: string,
    private readonly grantedScopes: string[] = ['UserActivity.ReadWrite.CreatedByApp'],
  ) {}

  getToken(scopes: string | string[], options?: TokenRequestOptions): Promise<AccessTokenLike | null> {
    const forceRefresh = options?.forceRefresh === true;
    this.requests.push({ scopes, forceRefresh });
    if (!this.cached || forceRefresh) {
      this.cached = {
        token: this.emulator.admin.mintAccessToken({ clientId: this.clientId, scopes: this.grantedScopes }),
        expiresOnTimestamp: Date.now() + 3_600_000,
      };
    }
    return Promise.resolve(this.cached);
  }
}
