// The API reference's request/response examples, kept in the repository (test/fixtures/graph-reference).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Fixture {
  http: string[];
  body: Record<string, unknown>;
}

/** Resolved from the repository root, so it holds for the TypeScript sources and for the compiled tests in out/. */
export function fixturesDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return path.join(dir, 'test', 'fixtures', 'graph-reference');
}

/** Reads one example; a missing file fails the test that needs it with a message saying where it looked. */
export function readFixture(name: string): Fixture {
  const file = path.join(fixturesDir(), name);
  if (!fs.existsSync(file)) throw new Error(`API fixture ${name} not found at ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Fixture;
}
