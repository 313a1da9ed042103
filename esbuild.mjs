// Builds the extension.
//   node esbuild.mjs             development bundles (sourcemaps)
//   node esbuild.mjs --release   minified bundles, no sourcemaps (what the .vsix ships)
//   node esbuild.mjs --watch     development bundles, rebuilt on change
//   node esbuild.mjs --tests     development bundles plus src/, test/ and tools/ compiled file by file into out/ for mocha
//
// Bundles: dist/extension.js (loaded at activation: the tracker's listeners, the outbox append, the command and
// view registrations, the status bar; it has a size budget); dist/services.js (publishing, Graph, sign-in, the
// Published view, Forget, previews, Check Graph), required just after start-up or on the first command;
// dist/identity.js (@azure/identity), which the services require only when they first need a token;
// dist/matcher.js (picomatch + RE2JS, the exclusion-pattern engine), required only once a pattern is set;
// dist/insights.js (the Insights panel and the timesheet export), loaded when one of their commands first runs;
// and the browser bundles dist/insights-webview.js (Chart.js and the panel's renderer), dist/cards-webview.js
// (the Adaptive Cards renderer) and dist/timesheet-webview.js (the timesheet review), which only their webviews load.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const release = args.has('--release');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: release,
  sourcemap: release ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  legalComments: release ? 'linked' : 'inline',
};

const bundles = [
  // The lazy bundles are required by a computed path (src/platform/lazyBundles.ts), so esbuild never inlines them.
  { ...common, entryPoints: { extension: 'src/extension.vscode.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { services: 'src/app/services.vscode.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { identity: 'src/auth/identityBundle.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { matcher: 'src/tracking/globEngine.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { insights: 'src/insights/bundle.vscode.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: {
      'insights-webview': 'src/webview/insights/main.ts',
      'cards-webview': 'src/webview/cards/main.ts',
      'timesheet-webview': 'src/webview/timesheet/main.ts',
    },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

function listTs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The activation bundle's most bytes, minified (test/unit/build/activationBundle.test.ts holds the same number):
 * the tracker, the outbox's append, the status bar and the command registrations fit; anything more loads later.
 * 42 KB (was 44): the defences every log line and notification crosses from the first second (linear-time redaction
 * that knows six encodings of a secret field, the one way to show text) cannot wait for a later bundle, and the
 * classes activation builds keep their members `#private`, which the minifier shortens (public names it must keep). */
const ACTIVATION_BUDGET_BYTES = 42 * 1024;
const ACTIVATION_BUNDLE = join('dist', 'extension.js');

/** Prints each bundle's size; returns false when the activation bundle is over its budget (release builds). */
function printSizes(result) {
  let withinBudget = true;
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map') || file.endsWith('.LEGAL.txt')) continue;
    const name = relative('.', file);
    const budget = name === ACTIVATION_BUNDLE ? ` (budget ${kb(ACTIVATION_BUDGET_BYTES)})` : '';
    console.log(`bundle ${name.padEnd(22)} ${kb(info.bytes).padStart(10)}${release ? ' (minified)' : ''}${budget}`);
    if (budget && release && info.bytes > ACTIVATION_BUDGET_BYTES) {
      console.error(`esbuild: ${name} is ${kb(info.bytes)}, over its budget of ${kb(ACTIVATION_BUDGET_BYTES)}`);
      withinBudget = false;
    }
  }
  return withinBudget;
}

if (!watch) rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const options of bundles) {
    const ctx = await esbuild.context({
      ...options,
      plugins: [{ name: 'report', setup: (b) => b.onEnd((r) => r.errors.length === 0 && printSizes(r)) }],
    });
    await ctx.watch();
  }
  console.log('esbuild: watching src/ for changes');
} else {
  const results = await Promise.all(bundles.map((options) => esbuild.build(options)));
  if (!results.map(printSizes).every(Boolean)) process.exit(1);
}

if (tests) {
  // Unbundled, file by file: mocha loads test files directly and they import src modules by relative path.
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [...listTs('src'), ...listTs('test'), ...listTs('tools')].filter(
      (file) => !file.startsWith(join('src', 'webview')),
    ),
    outdir: 'out',
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  console.log('esbuild: compiled src/, test/ and tools/ into out/');
}
