// Reads (never verifies) the expiry and user name of an access token, when it is a JWT at all: tokens for personal
// Microsoft accounts may be opaque, and then the caller falls back to a short assumed lifetime.

export interface TokenClaims {
  expiresOnTimestamp?: number;
  username?: string;
}

export function readTokenClaims(token: string): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) return {};
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    const exp = typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
    const username = [claims.preferred_username, claims.upn, claims.unique_name].find((v): v is string => typeof v === 'string');
    return { ...(exp ? { expiresOnTimestamp: exp } : {}), ...(username ? { username } : {}) };
  } catch {
    return {};
  }
}
