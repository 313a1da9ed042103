// The two ways getting a token fails, as the publisher needs to tell them apart: the person must act (sign in), or
// the moment is bad (offline, the token endpoint is down) and waiting is enough.

/** No token without the person: never signed in, signed out, refresh token revoked or expired, app misconfigured. */
export class SignInRequiredError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInRequiredError';
  }
}

/** The token endpoint could not be reached or failed; trying again later may work. */
export class TokenRequestFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenRequestFailedError';
  }
}

const NETWORK_TROUBLE =
  /endpoints_resolution_error|network_error|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|timed out/i;
const NEEDS_PERSON = new Set(['AuthenticationRequiredError', 'CredentialUnavailableError', 'SignInRequiredError']);

/** Maps whatever a credential threw to one of the two, keeping the first line of the original message. */
export function classifyTokenError(error: unknown): SignInRequiredError | TokenRequestFailedError {
  if (error instanceof SignInRequiredError || error instanceof TokenRequestFailedError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = firstLine(error);
  // MSAL reports an unreachable authority as an unavailable credential; that is the network, not the account.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  if (NETWORK_TROUBLE.test(message) || NETWORK_TROUBLE.test(cause)) {
    return new TokenRequestFailedError(message, { cause: error });
  }
  // @azure/identity's words here are meant for developers ("call the authenticate() method").
  if (name === 'AuthenticationRequiredError')
    return new SignInRequiredError('Your sign-in expired or was revoked.', { cause: error });
  if (NEEDS_PERSON.has(name)) return new SignInRequiredError(message, { cause: error });
  // @azure/identity's AuthenticationError carries the token endpoint's HTTP status: 4xx is a verdict on the app or
  // the account (invalid_client, invalid_grant), not a network hiccup.
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (name === 'AuthenticationError' && typeof status === 'number' && status >= 400 && status < 500) {
    return new SignInRequiredError(message, { cause: error });
  }
  return new TokenRequestFailedError(message, { cause: error });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 300);
}
