// What activation loads: dist/extension.js built as the release build does, with esbuild's list of its inputs. The
// heavy parts (publishing, Graph, sign-in, the Published view, Forget, Insights, the pattern engine) must stay in
// their lazy bundles, and the bundle within the budget esbuild.mjs enforces.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The same number as ACTIVATION_BUDGET_BYTES in esbuild.mjs. */
const BUDGET_BYTES = 42 * 1024;

/** A heavy file by its path: the pattern is made from the path, so the two cannot drift apart. */
function file(path: string, why = ''): [string, RegExp] {
  assert.ok(existsSync(path), `${path} does not exist: keep this list in step with src/`);
  return [why ? `${path} (${why})` : path, new RegExp(`^${path.replace(/[.]/g, '\\.')}$`)];
}

const HEAVY: [string, RegExp][] = [
  ['@azure/identity', /node_modules\/@azure\//],
  ['picomatch', /node_modules\/picomatch\//],
  ['re2js', /node_modules\/re2js\//],
  ['chart.js', /node_modules\/chart\.js\//],
  ['adaptivecards', /node_modules\/adaptivecards\//],
  ['src/graph/**', /^src\/graph\//],
  ['src/auth/identity*', /^src\/auth\/identity/],
  ['src/publish/**', /^src\/publish\//],
  file('src/settings/readSettings.vscode.ts', 'read by the services'),
  file('src/settings/validSettings.ts', 'validated by the services'),
  file('src/outbox/outbox.ts', 'activation only appends: src/outbox/outboxWriter.ts'),
  file('src/status/statusModel.ts', 'the status bar says "starting" until the services load'),
  file('src/feed/publishedView.vscode.ts'),
  file('src/feed/forgetCommands.vscode.ts'),
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
      entryPoints: { extension: 'src/extension.vscode.ts' },
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

  it('does no costly work at load: no node:crypto, no ICU segmenter, no timer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'activation-load-'));
    try {
      mkdirSync(join(dir, 'node_modules', 'vscode'), { recursive: true });
      // Whatever the bundle reads of the API at load is an empty object here; activate() is not called.
      writeFileSync(
        join(dir, 'node_modules', 'vscode', 'index.js'),
        'module.exports = new Proxy({}, { get: (_, name) => (name === "__esModule" ? false : {}) });',
      );
      writeFileSync(join(dir, 'extension.js'), text);
      const probe = [
        'let segmenters = 0, timers = 0;',
        'const Segmenter = Intl.Segmenter;',
        'Intl.Segmenter = function (...args) { segmenters++; return new Segmenter(...args); };',
        'const realSetTimeout = setTimeout, realSetInterval = setInterval;',
        'globalThis.setTimeout = (...args) => (timers++, realSetTimeout(...args));',
        'globalThis.setInterval = (...args) => (timers++, realSetInterval(...args));',
        "const exported = require('./extension.js');",
        'const crypto = process.moduleLoadList.filter((name) => /^NativeModule (internal\\/)?crypto/.test(name)).length;',
        'process.stdout.write(JSON.stringify({ activate: typeof exported.activate, crypto, segmenters, timers }));',
      ].join('\n');
      writeFileSync(join(dir, 'probe.js'), probe);
      const result = spawnSync(process.execPath, [join(dir, 'probe.js')], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { activate: 'function', crypto: 0, segmenters: 0, timers: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
