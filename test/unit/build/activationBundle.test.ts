// What activation loads: dist/extension.js built as the release build does, with esbuild's list of its inputs. The
// heavy parts (publishing, Graph, sign-in, the Published view, Forget, Insights, the pattern engine) must stay in
// their lazy bundles, and the bundle within the budget esbuild.mjs enforces.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';

/** The same number as ACTIVATION_BUDGET_BYTES in esbuild.mjs. */
const BUDGET_BYTES = 64 * 1024;

const HEAVY: [string, RegExp][] = [
  ['@azure/identity', /node_modules\/@azure\//],
  ['picomatch', /node_modules\/picomatch\//],
  ['re2js', /node_modules\/re2js\//],
  ['chart.js', /node_modules\/chart\.js\//],
  ['adaptivecards', /node_modules\/adaptivecards\//],
  ['src/graph/**', /^src\/graph\//],
  ['src/auth/identity*', /^src\/auth\/identity/],
  // Today's total (a 70-line counter the status bar shows) is the one file of src/publish the tracker needs.
  ['src/publish/**', /^src\/publish\/(?!todayTotal\.ts$)/],
  ['src/ui/publishedView', /^src\/ui\/publishedView\.ts$/],
  ['src/ui/forgetCommands', /^src\/ui\/forgetCommands\.ts$/],
  ['src/insights/**', /^src\/insights\//],
  // The ids of sessions forgotten while running (a set in memory): the tracker's sink checks them before appending.
  ['src/feed/**', /^src\/feed\/(?!forgotten\.ts$)/],
];

describe('the activation bundle (dist/extension.js)', function () {
  this.timeout(60_000);
  let inputs: string[];
  let bytes: number;
  let text: string;

  const bundle = (minify: boolean) =>
    build({
      entryPoints: ['src/extension.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify,
      external: ['vscode'],
      metafile: true,
      write: false,
      outdir: 'dist',
      logLevel: 'silent',
    });

  before(async () => {
    const release = await bundle(true);
    const [output] = Object.values(release.metafile.outputs);
    inputs = Object.keys(output.inputs);
    bytes = output.bytes;
    // Unminified, so esbuild's helpers keep their names.
    const readable = await bundle(false);
    text = readable.outputFiles.find((file) => file.path.endsWith('extension.js'))?.text ?? '';
  });

  it('pulls in none of the heavy modules: they load later, from their own bundles', () => {
    const found = HEAVY.flatMap(([name, pattern]) =>
      inputs.filter((input) => pattern.test(input)).map((input) => `${name}: ${input}`),
    );
    assert.deepEqual(found, []);
  });

  it(`stays under its budget of ${BUDGET_BYTES / 1024} KB minified`, () => {
    assert.ok(bytes < BUDGET_BYTES, `dist/extension.js is ${(bytes / 1024).toFixed(1)} KB`);
  });

  it('copies no module namespace at load (no __toESM interop helper)', () => {
    assert.ok(text.length > 0);
    assert.ok(!text.includes('__toESM'), 'a namespace import crept in');
  });
});
