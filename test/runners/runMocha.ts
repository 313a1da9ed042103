// Runs mocha in plain Node over the given folders' *.test.ts files (TypeScript loaded by scripts/register-ts.cjs)
// and writes a JSON summary to AF_TEST_RESULTS. Used by the unit and package tiers of `npm test`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { attachSummary } from './summary';

function listTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const folders = process.argv.slice(2);
const files = folders.flatMap(listTests).sort();
const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec' });
files.forEach((f) => mocha.addFile(path.resolve(f)));
const runner = mocha.run((failures) => {
  process.exitCode = failures > 0 ? 1 : 0;
});
attachSummary(
  runner,
  process.env.AF_TEST_RESULTS,
  files.map((f) => path.relative(process.cwd(), f)),
);
