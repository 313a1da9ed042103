// Test entry of the faults tier's editor phases (see test/runners/faults.ts): AF_TEST_FILES picks the phase.
import { runTestsIn } from '../runners/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
