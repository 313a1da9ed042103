// Loaded inside the real extension host by the Insights benchmark: signs in against the seeded emulator, opens the
// Insights panel twice (first with no copy of the feed, then over the cached copy) and writes, for each, the time
// from the command to the first chart on screen as the panel measured it.
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
  fs.writeFileSync(resultFile, JSON.stringify({ cold, warm, rangeSeconds: sessions?.range }));
}
