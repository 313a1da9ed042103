// `npm run demo [-- --interactive]`: installs what is missing, builds, and runs the demo's driver (tools/demo/driver.ts).
import { spawnSync } from 'node:child_process';
import { bootstrap } from '../../scripts/bootstrap.mjs';

bootstrap({ editor: true });
const root = new URL('../..', import.meta.url).pathname;
const node = process.execPath;
const build = spawnSync(node, ['esbuild.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const demo = spawnSync(node, ['-r', './scripts/register-ts.cjs', 'tools/demo/driver.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(demo.status ?? 1);
