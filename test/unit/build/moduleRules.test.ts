// The module rules (.dependency-cruiser.cjs) fail when a stray file breaks one: a pure file importing an editor-bound
// one, a cycle made only of type imports, a folder importing against the directions (scripts/moduleDirections.cjs),
// a webview reaching into the extension host side, the product importing tests. That they hold for src/ is checked
// by the static tier (`npm run deps`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the directions are a CommonJS file dependency-cruiser reads
const { DIRECTIONS, layered } = require(join(ROOT, 'scripts', 'moduleDirections.cjs')) as {
  DIRECTIONS: Record<string, readonly string[]>;
  layered: (directions: Record<string, readonly string[]>) => string[];
};
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the project's rules over `src/` in `cwd`, and returns what it reported. */
function cruise(cwd: string, config: string): Violation[] {
  const result = spawnSync(process.execPath, [CLI, '--config', config, '--output-type', 'json', 'src'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(result.stdout.trim().startsWith('{'), `dependency-cruiser gave no report: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('module rules (dependency-cruiser)', function () {
  this.timeout(120_000);

  describe('against stray files', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'af-module-rules-'));
      const files: Record<string, string> = {
        // A pure file that imports an editor-bound one (only its type, even).
        'src/feature/pure.ts': "import type { Panel } from './panel.vscode';\nexport type Shown = Panel;\n",
        'src/feature/panel.vscode.ts': "import { window } from 'vscode';\nexport type Panel = typeof window;\n",
        // A cycle of type imports only.
        'src/cycle/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
        'src/cycle/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
        // A webview reaching the extension host side.
        'src/webview/page/main.ts': "import { value } from '../../feature/value';\nexport const shown = value;\n",
        'src/feature/value.ts': 'export const value = 1;\n',
        // The platform (a foundation) reaching up into publishing, against the directions.
        'src/platform/reach.ts': "import { later } from '../publish/later';\nexport const reached = later;\n",
        'src/publish/later.ts': "import { base } from '../platform/base';\nexport const later = base;\n",
        'src/platform/base.ts': 'export const base = 1;\n',
        // The product importing the tests' support code.
        'src/uses-tests.ts': "import { helper } from '../test/support/helper';\nexport const used = helper;\n",
        'test/support/helper.ts': 'export const helper = 1;\n',
        // What is allowed: an editor-bound file importing a pure one.
        'src/fine/view.vscode.ts': "import { value } from '../feature/value';\nexport const fine = value;\n",
        'node_modules/@types/vscode/index.d.ts': "declare module 'vscode' { export const window: { id: number }; }\n",
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs' }, include: ['src', 'test'] }),
        'rules.cjs': `module.exports = require(${JSON.stringify(join(ROOT, '.dependency-cruiser.cjs'))});\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('report each broken rule, and only those', () => {
      const found = cruise(dir, 'rules.cjs')
        .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
        .sort();
      assert.deepEqual(found, [
        'directions:platform: src/platform/reach.ts → src/publish/later.ts',
        'directions:webview: src/webview/page/main.ts → src/feature/value.ts',
        'no-cycles: src/cycle/a.ts → src/cycle/b.ts',
        'product-not-tests: src/uses-tests.ts → test/support/helper.ts',
        'pure-stays-pure: src/feature/pure.ts → src/feature/panel.vscode.ts',
        'webview-stands-alone: src/webview/page/main.ts → src/feature/value.ts',
      ]);
    });
  });

  describe('the directions between folders', () => {
    it('name every folder of src/, and only folders that exist', () => {
      const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      assert.deepEqual(Object.keys(DIRECTIONS).sort(), folders);
    });

    it('are refused when they would make a cycle between folders', () => {
      assert.throws(
        () => layered({ text: [], platform: ['text', 'publish'], publish: ['platform'] }),
        /a cycle: .*platform → publish → platform/,
      );
      assert.throws(() => layered({ platform: ['nowhere'] }), /unknown folder nowhere/);
      const order = layered(DIRECTIONS);
      for (const [folder, allowed] of Object.entries(DIRECTIONS))
        for (const lower of allowed) assert.ok(order.indexOf(lower) < order.indexOf(folder), `${lower} before ${folder}`);
    });
  });
});
