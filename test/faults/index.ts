// Test entry of the faults tier's editor phases (see test/harness/runFaults.ts): AF_TEST_FILES picks the phase.
import { runTestsIn } from '../support/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
