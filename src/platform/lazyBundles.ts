// The bundles that load after activation, each beside the running bundle in dist/: the services (publishing,
// sign-in, the Published view, Forget, previews, Check Graph), identity (@azure/identity, on the first token) and
// insights (the panel and the timesheet export). Each bundle has its own copy of this module, so each remembers
// what it loaded itself.
import { join } from 'node:path';
import { secretRegistry, type SecretRegistry } from '../text/redact';

/**
 * The bundles by name. The caller names the module's type (`loadBundle<typeof import('…')>`), so a bundle's types
 * are a dependency of the code that loads it and of nothing else: this module knows no bundle's contents.
 */
export type BundleName = 'services' | 'identity' | 'insights';

const loaded = new Map<BundleName, unknown>();

/** What every lazily loaded bundle exports, so its copy of the redaction knows the secrets this one knows. */
export interface SharesSecrets {
  adoptSecretRegistry(shared: SecretRegistry): void;
}

/** Loads `dist/<name>.js` the first time it is asked for. `bundleDir` defaults to the folder of the running bundle. */
export function loadBundle<Module>(name: BundleName, bundleDir: string = __dirname): Module {
  const known = loaded.get(name);
  if (known !== undefined) return known as Module;
  // A computed path keeps esbuild from inlining the bundle into the one that loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(join(bundleDir, `${name}.js`)) as Module & SharesSecrets;
  bundle.adoptSecretRegistry(secretRegistry());
  loaded.set(name, bundle);
  return bundle;
}

export function isBundleLoaded(name: BundleName): boolean {
  return loaded.has(name);
}
