// `npm run demo`: the local Graph emulator and the real editor with the extension; sign-in by device code; a
// scripted editing session; Publish Now from the Command Palette; the timeline the emulator received printed;
// screenshots saved.
// `npm run demo -- --interactive` leaves both running and prints their URLs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot, runFromPalette, startEditor } from '../../test/runners/editor';
import { prepareWorkspace, startEmulatorForEditor } from '../../test/runners/editorRun';
import { emulatorSettings } from '../../test/runners/emulatorSettings';
import { seedFeed } from '../../test/support/insightsSeed';

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
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Demo',
        GIT_AUTHOR_EMAIL: 'demo@example.com',
        GIT_COMMITTER_NAME: 'Demo',
        GIT_COMMITTER_EMAIL: 'demo@example.com',
      },
    });
  // A feature branch with a ticket key, as most work is done: the timesheet review finds SHOP-12 in it.
  git('init', '-q', '-b', 'feature/SHOP-12-basket-total');
  git('remote', 'add', 'origin', 'https://github.com/contoso/demo-shop.git');
  git('add', '.');
  git('commit', '-q', '-m', 'Demo project');
  return dir;
}

function printTimeline(activities: EmulatorActivityView[]): void {
  console.log(`\ndemo: the timeline the emulator holds (${activities.length} activities):`);
  for (const activity of activities) {
    console.log(
      `  ${activity.visualElements?.displayText ?? activity.appActivityId}  —  ${activity.visualElements?.description ?? ''}`,
    );
    console.log(`      activationUrl ${activity.activationUrl}`);
    for (const item of activity.historyItems) {
      console.log(
        `      session ${item.id}: ${item.startedDateTime} → ${item.lastActiveDateTime ?? 'ongoing'} (${item.activeDurationSeconds ?? '?'} s active)`,
      );
    }
  }
}

interface EmulatorActivityView {
  appActivityId: string;
  activationUrl?: string;
  visualElements?: { displayText?: string; description?: string };
  historyItems: { id: string; startedDateTime: string; lastActiveDateTime?: string; activeDurationSeconds?: number }[];
}

