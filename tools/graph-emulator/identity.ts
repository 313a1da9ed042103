// The emulated Microsoft identity platform: device codes, access/refresh/id tokens, expiry and revocation.

import { randomBytes, randomUUID } from 'node:crypto';
import { base64url, Claims, signJwt, verifyJwt } from './jwt';

export const GRAPH_PERMISSION = 'UserActivity.ReadWrite.CreatedByApp';

export interface EmulatedUser {
  oid: string;
  tid: string;
  preferredUsername: string;
  name: string;
}

export const DEFAULT_USER: EmulatedUser = {
  oid: '00000000-0000-4000-8000-00000000a11c',
  tid: '9188040d-6c67-4c5b-b112-36a304b66dad',
  preferredUsername: 'alice@example.org',
  name: 'Alice Example',
};

interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  userId?: string;
  denied?: boolean;
}

interface RefreshToken {
  clientId: string;
  userId: string;
  scope: string;
  revoked: boolean;
}

export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token: string;
  id_token: string;
  client_info: string;
}

export interface OAuthError {
  error: string;
  error_description: string;
}

export type AccessCheck = { ok: true; clientId: string; userId: string; scopes: string[] } | { ok: false; reason: string };

export class IdentityProvider {
  readonly secret = randomBytes(32);
  readonly users = new Map<string, EmulatedUser>([[DEFAULT_USER.oid, DEFAULT_USER]]);
  accessTokenLifetimeSeconds = 3600;
  autoApprove: boolean;
  /** Refuse every access token (a "still 401 after refresh" test). */
  rejectAll = false;
  private readonly deviceCodes = new Map<string, DeviceCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly invalidTokenIds = new Set<string>();
  private readonly issuedTokenIds: string[] = [];
  private readonly issuedTokenValues: string[] = [];

  constructor(
    private readonly now: () => number,
    /** The origin Graph runs on; issued access tokens carry it as `aud`. */
    public graphAudience: string,
    public authorityOrigin: string,
    options: { autoApprove?: boolean } = {},
  ) {
    this.autoApprove = options.autoApprove ?? false;
  }

  issuer(tenant: string): string {
    return `${this.authorityOrigin}/${tenant}/v2.0`;
  }

  mintAccessToken(
    clientId: string,
    userId: string = DEFAULT_USER.oid,
    scopes: string[] = [GRAPH_PERMISSION],
    lifetimeSeconds = this.accessTokenLifetimeSeconds,
  ): string {
    const user = this.users.get(userId) ?? DEFAULT_USER;
    const iat = Math.floor(this.now() / 1000);
    const jti = randomUUID();
    this.issuedTokenIds.push(jti);
    return this.remember(
      signJwt(
        {
          aud: this.graphAudience,
          iss: `${this.authorityOrigin}/${user.tid}/v2.0`,
          iat,
          nbf: iat,
          exp: iat + lifetimeSeconds,
          appid: clientId,
          azp: clientId,
          oid: user.oid,
          tid: user.tid,
          preferred_username: user.preferredUsername,
          scp: scopes.join(' '),
          ver: '2.0',
          uti: jti,
        },
        this.secret,
      ),
    );
  }

  /** Every access, id and refresh token handed out so far: what a leak test searches for. */
  issuedTokens(): string[] {
    return [...this.issuedTokenValues];
  }

  private remember(token: string): string {
    this.issuedTokenValues.push(token);
    return token;
  }

