// The bundles that load after activation, each beside the running bundle in dist/: the workbench (publishing,
// sign-in, the Published view, Forget, previews, Check Graph), identity (@azure/identity, on the first token) and
// insights (the panel and the timesheet export). Each bundle has its own copy of this module, so each remembers
// what it loaded itself.
import { join } from 'node:path';
import { secretRegistry, type SecretRegistry } from './redact';

export interface LazyBundles {
  workbench: typeof import('./app/workbench');
  identity: typeof import('./auth/identityBundle');
  insights: typeof import('./ui/insights/index');
}

export type IdentityModule = LazyBundles['identity'];
export type InsightsModule = LazyBundles['insights'];

const loaded: Partial<LazyBundles> = {};

/** What every lazily loaded bundle exports, so its copy of the redaction knows the secrets this one knows. */
export interface SharesSecrets {
  adoptSecretRegistry(shared: SecretRegistry): void;
}

/** Loads `dist/<name>.js` the first time it is asked for. `bundleDir` defaults to the folder of the running bundle. */
export function loadBundle<K extends keyof LazyBundles>(name: K, bundleDir: string = __dirname): LazyBundles[K] {
  const known = loaded[name];
  if (known !== undefined) return known;
  // A computed path keeps esbuild from inlining the bundle into the one that loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(join(bundleDir, `${name}.js`)) as LazyBundles[K] & SharesSecrets;
  bundle.adoptSecretRegistry(secretRegistry());
  loaded[name] = bundle;
  return bundle;
}

export function isBundleLoaded(name: keyof LazyBundles): boolean {
  return loaded[name] !== undefined;
}