async function main(): Promise<void> {
  const interactive = process.argv.includes('--interactive');
  const out = path.join(projectRoot, 'test-artifacts', 'demo');
  fs.rmSync(out, { recursive: true, force: true });
  const control = path.join(out, 'control');
  fs.mkdirSync(control, { recursive: true });

  // The emulator approves device codes by itself, standing in for the person who would enter the code in a browser.
  const { emulator, caFile } = await startEmulatorForEditor(out, { autoApproveDeviceCodes: true });
  console.log(
    `demo: Graph emulator at ${emulator.graphUrl} (timeline: ${emulator.origin}/), sign-in at ${emulator.authorityUrl}`,
  );
  const editor = await startEditor({
    workspace: demoWorkspace(path.join(out, 'workspace')),
    scratch: path.join(out, 'editor'),
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: interactive ? undefined : path.join(projectRoot, 'out', 'tools', 'demo', 'inEditor.js'),
    userSettings: {
      ...emulatorSettings(emulator),
      'activityFeed.privacy': 'full',
      'activityFeed.tracking.minimumSessionSeconds': 1,
      'activityFeed.tracking.idleTimeoutSeconds': 30,
    },
    env: { AF_DEMO_DIR: control, NODE_EXTRA_CA_CERTS: caFile },
  });
  console.log(`demo: VS Code 1.100 at ${editor.url} with the extension loaded from ${projectRoot}`);

  if (interactive) {
    console.log('demo: open the editor URL in a browser and run "Activity Feed: Sign In" (the emulator approves the code);');
    console.log('demo: press Ctrl+C to stop both.');
    const stop = () => void Promise.all([editor.stop(), emulator.close()]).then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  try {
    console.log('demo: signing in by device code, typing in src/main.ts and src/util.ts, then going idle (about 40 s)…');
    await waitForFile(path.join(control, 'ready'), 4 * 60_000);
    for (const line of fs.readFileSync(path.join(control, 'steps.log'), 'utf8').trim().split('\n')) console.log(`  · ${line}`);
    const pending = JSON.parse(fs.readFileSync(path.join(control, 'pending.json'), 'utf8')) as { id: string }[];
    console.log(`demo: ${pending.length} session(s) waiting; running "Activity Feed: Publish Now" from the Command Palette`);
    await runFromPalette(editor.page, 'Activity Feed: Publish Now');
    const deadline = Date.now() + 60_000;
    const held = () =>
      (emulator.admin.dump().activities as EmulatorActivityView[]).flatMap((a) => a.historyItems.map((h) => h.id));
    while (!pending.every((s) => held().includes(s.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await editor.page.waitForTimeout(1500);
    await editor.page.screenshot({ path: path.join(out, 'editor-after-publish.png') });
    const timeline = await editor.page.context().newPage();
    await timeline.goto(`${emulator.origin}/`);
    await timeline.screenshot({ path: path.join(out, 'emulator-timeline.png'), fullPage: true });
    fs.writeFileSync(path.join(control, 'done'), '');
    await waitForFile(path.join(control, 'view-ready'), 60_000);
    await editor.page.waitForTimeout(1000);
    await editor.page.screenshot({ path: path.join(out, 'published-view.png') });
    fs.writeFileSync(path.join(control, 'view-shot'), '');
    const view = JSON.parse(fs.readFileSync(path.join(control, 'view.json'), 'utf8')) as {
      state: string;
      message?: string;
      activities: number;
      openedAt?: { file: string; line: number; column: number };
      rows: string[];
    };
    await waitForFile(path.join(control, 'status.json'), 30_000);
    const status = JSON.parse(fs.readFileSync(path.join(control, 'status.json'), 'utf8')) as { text: string; tooltip: string[] };
    await waitForFile(path.join(control, 'insights-ready'), 60_000);
    await editor.page.waitForTimeout(1000);
    await editor.page.screenshot({ path: path.join(out, 'insights.png') });
    fs.writeFileSync(path.join(control, 'insights-shot'), '');
    const insights = JSON.parse(fs.readFileSync(path.join(control, 'insights.json'), 'utf8')) as {
      state?: string;
      totals?: { today: number; range: number };
      topFiles?: string[];
      timings?: FirstChartTimings;
    };

    const activities = emulator.admin.dump().activities as EmulatorActivityView[];
    printTimeline(activities);
    const puts = emulator.admin.requests().filter((r) => r.server === 'graph' && r.method === 'PUT');
    const later = await longRange(emulator, editor.page, control, out);
    console.log(`\ndemo: the emulator received ${puts.length} PUT request(s): ${puts.map((r) => r.status).join(', ')}`);
    console.log(`demo: status bar: "${status.text}" — ${status.tooltip.slice(1, 6).join(' | ')}`);
    console.log(`demo: the Published Activity view (${view.state}; ${view.message ?? ''}):`);
    for (const row of view.rows) console.log(`    ${row}`);
    console.log(
      view.openedAt
        ? `demo: clicking main.ts in the view opened ${view.openedAt.file} at line ${view.openedAt.line}, column ${view.openedAt.column}`
        : 'demo: clicking main.ts in the view opened nothing',
    );
    if (!view.openedAt) process.exitCode = 1;
    console.log(
      `demo: Insights (${insights.state ?? 'not shown'}): today ${insights.totals?.today ?? 0} s active, top files ${(insights.topFiles ?? []).join(', ')}; first chart ${Math.round(insights.timings?.openToFirstChartMs ?? 0)} ms after opening`,
    );
    console.log(`demo: where the first chart's time went: ${firstChartBreakdown(insights.timings ?? {})}`);
    if (insights.state !== 'insights') process.exitCode = 1;
    console.log(
      `demo: 45 days later on the service's clock: the feed holds ${later.laptopInFeed} of the laptop's ${later.laptopSeeded} sessions (it keeps 30 days); this machine had kept ${later.kept}, and the 90-day Insights count ${later.otherSeconds} s of other machines' time on ${later.days} days: "${later.note ?? 'no note'}"`,
    );
    if (later.kept !== later.laptopSeeded || later.otherSeconds !== later.laptopSeconds || !later.note) {
      console.error(
        `demo: FAILED: the 90-day Insights should count all ${later.laptopSeeded} laptop sessions (${later.laptopSeconds} s) and say how far back they go`,
      );
      process.exitCode = 1;
    }
    console.log(
      `demo: the timesheet review of the last 7 days: ${later.review.rows ?? 0} rows on screen ${Math.round(later.review.openToRowsMs ?? 0)} ms after the command`,
    );
    if (!later.review.rows) process.exitCode = 1;
    console.log(
      `demo: screenshots: ${['editor-after-publish.png', 'emulator-timeline.png', 'published-view.png', 'insights.png', 'insights-90-days.png', 'timesheet-review.png'].map((f) => path.join(out, f)).join(', ')}`,
    );
    const missing = pending.filter((s) => !held().includes(s.id));
    if (view.state !== 'ok' || view.activities !== activities.length) {
      console.error(
        `demo: FAILED: the Published Activity view shows ${view.activities} of the ${activities.length} published activities (state ${view.state})`,
      );
      process.exitCode = 1;
    }
    if (pending.length === 0 || missing.length > 0) {
      console.error(
        `demo: FAILED: ${pending.length === 0 ? 'no session was recorded' : `${missing.length} session(s) did not reach the emulator`}`,
      );
      process.exitCode = 1;
    } else {
      console.log(`demo: OK: all ${pending.length} sessions are in the emulator's timeline.`);
    }
  } finally {
    if (!interactive) {
      await editor.stop();
      await emulator.close();
    }
  }
}

/** The first chart's time in its parts: the webview starting, the feed, the figures, building and painting the chart. */
function firstChartBreakdown(t: FirstChartTimings): string {
  const ms = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value)} ms`);
  const less = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
  return [
    `webview ready ${ms(t.readyMs)}`,
    `feed ${ms(t.feedReadMs)}`,
    `figures ${ms(t.figuresMs)} (posted at ${ms(t.firstFiguresPostedMs)})`,
    `in the webview: figures in at ${ms(t.figuresArrivedInWebviewMs)} of its script, chart built in ${ms(less(t.chartBuiltInWebviewMs, t.figuresArrivedInWebviewMs))}, painted ${ms(less(t.scriptToFirstChartMs, t.chartBuiltInWebviewMs))} later`,
    `in all ${ms(t.openToFirstChartMs)}`,
  ].join(', ');
}

interface FirstChartTimings {
  openToFirstChartMs?: number;
  scriptToFirstChartMs?: number;
  readyMs?: number;
  feedReadMs?: number;
  figuresMs?: number;
  firstFiguresPostedMs?: number;
  figuresArrivedInWebviewMs?: number;
  chartBuiltInWebviewMs?: number;
}

type Emulator = Awaited<ReturnType<typeof startEmulatorForEditor>>['emulator'];
type Page = Awaited<ReturnType<typeof startEditor>>['page'];

/** Seeds a laptop's last 60 days, lets the editor read them, moves the service 45 days on, photographs 90 days. */
async function longRange(emulator: Emulator, page: Page, control: string, out: string) {
  const laptop = seedFeed({ days: 60, files: 5, sessionsPerFile: 8, machines: ['laptop'], now: Date.now(), seed: 7 });
  emulator.admin.seed(laptop.activities);
  fs.writeFileSync(path.join(control, 'seeded'), '');
  await waitForFile(path.join(control, 'kept.json'), 60_000);
  const { kept } = JSON.parse(fs.readFileSync(path.join(control, 'kept.json'), 'utf8')) as { kept: number };
  emulator.admin.moveClock({ days: 45 });
  fs.writeFileSync(path.join(control, 'clock-moved'), '');
  await waitForFile(path.join(control, 'insights-90-ready'), 60_000);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(out, 'insights-90-days.png') });
  fs.writeFileSync(path.join(control, 'insights-90-shot'), '');
  await waitForFile(path.join(control, 'review-ready'), 60_000);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(out, 'timesheet-review.png') });
  fs.writeFileSync(path.join(control, 'review-shot'), '');
  const review = JSON.parse(fs.readFileSync(path.join(control, 'review.json'), 'utf8')) as {
    openToRowsMs?: number;
    rows?: number;
  };
  const shown = JSON.parse(fs.readFileSync(path.join(control, 'insights-90.json'), 'utf8')) as {
    note?: string;
    machines?: { thisMachine: number; all: number };
    days?: number;
  };
  const laptopIds = new Set(laptop.sessions.map((s) => s.id));
  const inFeed = (emulator.admin.dump().activities as EmulatorActivityView[])
    .flatMap((a) => a.historyItems)
    .filter((h) => laptopIds.has(h.id)).length;
  return {
    laptopSeeded: laptop.sessions.length,
    laptopSeconds: laptop.sessions.reduce((n, s) => n + s.activeSeconds, 0),
    laptopInFeed: inFeed,
    kept,
    otherSeconds: (shown.machines?.all ?? 0) - (shown.machines?.thisMachine ?? 0),
    days: shown.days ?? 0,
    note: shown.note,
    review,
  };
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
