// Test entry for the editor that has the packaged .vsix installed (no extension under development).
import { runTestsIn } from '../runners/hostRunner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
