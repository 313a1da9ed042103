// `npm run test:electron`: the same integration suite under @vscode/test-electron, which downloads a desktop
// VS Code 1.100 (machines with internet access only; this project's CI uses code-server instead).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './editorRun';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = prepareWorkspace(path.join(root, 'test-artifacts', 'electron', 'workspace'));
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { AF_TEST_ARTIFACTS: path.join(root, 'test-artifacts', 'electron') },
    });
  } catch (error) {
    console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

void main();
