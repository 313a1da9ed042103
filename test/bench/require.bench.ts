// require() of the activation bundle (release build) in fresh Node processes, with a stand-in `vscode` module that
// has the real API's top-level exports (names read from @types/vscode), so any interop helper that copies module
// namespaces pays what it pays in the editor. Node's own start-up is outside the timed span.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../runners/editor';
import { median } from './activation.bench';

export interface RequireBenchResult {
  samplesMs: number[];
  medianMs: number;
  /** Top-level exports of the stand-in `vscode` module. */
  vscodeExports: number;
  bundleBytes: number;
}

const stubRoot = path.join(projectRoot, 'test-artifacts', 'bench', 'require', 'node_modules');

/** Top-level names exported by `declare module 'vscode'` in @types/vscode (about 200). */
export function vscodeExportNames(typings: string): { name: string; kind: string }[] {
  return [...typings.matchAll(/^\texport (class|namespace|enum|const|let|function) (\w+)/gm)].map((m) => ({
    kind: m[1] ?? '',
    name: m[2] ?? '',
  }));
}

/** Writes node_modules/vscode: classes as empty classes (so `extends` works), everything else as empty objects. */
function writeVscodeStub(): number {
  const typings = fs.readFileSync(path.join(projectRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = vscodeExportNames(typings);
  const lines = names.map(({ kind, name }) =>
    kind === 'class' ? `exports.${name} = class ${name} { constructor() {} };` : `exports.${name} = {};`,
  );
  const dir = path.join(stubRoot, 'vscode');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), `'use strict';\n${lines.join('\n')}\n`);
  return names.length;
}

// Run from a file, not "node -e", which loads node:crypto and more before any code runs. The stand-in "vscode" is
// loaded first: in the editor that module is handed over by the host, not read from disk by the extension.
const CHILD = `
const bundle = process.argv[2];
require('vscode');
const started = performance.now();
require(bundle);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms }));
`;

/** Needs the release dist/extension.js built first. */
export function benchRequire(samples = 7, bundle = path.join(projectRoot, 'dist', 'extension.js')): RequireBenchResult {
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: build the release bundles first`);
  const vscodeExports = writeVscodeStub();
  const childFile = path.join(stubRoot, '..', 'require-child.js');
  fs.writeFileSync(childFile, CHILD);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const result = spawnSync(process.execPath, [childFile, bundle], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: stubRoot, NODE_OPTIONS: '' },
    });
    if (result.status !== 0) throw new Error(`require(${bundle}) failed in a fresh node:\n${result.stderr}`);
    times.push((JSON.parse(result.stdout) as { ms: number }).ms);
  }
  return { samplesMs: times, medianMs: median(times), vscodeExports, bundleBytes: fs.statSync(bundle).size };
}
