// Test entry of the restart phase (see test/runners/integration.ts): AF_TEST_FILES picks before or after.
import { runTestsIn } from '../runners/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
