import { join } from 'node:path';

export type IdentityModule = typeof import('./identityBundle');

let cached: IdentityModule | undefined;

/**
 * Loads @azure/identity from its own bundle (dist/identity.js, beside dist/extension.js) the first time a token is
 * needed. `bundleDir` defaults to the folder of the running main bundle.
 */
export function loadIdentity(bundleDir: string = __dirname): IdentityModule {
  if (!cached) {
    // A computed path keeps esbuild from inlining the heavy bundle into the main one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = require(join(bundleDir, 'identity.js')) as IdentityModule;
  }
  return cached;
}

export function isIdentityLoaded(): boolean {
  return cached !== undefined;
}
