// Loaded inside the real extension host by the Insights benchmark: signs in against the seeded emulator, opens the
// Insights panel twice (first with no copy of the feed, then over the cached copy) and writes, for each, the time
// from the command to the first chart on screen as the panel measured it. Then the timesheet review of the last ten
// days, one row per session (about a thousand rows): the time to open it, and to narrow its range.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../../src/app/api';
import { EmulatorAdminClient } from '../../support/emulatorAdmin';
import { activityFeed, signInByDeviceCode, sleep } from '../../integration/helpers';

async function openUntilChart(api: ActivityFeedApi): Promise<{ openToFirstChartMs: number; scriptToFirstChartMs: number }> {
  api.insights.show();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const timings = api.insights.timings;
    if (timings?.openToFirstChartMs !== undefined && timings.scriptToFirstChartMs !== undefined) {
      return { openToFirstChartMs: timings.openToFirstChartMs, scriptToFirstChartMs: timings.scriptToFirstChartMs };
    }
    await sleep(20);
  }
  throw new Error('the panel drew no chart within 2 minutes');
}

function dayBefore(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function reviewDraws(api: ActivityFeedApi, args: Record<string, unknown>, draws: number) {
  await vscode.commands.executeCommand('activityFeed.exportTimesheet', { review: true, groupBy: 'session', ...args });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const timings = api.insights.review?.timings;
    if (timings && (timings.draws ?? 0) >= draws) return { ...timings };
    await sleep(20);
  }
  throw new Error('the review drew no rows within 2 minutes');
}

async function review(api: ActivityFeedApi) {
  const opened = await reviewDraws(api, { from: dayBefore(9), to: dayBefore(0) }, 1);
  const narrowed = await reviewDraws(api, { from: dayBefore(4), to: dayBefore(0) }, 2);
  return {
    rows: opened.rows ?? 0,
    openToRowsMs: opened.openToRowsMs ?? 0,
    renderMs: opened.lastRenderMs ?? 0,
    narrowedRows: narrowed.rows ?? 0,
    narrowToRowsMs: narrowed.lastDraftToRowsMs ?? 0,
  };
}

export async function run(): Promise<void> {
  const resultFile = process.env.AF_BENCH_RESULT;
  if (!resultFile) throw new Error('AF_BENCH_RESULT is not set');
  const api = await activityFeed();
  if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(new EmulatorAdminClient());
  const cold = await openUntilChart(api);
  const sessions = api.insights.state?.state.kind === 'insights' ? api.insights.state.state.insights.totals : undefined;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(500);
  const warm = await openUntilChart(api);
  const timesheet = await review(api);
  fs.writeFileSync(resultFile, JSON.stringify({ cold, warm, rangeSeconds: sessions?.range, review: timesheet }));
}
