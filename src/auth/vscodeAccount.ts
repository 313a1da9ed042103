// Sign-in with the editor's own Microsoft account provider, asking for a token of the user's app registration (the
// `VSCODE_CLIENT_ID:` / `VSCODE_TENANT:` scope convention). The account then appears in the Accounts menu, and the
// editor refreshes the token itself. Structural, so it can be tested without the editor.
import type { AccessTokenLike, TokenRequestOptions } from '../graph/credential';
import { SignInRequiredError } from './errors';
import { readTokenClaims } from './jwtClaims';

export interface EditorSession {
  accessToken: string;
  account: { label: string; id: string };
}

export interface EditorAuthentication {
  getSession(
    providerId: string,
    scopes: readonly string[],
    options: { silent?: boolean; createIfNone?: boolean },
  ): PromiseLike<EditorSession | undefined>;
}

export const MICROSOFT_PROVIDER = 'microsoft';
/** Opaque tokens carry no expiry; assume a short life, the provider refreshes on its own schedule. */
const ASSUMED_LIFETIME_MS = 5 * 60_000;

export class VsCodeAccount {
  private rejectedToken: string | undefined;

  constructor(
    private readonly authentication: EditorAuthentication,
    private readonly config: { clientId: string; tenant: string },
    private readonly now: () => number = Date.now,
  ) {}

  scopesFor(graphScope: string): string[] {
    return [`VSCODE_CLIENT_ID:${this.config.clientId}`, `VSCODE_TENANT:${this.config.tenant}`, graphScope, 'offline_access'];
  }

  async account(graphScope: string): Promise<{ username: string } | undefined> {
    const session = await this.authentication.getSession(MICROSOFT_PROVIDER, this.scopesFor(graphScope), { silent: true });
    return session ? { username: session.account.label } : undefined;
  }

  /** Silent only. After Graph refused a token, the same token again means the person has to sign in anew. */
  async getToken(scopes: string | string[], options: TokenRequestOptions = {}): Promise<AccessTokenLike> {
    const graphScope = Array.isArray(scopes) ? scopes[0] : scopes;
    const session = await this.authentication.getSession(MICROSOFT_PROVIDER, this.scopesFor(graphScope), { silent: true });
    if (!session) throw new SignInRequiredError('Not signed in with the editor’s Microsoft account.');
    if (options.forceRefresh) {
      if (session.accessToken === this.rejectedToken)
        throw new SignInRequiredError('Microsoft Graph refused the editor account’s token; sign in again.');
      this.rejectedToken = session.accessToken;
    }
    const claims = readTokenClaims(session.accessToken);
    return { token: session.accessToken, expiresOnTimestamp: claims.expiresOnTimestamp ?? this.now() + ASSUMED_LIFETIME_MS };
  }

  async signIn(graphScope: string): Promise<{ username: string }> {
    const session = await this.authentication.getSession(MICROSOFT_PROVIDER, this.scopesFor(graphScope), { createIfNone: true });
    if (!session) throw new SignInRequiredError('The editor’s Microsoft sign-in returned no account.');
    this.rejectedToken = undefined;
    return { username: session.account.label };
  }
}
