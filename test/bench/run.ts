// `npm run bench`: prints the figures as a table; `npm run bench -- --json <file>` also writes them as JSON.
// Benchmarks report numbers; they never fail on a noisy machine. Targets are printed beside the figures.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchEngine } from './engine.bench';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const root = path.resolve(__dirname, '..', '..');

function bundleSizes(): Figure[] {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--release'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`release build failed:\n${build.stderr}`);
  const size = (file: string) => fs.statSync(path.join(root, 'dist', file)).size / 1024;
  return [
    { name: 'main bundle (dist/extension.js, minified)', value: size('extension.js'), unit: 'KB', target: '< 150 KB' },
    { name: 'lazy bundle (dist/identity.js, minified)', value: size('identity.js'), unit: 'KB', target: 'loaded only when a token is needed' },
  ];
}

function engineFigures(): Figure[] {
  const result = benchEngine();
  return [
    { name: 'tracker: events per second', value: result.eventsPerSecond, unit: 'events/s', target: '>= 1,000,000' },
    { name: 'tracker: time per event', value: result.microsPerEvent, unit: 'µs' },
    { name: 'tracker: heap per tracked document', value: result.heapBytesPerDocument, unit: 'bytes' },
  ];
}

function format(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function main(): void {
  const jsonAt = process.argv.indexOf('--json');
  const figures = [...bundleSizes(), ...engineFigures()];
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(14)}  unit       target`);
  for (const f of figures) {
    console.log(`${f.name.padEnd(width)}  ${format(f.value).padStart(14)}  ${f.unit.padEnd(9)}  ${f.target ?? ''}`);
  }
  console.log(`(node ${process.version}, ${process.arch}; gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === 'function'})`);
  if (jsonAt > 0) {
    const file = process.argv[jsonAt + 1];
    if (!file) throw new Error('--json needs a file name');
    fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2));
    console.log(`figures written to ${file}`);
  }
}

main();