  checkAccessToken(token: string): AccessCheck {
    const claims = verifyJwt(token, this.secret);
    if (!claims || typeof claims.uti !== 'string' || typeof claims.appid !== 'string' || typeof claims.oid !== 'string')
      return { ok: false, reason: 'The access token is malformed or its signature is invalid.' };
    if (this.rejectAll || this.invalidTokenIds.has(claims.uti))
      return { ok: false, reason: 'The access token has been revoked or expired.' };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now())
      return { ok: false, reason: 'Lifetime validation failed, the token is expired.' };
    if (claims.aud !== this.graphAudience && claims.aud !== '00000003-0000-0000-c000-000000000000')
      return { ok: false, reason: 'Invalid audience.' };
    return {
      ok: true,
      clientId: claims.appid,
      userId: claims.oid,
      scopes: String(claims.scp ?? '')
        .split(' ')
        .filter(Boolean),
    };
  }

  /** Every access token issued so far stops working; new ones are fine. */
  expireIssuedAccessTokens(): void {
    for (const id of this.issuedTokenIds) this.invalidTokenIds.add(id);
  }

  revokeRefreshTokens(): void {
    for (const token of this.refreshTokens.values()) token.revoked = true;
  }

  startDeviceCode(clientId: string, scope: string, verificationUri: string): Record<string, string | number> {
    const userCode = randomBytes(6).toString('hex').slice(0, 9).toUpperCase();
    const deviceCode: DeviceCode = {
      deviceCode: base64url(randomBytes(24)),
      userCode,
      clientId,
      scope,
      expiresAt: this.now() + 900_000,
    };
    if (this.autoApprove) deviceCode.userId = DEFAULT_USER.oid;
    this.deviceCodes.set(deviceCode.deviceCode, deviceCode);
    return {
      device_code: deviceCode.deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    };
  }

  /** What a person does in the browser. Without a code, approves the most recent pending one. */
  approveDeviceCode(userCode?: string, userId: string = DEFAULT_USER.oid): boolean {
    const pending = [...this.deviceCodes.values()].filter(
      (d) => !d.userId && !d.denied && (userCode === undefined || d.userCode === userCode),
    );
    const target = pending[pending.length - 1];
    if (!target) return false;
    target.userId = userId;
    return true;
  }

  denyDeviceCode(userCode?: string): boolean {
    const target = [...this.deviceCodes.values()]
      .reverse()
      .find((d) => !d.userId && (userCode === undefined || d.userCode === userCode));
    if (!target) return false;
    target.denied = true;
    return true;
  }

  redeemDeviceCode(deviceCode: string, clientId: string): TokenResponse | OAuthError {
    const entry = this.deviceCodes.get(deviceCode);
    if (!entry || entry.clientId !== clientId)
      return { error: 'invalid_grant', error_description: 'AADSTS70000: The provided device code is not valid.' };
    if (entry.expiresAt <= this.now())
      return {
        error: 'expired_token',
        error_description: 'AADSTS70020: The provided value for the input parameter device_code is expired.',
      };
    if (entry.denied)
      return { error: 'authorization_declined', error_description: 'AADSTS70016: The user declined the sign-in.' };
    if (!entry.userId)
      return {
        error: 'authorization_pending',
        error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
      };
    this.deviceCodes.delete(deviceCode);
    return this.issue(clientId, entry.userId, entry.scope);
  }

  redeemRefreshToken(refreshToken: string, clientId: string, scope: string | undefined): TokenResponse | OAuthError {
    const entry = this.refreshTokens.get(refreshToken);
    if (!entry || entry.revoked || entry.clientId !== clientId) {
      return { error: 'invalid_grant', error_description: 'AADSTS70008: The provided refresh token has expired or was revoked.' };
    }
    // Refresh tokens rotate: the old one stops working once used.
    entry.revoked = true;
    return this.issue(clientId, entry.userId, scope ?? entry.scope);
  }

  private issue(clientId: string, userId: string, requestedScope: string): TokenResponse {
    const user = this.users.get(userId) ?? DEFAULT_USER;
    const scopes = requestedScope.split(/\s+/).filter(Boolean);
    const resourceScopes = scopes
      .filter((s) => !['openid', 'profile', 'offline_access'].includes(s))
      .map((s) => s.replace(/^.*\//, ''));
    const refreshToken = this.remember(base64url(randomBytes(32)));
    this.refreshTokens.set(refreshToken, { clientId, userId, scope: requestedScope, revoked: false });
    const iat = Math.floor(this.now() / 1000);
    const idClaims: Claims = {
      aud: clientId,
      iss: this.issuer(user.tid),
      iat,
      nbf: iat,
      exp: iat + 3600,
      oid: user.oid,
      sub: user.oid,
      tid: user.tid,
      name: user.name,
      preferred_username: user.preferredUsername,
      ver: '2.0',
    };
    return {
      token_type: 'Bearer',
      scope: [
        ...resourceScopes.map((s) => `${this.graphAudience}/${s}`),
        ...scopes.filter((s) => ['openid', 'profile', 'offline_access'].includes(s)),
      ].join(' '),
      expires_in: this.accessTokenLifetimeSeconds,
      ext_expires_in: this.accessTokenLifetimeSeconds,
      access_token: this.mintAccessToken(clientId, user.oid, resourceScopes),
      refresh_token: refreshToken,
      id_token: this.remember(signJwt(idClaims, this.secret)),
      client_info: base64url(JSON.stringify({ uid: user.oid, utid: user.tid })),
    };
  }
}

export function isOAuthError(value: TokenResponse | OAuthError): value is OAuthError {
  return 'error' in value;
}
