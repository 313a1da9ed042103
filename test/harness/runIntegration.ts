// The integration tier: runs the compiled mocha suite (out/test/integration) inside the real extension host of
// VS Code 1.100 (code-server + headless Chromium), with this folder loaded as the extension under development.
//   node -r ./scripts/register-ts.cjs test/harness/runIntegration.ts [--files a.test.js,b.test.js]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEditor, projectRoot } from './editor';
import { prepareWorkspace, waitForSummary, printSummary, isWorkbenchNoise } from './runSupport';

async function main(): Promise<void> {
  const filesArg = process.argv.indexOf('--files');
  const only = filesArg > 0 ? process.argv[filesArg + 1] : '';
  const artifacts = path.join(projectRoot, 'test-artifacts', 'integration');
  fs.rmSync(artifacts, { recursive: true, force: true });
  const workspace = prepareWorkspace(path.join(artifacts, 'workspace'));
  const results = process.env.AF_TEST_RESULTS ?? path.join(artifacts, 'results.json');

  const started = Date.now();
  const editor = await startEditor({
    workspace,
    scratch: path.join(artifacts, 'editor'),
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
    env: { AF_TEST_RESULTS: results, AF_TEST_FILES: only, AF_TEST_ARTIFACTS: artifacts },
    onLog: (line) => {
      if (!isWorkbenchNoise(line)) console.log(`  [host] ${line}`);
    },
  });
  try {
    const summary = await waitForSummary(results, editor.testExit, 15 * 60_000);
    await editor.page.screenshot({ path: path.join(artifacts, 'editor-after-tests.png') }).catch(() => undefined);
    printSummary('integration', summary, Date.now() - started);
    process.exitCode = summary.failed > 0 || !summary.finished || summary.passed === 0 ? 1 : 0;
  } catch (error) {
    await editor.page.screenshot({ path: path.join(artifacts, 'editor-on-error.png') }).catch(() => undefined);
    console.error(`integration: ${error instanceof Error ? error.message : String(error)} (server log: ${path.join(artifacts, 'server.log')})`);
    process.exitCode = 1;
  } finally {
    fs.writeFileSync(path.join(artifacts, 'server.log'), editor.serverLog());
    await editor.stop();
  }
}

void main();
