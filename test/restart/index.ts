// Test entry of the restart phase (see test/harness/runIntegration.ts): AF_TEST_FILES picks before or after.
import { runTestsIn } from '../support/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
