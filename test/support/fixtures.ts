// The API reference's request/response examples, kept in the shared/ folder beside the repository
// (or wherever AF_SHARED_DIR points).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Fixture {
  http: string[];
  body: Record<string, unknown>;
}

export function fixturesDir(): string {
  const shared = process.env.AF_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared');
  return path.join(shared, 'fixtures');
}

/** Reads one example; a missing shared/ folder fails the test that needs it with a message saying where it looked. */
export function readFixture(name: string): Fixture {
  const file = path.join(fixturesDir(), name);
  if (!fs.existsSync(file)) {
    throw new Error(`API fixture ${name} not found at ${file}: the shared/ folder must sit beside the repository, or set AF_SHARED_DIR`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Fixture;
}
