// Makes a fresh clone ready for `npm test` and `npm run demo`: npm dependencies (npm ci when node_modules is
// missing or older than the lock file) and, as root, the Debian packages the real editor needs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const debianPackages = ['chromium', 'ripgrep', 'libkrb5-dev'];

function sh(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('bootstrap: installing npm dependencies (npm ci)');
  sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}

export function ensureDebianPackages() {
  const missing = debianPackages.filter((p) => {
    const q = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !q.stdout?.includes('install ok installed');
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install ${missing.join(' ')})`);
  }
  console.log(`bootstrap: installing Debian packages ${missing.join(' ')}`);
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
}

export function installEditor() {
  sh('bash', [join(root, 'scripts', 'install-editor.sh')]);
}

export function bootstrap({ editor = true } = {}) {
  ensureNodeModules();
  if (editor) {
    ensureDebianPackages();
    installEditor();
  }
}

// As a command (used by .ci/run, one stage per step): node scripts/bootstrap.mjs debian|npm|editor
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const steps = { debian: ensureDebianPackages, npm: ensureNodeModules, editor: installEditor };
  for (const name of process.argv.slice(2)) {
    const step = steps[name];
    if (!step) {
      console.error(`bootstrap: unknown step "${name}" (steps: ${Object.keys(steps).join(', ')})`);
      process.exit(2);
    }
    step();
  }
}
