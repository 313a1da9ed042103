// Test entry of the hostile-repository tier's editor phases (see test/runners/hostile.ts): AF_TEST_FILES picks
// the phase's files.
import { runTestsIn } from '../runners/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
