// `npm test`: every tier, in order, each printing what ran and how long it took; the last line is the total.
//   node scripts/test.mjs                 all tiers
//   node scripts/test.mjs unit integration   only those tiers (static, unit, integration, faults, hostile, package)
//   node scripts/test.mjs --under-load       (any tiers) with every core kept busy by scripts/cpuHog.mjs, each tier's
//                                            time printed beside its time in the last run without load
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from './bootstrap.mjs';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-artifacts', 'results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name, command, args) {
  const ok = run(command, args);
  console.log(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  if (ok) totals.passed++;
  else totals.failed++;
  return ok;
}

/** Runs a mocha tier that writes a JSON summary, and adds its counts to the totals. */
function mochaTier(name, command, args) {
  const file = join(resultsDir, `${name}.json`);
  const exitedCleanly = run(command, args, { AF_TEST_RESULTS: file });
  if (!existsSync(file)) {
    console.log(`${name}: the runner produced no results (exit ${exitedCleanly ? 0 : 'non-zero'})`);
    totals.failed++;
    return;
  }
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  const notFinished = summary.finished ? 0 : 1;
  const ranNothing = summary.passed + summary.failed === 0 ? 1 : 0;
  const exitMismatch = !exitedCleanly && summary.failed === 0 ? 1 : 0;
  totals.passed += summary.passed;
  totals.failed += summary.failed + notFinished + ranNothing + exitMismatch;
  totals.skipped += summary.pending;
  if (ranNothing) console.log(`${name}: no test ran`);
  if (exitMismatch) console.log(`${name}: the runner failed outside any test`);
  console.log(
    `${name}: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped in ${summary.files.length} files`,
  );
}

const node = process.execPath;
let built;
/** Bundles and compiled tests, once per invocation (the integration and faults tiers both need them). */
function build() {
  built ??= check('build (bundles + compiled tests)', node, ['esbuild.mjs', '--tests']);
  return built;
}
const tsNode = ['-r', './scripts/register-ts.cjs'];
const tiers = {
  static() {
    check('lint (eslint)', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']);
    check('format (prettier --check)', node, [
      'node_modules/prettier/bin/prettier.cjs',
      '--check',
      '--log-level',
      'warn',
      '**/*.{ts,mjs,cjs}',
    ]);
    check('module rules (dependency-cruiser)', node, [
      'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'src',
    ]);
    check('typecheck (tsc --noEmit)', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
    check('typecheck the webview (tsc --noEmit)', node, [
      'node_modules/typescript/bin/tsc',
      '--noEmit',
      '-p',
      'src/webview/tsconfig.json',
    ]);
  },
  unit() {
    mochaTier('unit', node, [...tsNode, 'test/runners/runMocha.ts', 'test/unit', 'tools/graph-emulator/test']);
  },
  integration() {
    if (!build()) return;
    mochaTier('integration', node, [...tsNode, 'test/runners/integration.ts']);
  },
  // Crashes, faults, bad input and leaks in the real editor (test/runners/faults.ts); the fast fault cases run
  // in the unit tier (test/unit/publish/faultTolerance).
  faults() {
    if (!build()) return;
    mochaTier('faults', node, [...tsNode, 'test/runners/faults.ts']);
  },
  // A cloned repository attacking through its settings, file names and git facts, in the real editor
  // (test/runners/hostile.ts): untrusted text stays inert, secrets stay out of every sink, privacy holds.
  hostile() {
    if (!build()) return;
    mochaTier('hostile', node, [...tsNode, 'test/runners/hostile.ts']);
  },
  package() {
    if (!check('package (vsce)', 'npm', ['run', '-s', 'package'])) return;
    if (!existsSync(join(root, 'out', 'test', 'installed', 'index.js'))) run(node, ['esbuild.mjs', '--tests']);
    mochaTier('package', node, [...tsNode, 'test/runners/runMocha.ts', 'test/package']);
  },
};

const underLoad = process.argv.includes('--under-load');
const wanted = process.argv.slice(2).filter((arg) => arg !== '--under-load');
const order = wanted.length > 0 ? wanted : Object.keys(tiers);
/** Each tier's seconds in the last run without load, to print beside a run under load. */
const timingsFile = join(root, '.cache', 'tier-seconds.json');
const unloaded = existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : {};
const seconds = {};
if (underLoad) {
  const hogs = cpus().map(() => spawn(node, [join(root, 'scripts', 'cpuHog.mjs')], { stdio: 'ignore' }));
  // Unreferenced, so they do not keep this process alive once the tiers are done; killed when it exits, however.
  hogs.forEach((hog) => hog.unref());
  const stopHogs = () => hogs.forEach((hog) => hog.kill('SIGKILL'));
  process.on('exit', stopHogs);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      stopHogs();
      process.exit(130);
    });
  console.log(`under load: ${hogs.length} busy processes, one per core, for the whole run`);
}
bootstrap({ editor: ['integration', 'faults', 'hostile', 'package'].some((tier) => order.includes(tier)) });
for (const name of order) {
  const tier = tiers[name];
  if (!tier) {
    console.error(`unknown tier "${name}"; tiers: ${Object.keys(tiers).join(', ')}`);
    process.exit(2);
  }
  const started = Date.now();
  console.log(`\n=== tier: ${name} ===`);
  tier();
  seconds[name] = (Date.now() - started) / 1000;
  const before = underLoad && unloaded[name] !== undefined ? ` (without load ${unloaded[name].toFixed(1)} s)` : '';
  timings.push(`${name} ${seconds[name].toFixed(1)} s${before}`);
}

if (!underLoad) {
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(timingsFile, JSON.stringify({ ...unloaded, ...seconds }, null, 2));
}
console.log(`\ntiers${underLoad ? ' (under load)' : ''}: ${timings.join(', ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
