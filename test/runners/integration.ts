// The integration tier: runs the compiled mocha suites inside the real extension host of VS Code 1.100
// (code-server + headless Chromium), with this folder loaded as the extension under development, against the local
// Graph emulator (its token endpoint over HTTPS, its CA trusted by the extension host through NODE_EXTRA_CA_CERTS).
//   node -r ./scripts/register-ts.cjs test/runners/integration.ts [--files a.test.js,b.test.js] [--skip-restart | --restart-only]
// Phases:
//   main     out/test/integration/*.test.js in one editor;
//   restart  out/test/restart: sessions queued in one editor run, then the editor restarted with two windows
//            that both start publishing the same outbox at the same moment (when publishing is switched on).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot, RunningEditor } from './editor';
import { prepareWorkspace, printSummary, runEditorPhase, startEmulatorForEditor } from './editorRun';
import type { RunningEmulator } from '../../tools/graph-emulator';
import { emulatorSettings } from './emulatorSettings';
import { answerProbe, PROBE_REQUEST } from './webviewProbe';
import type { TestSummary } from './summary';

const artifactsRoot = path.join(projectRoot, 'test-artifacts', 'integration');

interface Phase {
  name: string;
  testsPath: string;
  files: string;
  scratch: string;
  workspace: string;
  userSettings: Record<string, unknown>;
  port?: number;
  /** Opens a second window (no tests in it) on the same workspace before the tests start. */
  secondWindow?: boolean;
}

async function runPhase(
  phase: Phase,
  emulator: RunningEmulator,
  caFile: string,
  results: string,
): Promise<{ summary: TestSummary; port: number }> {
  const outcome = await runEditorPhase({
    ...phase,
    artifactsRoot,
    emulator,
    caFile,
    results,
    timeoutMs: 15 * 60_000,
    pollMs: 250,
    onLine: (line, editor) => {
      const shot = SCREENSHOT_REQUEST.exec(line);
      if (shot && editor) void takeScreenshot(editor, shot[1]);
      else if (PROBE_REQUEST.test(line) && editor) void answerProbe(editor.page, line, path.join(artifactsRoot, 'webview'));
      else return false;
      return true;
    },
    started: async (editor) => {
      if (!phase.secondWindow) return;
      const second = await editor.page.context().newPage();
      const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${editor.port}${projectRoot}`]]);
      await second.goto(`${editor.url}/?${new URLSearchParams({ folder: phase.workspace, payload }).toString()}`);
    },
  });
  const summary = outcome.summary;
  if (!summary) throw new Error(`${phase.name}: no test results`);
  printSummary(`integration/${phase.name}`, summary, outcome.seconds * 1000);
  return { summary, port: outcome.port };
}

/** A test inside the editor asks for a picture of the workbench by logging this line; it waits for the file. */
const SCREENSHOT_REQUEST = /^\[af-screenshot\] ([a-z0-9-]+)$/;

async function takeScreenshot(editor: RunningEditor, name: string): Promise<void> {
  const dir = path.join(artifactsRoot, 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const partial = path.join(dir, `.${name}.png`);
  try {
    await editor.page.screenshot({ path: partial });
    fs.renameSync(partial, path.join(dir, `${name}.png`));
  } catch (error) {
    console.log(`  screenshot ${name} failed: ${String(error)}`);
  }
}

function merge(summaries: TestSummary[]): TestSummary {
  return {
    ...summaries[0],
    passed: summaries.reduce((n, s) => n + s.passed, 0),
    failed: summaries.reduce((n, s) => n + s.failed, 0),
    pending: summaries.reduce((n, s) => n + s.pending, 0),
    failures: summaries.flatMap((s) => s.failures),
    files: summaries.flatMap((s) => s.files),
    finished: summaries.every((s) => s.finished),
  };
}

async function main(): Promise<void> {
  const filesArg = process.argv.indexOf('--files');
  const only = filesArg > 0 ? process.argv[filesArg + 1] : '';
  const skipRestart = process.argv.includes('--skip-restart') || only !== '';
  const restartOnly = process.argv.includes('--restart-only');
  fs.rmSync(artifactsRoot, { recursive: true, force: true });
  fs.mkdirSync(artifactsRoot, { recursive: true });
  const results = process.env.AF_TEST_RESULTS ?? path.join(artifactsRoot, 'results.json');
  const started = Date.now();

  const { emulator, caFile } = await startEmulatorForEditor(artifactsRoot);
  console.log(`integration: Graph emulator at ${emulator.graphUrl}, token endpoint at ${emulator.authorityUrl}`);
  const base = emulatorSettings(emulator);
  const summaries: TestSummary[] = [];
  try {
    if (!restartOnly) {
      const main = await runPhase(
        {
          name: 'main',
          testsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
          files: only,
          scratch: path.join(artifactsRoot, 'editor'),
          workspace: prepareWorkspace(path.join(artifactsRoot, 'workspace')),
          userSettings: { ...base, 'activityFeed.publish.mode': 'manual' },
        },
        emulator,
        caFile,
        path.join(artifactsRoot, 'main.json'),
      );
      summaries.push(main.summary);
    }

    if (!skipRestart) {
      emulator.admin.reset();
      const scratch = path.join(artifactsRoot, 're');
      const workspace = prepareWorkspace(path.join(artifactsRoot, 'restart-workspace'));
      const testsPath = path.join(projectRoot, 'out', 'test', 'restart', 'index.js');
      const before = await runPhase(
        {
          name: 'restart-before',
          testsPath,
          files: 'before.test.js',
          scratch,
          workspace,
          userSettings: { ...base, 'activityFeed.publish.mode': 'manual' },
        },
        emulator,
        caFile,
        path.join(artifactsRoot, 'restart-before.json'),
      );
      summaries.push(before.summary);
      const after = await runPhase(
        {
          name: 'restart-after',
          testsPath,
          files: 'after.test.js',
          scratch,
          workspace,
          port: before.port,
          secondWindow: true,
          userSettings: { ...base, 'activityFeed.publish.mode': 'manual' },
        },
        emulator,
        caFile,
        path.join(artifactsRoot, 'restart-after.json'),
      );
      summaries.push(after.summary);
    }
    const summary = merge(summaries);
    fs.writeFileSync(results, JSON.stringify(summary, null, 2));
    printSummary('integration', summary, Date.now() - started);
    process.exitCode = summary.failed > 0 || !summary.finished || summary.passed === 0 ? 1 : 0;
  } catch (error) {
    console.error(`integration: ${error instanceof Error ? error.message : String(error)} (server logs in ${artifactsRoot})`);
    if (summaries.length > 0) fs.writeFileSync(results, JSON.stringify({ ...merge(summaries), finished: false }, null, 2));
    process.exitCode = 1;
  } finally {
    await emulator.close();
  }
}

void main();
