// The Insights panel over a large feed: 90 days × 500 files × 20 sessions (10,000 sessions) seeded into the emulator,
// the real editor opening the panel, and the time to its first chart (cold: the feed read included; warm: over the
// cached copy). Also the pure aggregation alone, in plain Node, for the same sessions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeInsights } from '../../src/insights/aggregate';
import { addDays, dayKey } from '../../src/insights/calendar';
import { emulatorSettings } from '../runners/emulatorSettings';
import { projectRoot, startEditor } from '../runners/editor';
import { prepareWorkspace, startEmulatorForEditor } from '../runners/editorRun';
import { seedFeed } from '../support/insightsSeed';
import { median } from './activation.bench';

export interface InsightsBenchResult {
  sessions: number;
  coldOpenToChartMs: number;
  warmOpenToChartMs: number;
  webviewScriptToChartMs: number;
  aggregateMs: number;
  /** The timesheet review of the last ten days, a row per session. */
  review: ReviewFigures;
}

export interface ReviewFigures {
  rows: number;
  openToRowsMs: number;
  /** The webview building the table (what a rounding change or a merge redoes). */
  renderMs: number;
  narrowedRows: number;
  narrowToRowsMs: number;
}

const artifacts = path.join(projectRoot, 'test-artifacts', 'bench', 'insights');
const hostEntry = path.join(projectRoot, 'out', 'test', 'bench', 'host', 'insights.js');

function aggregateMs(spec: Parameters<typeof seedFeed>[0]): number {
  const { sessions } = seedFeed(spec);
  const flat = sessions.map((s) => ({
    ...s,
    activityId: s.appActivityId,
    workspace: s.workspaceName,
    thisMachine: s.machine === 'desk',
  }));
  const to = dayKey(spec.now);
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    computeInsights(flat, { from: addDays(to, -89), to }, spec.now);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Needs out/test/bench/host/insights.js (node esbuild.mjs --tests) and dist/ built first. */
export async function benchInsights(): Promise<InsightsBenchResult> {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run node esbuild.mjs --tests first`);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const spec = { days: 90, files: 500, sessionsPerFile: 20, machines: ['desk', 'laptop', 'build-box'], now: Date.now() };
  const { emulator, caFile } = await startEmulatorForEditor(artifacts);
  try {
    emulator.admin.seed(seedFeed(spec).activities);
    const resultFile = path.join(artifacts, 'result.json');
    const editor = await startEditor({
      workspace: prepareWorkspace(path.join(artifacts, 'workspace')),
      scratch: path.join(artifacts, 'editor'),
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: hostEntry,
      userSettings: { ...emulatorSettings(emulator), 'activityFeed.publish.mode': 'manual' },
      env: { AF_BENCH_RESULT: resultFile, AF_EMULATOR_ORIGIN: emulator.origin, NODE_EXTRA_CA_CERTS: caFile },
    });
    try {
      const code = await editor.testExit;
      if (code !== 0 || !fs.existsSync(resultFile))
        throw new Error(`insights bench: the in-host entry exited with ${code}\n${editor.serverLog().slice(-3000)}`);
      await editor.page.screenshot({ path: path.join(artifacts, 'panel.png') }).catch(() => undefined);
    } finally {
      await editor.stop();
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {
      cold: { openToFirstChartMs: number; scriptToFirstChartMs: number };
      warm: { openToFirstChartMs: number };
      review: ReviewFigures;
    };
    return {
      sessions: spec.files * spec.sessionsPerFile,
      coldOpenToChartMs: result.cold.openToFirstChartMs,
      warmOpenToChartMs: result.warm.openToFirstChartMs,
      webviewScriptToChartMs: result.cold.scriptToFirstChartMs,
      aggregateMs: aggregateMs(spec),
      review: result.review,
    };
  } finally {
    await emulator.close();
  }
}
