// The emulator hook: a Graph emulator (tools/graph-emulator) in this process for the enclosing mocha suite, started
// before its first test and closed after its last.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../tools/graph-emulator';

/** Starts an emulator with `options` before the suite and closes it after; `started` receives it once it runs. */
export function useEmulator(options: EmulatorOptions, started: (emulator: RunningEmulator) => void): void {
  let running: RunningEmulator | undefined;
  before(async () => {
    running = await startEmulator(options);
    started(running);
  });
  after(async () => {
    await running?.close();
    running = undefined;
  });
}
