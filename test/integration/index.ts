// Test entry loaded inside the real extension host (code-server's, or test-electron's desktop one).
import { runTestsIn } from '../runners/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
