// The demo's scripted editing session, run inside the real extension host: sign in (the demo's emulator approves
// the device code as the person would in a browser), open files, type, switch, go idle; then hand over to the
// driver (tools/demo/driver.ts), which runs Publish Now from the Command Palette and takes the screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { AuthState } from '../../src/auth/accountManager';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeIn(relativePath: string, line: number, text: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the demo needs a workspace folder');
  const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, relativePath), { preview: false });
  const end = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range.end;
  editor.selection = new vscode.Selection(end, end);
  for (const character of text) {
    await vscode.commands.executeCommand('type', { text: character });
    await sleep(40);
  }
}

export async function run(): Promise<void> {
  const control = process.env.AF_DEMO_DIR;
  if (!control) throw new Error('AF_DEMO_DIR is not set');
  const extension = vscode.extensions.getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();
  const say = (line: string) => fs.appendFileSync(path.join(control, 'steps.log'), `${line}\n`);

  const state = await vscode.commands.executeCommand<AuthState>('activityFeed.signIn');
  say(`signed in: ${JSON.stringify(state)}`);
  await typeIn('src/main.ts', 1, '\n  // tally the basket');
  await sleep(2000);
  say('typed in src/main.ts');
  await typeIn('src/util.ts', 0, '\nexport const question = "six times nine";');
  await sleep(2000);
  say('switched to src/util.ts and typed');
  await typeIn('src/main.ts', 2, '\n  // and round it');
  say('back in src/main.ts; now idle until the session ends by itself');
  await new Promise<void>((resolve) => {
    const subscription = api.tracking.onDidFinishSession((session) => {
      if (session.endReason === 'idle') {
        subscription.dispose();
        resolve();
      }
    });
  });
  say('the idle session ended at its last activity');
  fs.writeFileSync(path.join(control, 'pending.json'), JSON.stringify(api.tracking.pendingSessions(), null, 2));
  fs.writeFileSync(path.join(control, 'ready'), '');
  const deadline = Date.now() + 5 * 60_000;
  while (!fs.existsSync(path.join(control, 'done')) && Date.now() < deadline) await sleep(200);

  // What the person sees next: the Published Activity view, read back from Graph.
  await vscode.commands.executeCommand('activityFeed.published.focus');
  const viewState = await api.publishedView.refresh(true);
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('hideSuggestWidget');
  const rows = (nodes: ReturnType<typeof api.publishedView.snapshot>, depth: number): string[] =>
    nodes.flatMap((n) => [
      `${'  '.repeat(depth)}${n.label}${n.description ? `  —  ${n.description}` : ''}`,
      ...rows(n.children, depth + 1),
    ]);
  const listed = new Set<string>();
  const collect = (nodes: ReturnType<typeof api.publishedView.snapshot>): void =>
    nodes.forEach((n) => {
      if (n.node.type === 'activity') listed.add(n.node.entry.activity.appActivityId);
      collect(n.children);
    });
  collect(api.publishedView.snapshot());
  // Clicking main.ts in the view opens it where the feed's link points (with privacy 'full', a direct file link).
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const find = (
    nodes: ReturnType<typeof api.publishedView.snapshot>,
  ): ReturnType<typeof api.publishedView.snapshot>[number] | undefined =>
    nodes.map((n) => (n.node.type === 'activity' && n.label === 'main.ts' ? n : find(n.children))).find((n) => n !== undefined);
  const mainNode = find(api.publishedView.snapshot());
  const opened = mainNode ? await vscode.commands.executeCommand<boolean>('activityFeed.published.open', mainNode.node) : false;
  const editor = vscode.window.activeTextEditor;
  const openedAt =
    opened && editor
      ? {
          file: vscode.workspace.asRelativePath(editor.document.uri),
          line: editor.selection.active.line + 1,
          column: editor.selection.active.character + 1,
        }
      : undefined;
  fs.writeFileSync(
    path.join(control, 'view.json'),
    JSON.stringify(
      {
        state: viewState,
        message: api.publishedView.message,
        activities: listed.size,
        openedAt,
        rows: rows(api.publishedView.snapshot(), 0),
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(control, 'view-ready'), '');
  while (!fs.existsSync(path.join(control, 'view-shot')) && Date.now() < deadline) await sleep(200);
  fs.writeFileSync(
    path.join(control, 'status.json'),
    JSON.stringify(
      { text: api.publishing.statusText, tooltip: api.publishing.statusTooltip, lastRun: api.publishing.lastRun },
      null,
      2,
    ),
  );

  // Last: Insights over what was just published, read back from the feed.
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('activityFeed.showInsights');
  while (api.insights.timings?.openToFirstChartMs === undefined && Date.now() < deadline) await sleep(200);
  const shown = api.insights.state?.state;
  const insights = shown?.kind === 'insights' ? shown.insights : undefined;
  fs.writeFileSync(
    path.join(control, 'insights.json'),
    JSON.stringify(
      {
        state: shown?.kind,
        totals: insights?.totals,
        topFiles: insights?.topFiles.map((f) => `${f.label} ${f.seconds} s`),
        timings: api.insights.timings,
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(control, 'insights-ready'), '');
  while (!fs.existsSync(path.join(control, 'insights-shot')) && Date.now() < deadline) await sleep(200);
  await longRange(api, control, deadline);
  await timesheetReview(api, control, deadline);
}

/** Last: the timesheet review of the last 7 days, by ticket (the demo project is on a feature branch), 15 minutes up. */
async function timesheetReview(api: ActivityFeedApi, control: string, deadline: number): Promise<void> {
  const day = (offset: number) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await vscode.commands.executeCommand('activityFeed.exportTimesheet', {
    review: true,
    from: day(-6),
    to: day(0),
    rounding: { minutes: 15 },
  });
  while (api.insights.review?.timings.openToRowsMs === undefined && Date.now() < deadline) await sleep(200);
  fs.writeFileSync(path.join(control, 'review.json'), JSON.stringify(api.insights.review?.timings ?? {}));
  fs.writeFileSync(path.join(control, 'review-ready'), '');
  while (!fs.existsSync(path.join(control, 'review-shot')) && Date.now() < deadline) await sleep(200);
}

/**
 * Later: the driver seeds a laptop's sessions into the feed, which a read keeps in this machine's copy; then the
 * service's clock moves 45 days on, the feed forgets them, and the 90-day Insights still show them, labelled.
 */
async function longRange(api: ActivityFeedApi, control: string, deadline: number): Promise<void> {
  const waitFor = async (name: string) => {
    while (!fs.existsSync(path.join(control, name)) && Date.now() < deadline) await sleep(200);
  };
  await waitFor('seeded');
  await api.publishedView.refresh(true);
  const kept = await api.history.otherMachines();
  fs.writeFileSync(path.join(control, 'kept.json'), JSON.stringify({ kept: kept.length }));
  await waitFor('clock-moved');
  await api.publishedView.refresh(true);
  await vscode.commands.executeCommand('activityFeed.showInsights', { days: 90 });
  let shown = api.insights.state?.state;
  while (!(shown?.kind === 'insights' && shown.preset === '90' && shown.history) && Date.now() < deadline) {
    await sleep(200);
    shown = api.insights.state?.state;
  }
  const insights = shown?.kind === 'insights' ? shown : undefined;
  fs.writeFileSync(
    path.join(control, 'insights-90.json'),
    JSON.stringify({
      note: insights?.history,
      machines: insights?.insights.machines,
      days: insights?.insights.days.filter((d) => d.seconds > 0).length,
    }),
  );
  fs.writeFileSync(path.join(control, 'insights-90-ready'), '');
  await waitFor('insights-90-shot');
}
