// Loaded inside the real extension host by the activation benchmark (as its extensionTestsPath). Waits for the
// editor to activate the extension the way it normally does (onStartupFinished), so the measurement is the natural
// start-up, then writes the activate() time the extension measured itself. Forces activation only if it never comes.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../../src/api';

const EXTENSION_ID = 'activity-feed.graph-activity-feed';
const NATURAL_ACTIVATION_WAIT_MS = 60_000;

export async function run(): Promise<void> {
  const resultFile = process.env.AF_BENCH_RESULT;
  if (!resultFile) throw new Error('AF_BENCH_RESULT is not set');
  const extension = vscode.extensions.getExtension<ActivityFeedApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const deadline = Date.now() + NATURAL_ACTIVATION_WAIT_MS;
  while (!extension.isActive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const forced = !extension.isActive;
  const api = await extension.activate();
  const main = (extension.packageJSON as { main?: unknown }).main;
  fs.writeFileSync(
    resultFile,
    JSON.stringify({ activationMs: api.activationMs, phases: api.activationPhases, forced, version: api.version, main }),
  );
}
