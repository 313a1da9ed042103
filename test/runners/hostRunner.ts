// Runs the compiled *.test.js files of one folder inside the extension host (the `run()` contract), printing
// mocha's spec output to the host's console and writing a JSON summary to AF_TEST_RESULTS if set.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { attachSummary } from './summary';

export function runTestsIn(dir: string): Promise<void> {
  // The host's console is no terminal: plain text for the logs.
  Mocha.reporters.Base.useColors = false;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = (process.env.AF_TEST_FILES ?? '').split(',').filter(Boolean);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => only.length === 0 || only.includes(f))
    .sort();
  // A name that matches no file would make a run of nothing look like a pass.
  const unknown = only.filter((name) => !files.includes(name));
  if (unknown.length > 0 || files.length === 0)
    return Promise.reject(new Error(`No test file ${unknown.join(', ') || '(none found)'} in ${dir}.`));
  for (const file of files) mocha.addFile(path.join(dir, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      attachSummary(runner, process.env.AF_TEST_RESULTS, files);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
