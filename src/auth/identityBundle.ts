// Entry point of the lazy bundle dist/identity.js. Everything from @azure/identity that the extension uses is
// re-exported here, so the main bundle never contains it and activation never loads it.
export {
  DeviceCodeCredential,
  InteractiveBrowserCredential,
  ChainedTokenCredential,
  AuthenticationRequiredError,
  CredentialUnavailableError,
  deserializeAuthenticationRecord,
  serializeAuthenticationRecord,
  useIdentityPlugin,
} from '@azure/identity';
export type { AccessToken, TokenCredential, GetTokenOptions, AuthenticationRecord } from '@azure/identity';
export { adoptSecretRegistry } from '../text/redact';
