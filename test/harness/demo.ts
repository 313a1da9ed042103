// `npm run demo`: the local Graph emulator and the real editor with the extension; a scripted editing session;
// Preview Next Payload from the Command Palette; the planned requests printed; screenshots saved.
// `npm run demo -- --interactive` leaves both running and prints their URLs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import type { PlannedRequest } from '../../src/publish/preview';
import { projectRoot, runFromPalette, startEditor } from './editor';
import { prepareWorkspace } from './runSupport';

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The demo's workspace is a git repository of its own, with a remote, as most real projects are. */
function demoWorkspace(dir: string): string {
  prepareWorkspace(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 'Demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'Demo', GIT_COMMITTER_EMAIL: 'demo@example.com' },
    });
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://github.com/contoso/demo-shop.git');
  git('add', '.');
  git('commit', '-q', '-m', 'Demo project');
  return dir;
}

async function main(): Promise<void> {
  const interactive = process.argv.includes('--interactive');
  const out = path.join(projectRoot, 'test-artifacts', 'demo');
  fs.rmSync(out, { recursive: true, force: true });
  const control = path.join(out, 'control');
  fs.mkdirSync(control, { recursive: true });

  const emulator = await startEmulator({ port: 0 });
  console.log(`demo: Graph emulator at ${emulator.graphUrl} (timeline: ${emulator.origin}/)`);
  const editor = await startEditor({
    workspace: demoWorkspace(path.join(out, 'workspace')),
    scratch: path.join(out, 'editor'),
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: interactive ? undefined : path.join(projectRoot, 'out', 'test', 'demo', 'index.js'),
    userSettings: {
      'activityFeed.privacy': 'full',
      'activityFeed.graph.endpoint': emulator.graphUrl,
      'activityFeed.tracking.minimumSessionSeconds': 1,
      'activityFeed.tracking.switchGraceSeconds': 0,
    },
    env: { AF_DEMO_DIR: control },
  });
  console.log(`demo: VS Code ${'1.100'} at ${editor.url} with the extension loaded from ${projectRoot}`);

  if (interactive) {
    console.log('demo: open the editor URL in a browser; press Ctrl+C to stop both.');
    const stop = () => void Promise.all([editor.stop(), emulator.close()]).then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  try {
    await waitForFile(path.join(control, 'ready'), 3 * 60_000);
    const { plan, pending } = JSON.parse(fs.readFileSync(path.join(control, 'plan.json'), 'utf8')) as {
      plan: { requests: PlannedRequest[]; problems: unknown[] };
      pending: unknown[];
    };
    await runFromPalette(editor.page, 'Activity Feed: Preview Next Payload');
    await editor.page.waitForTimeout(1500);
    await editor.page.screenshot({ path: path.join(out, 'editor-preview.png') });
    const timeline = await editor.page.context().newPage();
    await timeline.goto(`${emulator.origin}/`);
    await timeline.screenshot({ path: path.join(out, 'emulator-timeline.png'), fullPage: true });
    fs.writeFileSync(path.join(control, 'done'), '');

    console.log(`\ndemo: ${pending.length} session(s) recorded; ${plan.requests.length} request(s) planned:`);
    for (const request of plan.requests) {
      const items = request.body.historyItems ?? [];
      console.log(`  PUT ${request.url.replace(/^https?:\/\/[^/]+\/v1\.0/, '')}`);
      console.log(`      "${request.body.visualElements.displayText}" — ${request.body.visualElements.description ?? ''}`);
      for (const item of items) {
        console.log(`      session ${item.id}: ${item.startedDateTime} → ${item.lastActiveDateTime ?? 'ongoing'} (${item.activeDurationSeconds ?? '?'} s active)`);
      }
    }
    console.log('\ndemo: this is a dry run. Signing in and publishing to Graph are the next steps of the product;');
    const graphRequests = emulator.admin.requests().filter((r) => r.server === 'graph' && r.url.startsWith('/v1.0'));
    console.log(`demo: the emulator received ${graphRequests.length} Graph request(s).`);
    console.log(`demo: screenshots: ${path.join(out, 'editor-preview.png')}, ${path.join(out, 'emulator-timeline.png')}`);
    if (plan.requests.length === 0) process.exitCode = 1;
  } finally {
    if (!interactive) {
      await editor.stop();
      await emulator.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
