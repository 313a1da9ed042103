// `npm run bench`: prints the figures as a table; `npm run bench -- --json <file>` also writes them as JSON.
//   --starts <n>     fresh editor starts for the activation figure (default 7)
//   --skip-editor    leave out the real-editor figures (no code-server/Chromium needed)
//   --only <groups>  only these groups, comma-separated: start (bundles, activation, require(), per-event cost),
//                    insights, engine, globs, defences (text boundary, git reader), writes, backlog, storage, ledger
//                    (the pessimistic backlog alone takes about 45 min)
// Benchmarks report numbers; they never fail on a noisy machine. Targets are printed beside the figures. A run
// fails only when something is functionally wrong (a session lost or duplicated, a backlog not drained, an
// extension not activated or not reported by the editor).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchActivation, median, type ActivationBenchResult } from './activation.bench';
import { benchBacklog, type BacklogBenchResult } from './backlog.bench';
import { benchEngine } from './engine.bench';
import { benchEventCost, type EventCostResult, type Spread } from './eventCost.bench';
import { gitReaderFigures } from './gitReader.bench';
import { benchGlobs } from './globs.bench';
import { benchInsights, type InsightsBenchResult } from './insights.bench';
import { benchLedger, type LedgerBenchResult } from './ledger.bench';
import { benchRequire, type RequireBenchResult } from './require.bench';
import { benchStorage, type StorageBenchResult } from './storage.bench';
import { benchTextBoundary, textBoundaryFigures } from './textBoundary.bench';
import { benchWrites, type WritesBenchResult } from './writes.bench';

interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const root = path.resolve(__dirname, '..', '..');
const artifacts = path.join(root, 'test-artifacts', 'bench');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * --tests wipes dist/ and out/: compile the in-host entries first, then package the .vsix (its prepublish step
 * builds the release bundles into dist/), which the activation figure installs.
 */
function build(): void {
  const steps: [string, string[]][] = [
    [process.execPath, ['esbuild.mjs', '--tests']],
    ['npm', ['run', '-s', 'package']],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}

/** What each known bundle is for; any other bundle in dist/ is listed too, without a note. */
const bundleNotes: Record<string, string> = {
  'extension.js': 'the activation bundle: aim under 40 KB',
  'identity.js': 'loaded only when a token is needed',
  'matcher.js': 'loaded only once an exclusion pattern is set',
  'insights.js': 'loaded when Insights, the export or the card preview first runs',
  'insights-webview.js': 'Chart.js and the panel; loaded by the panel only',
  'cards-webview.js': 'Adaptive Cards renderer; loaded by the card preview only',
};

function bundleFigures(): Figure[] {
  const dist = path.join(root, 'dist');
  const section = 'bundles (release build, minified)';
  const files = fs.readdirSync(dist).filter((file) => file.endsWith('.js'));
  files.sort((a, b) => (a === 'extension.js' ? -1 : b === 'extension.js' ? 1 : a.localeCompare(b)));
  return files.map((file) => ({
    section,
    name: `dist/${file}`,
    value: fs.statSync(path.join(dist, file)).size / 1024,
    unit: 'KB',
    target: bundleNotes[file] ?? '',
  }));
}

function activationFigures(r: ActivationBenchResult): Figure[] {
  const section = `activation as the editor reports it (installed .vsix next to an empty extension, ${r.starts.length} fresh starts, medians)`;
  const rows: [string, 'ours' | 'floor'][] = [
    ['Activity Feed', 'ours'],
    ['empty extension (floor)', 'floor'],
  ];
  const figures: Figure[] = [];
  for (const [label, key] of rows) {
    const m = r[key];
    figures.push(
      { section, name: `${label}: load code`, value: m.loadCodeMs, unit: 'ms' },
      { section, name: `${label}: activate() call`, value: m.activateCallMs, unit: 'ms' },
      {
        section,
        name: `${label}: total (load + activate)`,
        value: m.totalMs,
        unit: 'ms',
        target: 'as "Show Running Extensions" shows it',
      },
      { section, name: `${label}: activate() promise settled`, value: m.activateResolvedMs, unit: 'ms' },
    );
  }
  figures.push(
    { section, name: 'total, ours ÷ floor', value: r.ratio, unit: '×', target: '<= 2×' },
    {
      section,
      name: 'total, ours ÷ floor, median of the per-start ratios',
      value: r.medianPerStartRatio,
      unit: '×',
      target: 'each start measures both under the same load',
    },
  );
  if (r.selfReportedMedianMs !== undefined) {
    figures.push({
      section,
      name: 'activate() timed by the extension itself',
      value: r.selfReportedMedianMs,
      unit: 'ms',
      target: "diagnostic only: the editor's figures above are the measure",
    });
  }
  figures.push(
    {
      section,
      name: 'machine load (1-min average) at the starts',
      value: median(r.loadAverages),
      unit: 'load',
      target: `median; min ${Math.min(...r.loadAverages).toFixed(2)}, max ${Math.max(...r.loadAverages).toFixed(2)}; ${r.cpus} CPUs`,
    },
    { section, name: '.vsix size', value: r.vsixBytes / 1024, unit: 'KB' },
  );
  return figures;
}

function requireFigures(r: RequireBenchResult): Figure[] {
  const section = `require() of dist/extension.js in a fresh node (release build, ${r.samplesMs.length} processes, vscode stand-in with ${r.vscodeExports} exports)`;
  return [
    { section, name: 'require(): median', value: r.medianMs, unit: 'ms', target: '<= 5 ms' },
    { section, name: 'require(): min', value: Math.min(...r.samplesMs), unit: 'ms' },
    { section, name: 'require(): max', value: Math.max(...r.samplesMs), unit: 'ms' },
  ];
}

/** The spread of a figure over the processes, for the note column. */
function spreadNote(s: Spread, digits: number): string {
  const f = (value: number) => value.toFixed(digits);
  return `quartiles ${f(s.q1)}–${f(s.q3)}, range ${f(s.min)}–${f(s.max)}`;
}

function eventCostFigures(r: EventCostResult): Figure[] {
  const section = `per-event cost: bursts of ${r.burstEvents.toLocaleString('en-US')} selection changes and edits through the tracking listeners (${r.processes} fresh processes each, in pairs; medians over the processes)`;
  const warm = `warm (median of ${r.warmBursts} bursts after ${r.warmupBursts})`;
  return [
    {
      section,
      name: 'ours: cold (first burst in the process)',
      value: r.ours.coldMicros,
      unit: 'µs/event',
      target: spreadNote(r.ours.cold, 2),
    },
    {
      section,
      name: 'floor (do-nothing listeners): cold',
      value: r.floor.coldMicros,
      unit: 'µs/event',
      target: spreadNote(r.floor.cold, 2),
    },
    { section, name: 'cold, ours ÷ floor', value: r.coldRatio, unit: '×', target: '<= 1.5×' },
    {
      section,
      name: 'cold, ours ÷ floor, median of the per-pair ratios',
      value: r.coldPairRatio.median,
      unit: '×',
      target: spreadNote(r.coldPairRatio, 2),
    },
    { section, name: `ours: ${warm}`, value: r.ours.warmMicros, unit: 'µs/event', target: spreadNote(r.ours.warm, 3) },
    {
      section,
      name: `floor (do-nothing listeners): ${warm}`,
      value: r.floor.warmMicros,
      unit: 'µs/event',
      target: spreadNote(r.floor.warm, 3),
    },
    { section, name: 'warm, ours ÷ floor', value: r.warmRatio, unit: '×', target: '<= 1.5×' },
    {
      section,
      name: 'warm, ours ÷ floor, median of the per-pair ratios',
      value: r.warmPairRatio.median,
      unit: '×',
      target: spreadNote(r.warmPairRatio, 2),
    },
    {
      section,
      name: 'ours − floor, warm: what the tracking listeners add',
      value: (r.ours.warmMicros - r.floor.warmMicros) * 1000,
      unit: 'ns/event',
      target: 'one clock read (Date.now) and the session update',
    },
    {
      section,
      name: 'ours: bytes allocated, warm',
      value: r.ours.warmBytesPerEvent,
      unit: 'B/event',
      target: `cold ${r.ours.coldBytesPerEvent.toFixed(0)}`,
    },
    {
      section,
      name: 'floor: bytes allocated, warm',
      value: r.floor.warmBytesPerEvent,
      unit: 'B/event',
      target: `cold ${r.floor.coldBytesPerEvent.toFixed(0)}; the editor's own event objects and text`,
    },
    {
      section,
      name: 'garbage collections inside timed bursts',
      value: r.ours.gcsDuringBursts + r.floor.gcsDuringBursts,
      unit: 'GCs',
      target: '0: each burst starts on an empty young generation, so no figure includes a GC pause',
    },
    {
      section,
      name: 'ours: timers created during the bursts',
      value: r.ours.timers,
      unit: 'timers',
      target: `0 (over ${r.ours.events.toLocaleString('en-US')} events)`,
    },
    { section, name: 'ours: settings reads during the bursts', value: r.ours.settingsReads, unit: 'reads', target: '0' },
  ];
}

function insightsFigures(r: InsightsBenchResult): Figure[] {
  const section = `insights: ${r.sessions.toLocaleString('en-US')} sessions (90 days × 500 files × 20 sessions, 3 machines) in the real editor`;
  return [
    {
      section,
      name: 'open the panel → first chart (feed read included)',
      value: r.coldOpenToChartMs,
      unit: 'ms',
      target: 'cold: no copy of the feed yet',
    },
    {
      section,
      name: 'open the panel → first chart (cached copy)',
      value: r.warmOpenToChartMs,
      unit: 'ms',
      target: 'warm: the copy is fresh',
    },
    { section, name: 'webview script start → first chart (cold)', value: r.webviewScriptToChartMs, unit: 'ms' },
    { section, name: 'aggregation alone, 90-day range (plain Node)', value: r.aggregateMs, unit: 'ms', target: 'median of 7' },
    {
      section,
      name: `timesheet review, last 10 days by session: open → ${r.review.rows.toLocaleString('en-US')} rows on screen`,
      value: r.review.openToRowsMs,
      unit: 'ms',
    },
    {
      section,
      name: 'timesheet review: the webview building those rows (a rounding change, a merge)',
      value: r.review.renderMs,
      unit: 'ms',
    },
    {
      section,
      name: `timesheet review: narrowing to 5 days → ${r.review.narrowedRows.toLocaleString('en-US')} rows on screen`,
      value: r.review.narrowToRowsMs,
      unit: 'ms',
    },
  ];
}

function engineFigures(): Figure[] {
  const result = benchEngine();
  const section = 'engine';
  return [
    { section, name: 'tracker: events per second', value: result.eventsPerSecond, unit: 'events/s', target: '>= 1,000,000' },
    { section, name: 'tracker: time per event', value: result.microsPerEvent, unit: 'µs' },
    { section, name: 'tracker: heap per tracked document', value: result.heapBytesPerDocument, unit: 'bytes' },
  ];
}

function globFigures(): Figure[] {
  const r = benchGlobs();
  const section = `exclusion patterns: ${r.patterns} adversarial patterns against a ${r.segments}-segment path, per document open`;
  return [
    {
      section,
      name: 'worst case per document open',
      value: r.worstOpenMs,
      unit: 'ms',
      target: `under 1 ms (worst of ${r.opens} opens of different 64-segment paths, after the first)`,
    },
    {
      section,
      name: '99th percentile per document open',
      value: r.p99OpenMs,
      unit: 'ms',
      target: 'tells a rare pause (GC, a busy machine) from a slow pattern',
    },
    { section, name: 'median per document open', value: r.medianOpenMs, unit: 'ms' },
    {
      section,
      name: 'first open (loads the matcher, compiles, builds automata)',
      value: r.firstOpenMs,
      unit: 'ms',
      target: 'once per pattern list',
    },
  ];
}

function ratio(ours: number, baseline: number): string {
  return baseline === 0
    ? 'n/a'
    : `ours is ${(ours / baseline).toFixed(3)}× this (${(baseline / Math.max(ours, 1)).toFixed(1)}× fewer)`;
}

function writesFigures(r: WritesBenchResult): Figure[] {
  const section = `writes on a synthetic 8-hour day, ${r.profile} service (${r.traceEvents.toLocaleString('en-US')} events, ${r.filesWorked} files worked, one ${r.filesReplaced}-file replace; default settings)`;
  const reasons = Object.entries(r.ours.writesByReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return [
    { section, name: 'finished sessions (ground truth)', value: r.finishedSessions, unit: 'sessions' },
    {
      section,
      name: 'ours: Graph writes (PUT, DELETE) per day',
      value: r.ours.writes,
      unit: 'writes',
      target: `<= 4,000/day budget; by run reason: ${reasons}`,
    },
    {
      section,
      name: 'ours: peak writes in any 5 minutes',
      value: r.ours.peakPerFiveMinutes,
      unit: 'writes',
      target: '<= 60 (default budget)',
    },
    {
      section,
      name: 'ours: sessions published (each exactly once)',
      value: r.ours.sessionsPublished,
      unit: 'sessions',
      target: '= finished sessions (verified)',
    },
    {
      section,
      name: 'ours: history items sent per session',
      value: r.ours.historyItemsSent / Math.max(1, r.ours.sessionsPublished),
      unit: 'items',
      target: '1.0 would mean no interim uploads',
    },
    {
      section,
      name: 'ours: writes carrying only interim snapshots',
      value: r.ours.interimOnlyWrites,
      unit: 'writes',
      target: 'running-session uploads replaced later',
    },
    { section, name: 'ours: writes refused (429 or error)', value: r.ours.refused, unit: 'writes', target: '0' },
    { section, name: 'ours: sessions left queued at close', value: r.ours.leftAtClose, unit: 'sessions', target: '0' },
    {
      section,
      name: 'baseline (a) one write per editor event',
      value: r.perEvent.writes,
      unit: 'writes',
      target: ratio(r.ours.writes, r.perEvent.writes),
    },
    {
      section,
      name: 'baseline (a): peak in any 5 minutes',
      value: r.perEvent.peakPerFiveMinutes,
      unit: 'writes',
      target: ratio(r.ours.peakPerFiveMinutes, r.perEvent.peakPerFiveMinutes),
    },
    {
      section,
      name: 'baseline (b) heartbeat, 2 min per active file',
      value: r.heartbeat.writes,
      unit: 'writes',
      target: ratio(r.ours.writes, r.heartbeat.writes),
    },
    {
      section,
      name: 'baseline (b): peak in any 5 minutes',
      value: r.heartbeat.peakPerFiveMinutes,
      unit: 'writes',
      target: ratio(r.ours.peakPerFiveMinutes, r.heartbeat.peakPerFiveMinutes),
    },
    { section, name: 'simulation wall time (8 virtual hours)', value: r.wallMs / 1000, unit: 's' },
  ];
}

function backlogFigures(r: BacklogBenchResult): Figure[] {
  const section = `backlog: ${r.sessions.toLocaleString('en-US')} queued sessions over ${r.files} files, ${r.profile} service, service limits on`;
  const fewest =
    r.profile === 'documented'
      ? `= activities with pending sessions (${r.activitiesPending})`
      : `one per session plus one per activity (${r.sessions + r.activitiesPending}): deep insert is not safe here`;
  return [
    { section, name: 'writes used', value: r.writes, unit: 'writes', target: fewest },
    {
      section,
      name: 'history items in Graph afterwards',
      value: r.historyItemsInGraph,
      unit: 'items',
      target: `= ${r.sessions.toLocaleString('en-US')} (verified)`,
    },
    {
      section,
      name: 'history items per PUT (min)',
      value: r.historyItemsPerWrite.min,
      unit: 'items',
      target: `split above ${r.historyItemsPerPayloadLimit} per PUT or 64 KB`,
    },
    { section, name: 'history items per PUT (max)', value: r.historyItemsPerWrite.max, unit: 'items' },
    { section, name: '429s received', value: r.throttled, unit: 'responses', target: '0' },
    {
      section,
      name: 'publishing runs (stopped by the budget)',
      value: r.runs,
      unit: 'runs',
      target: `${r.budgetStops} waited for the write budget`,
    },
    {
      section,
      name: 'drain time, virtual (budget-bound)',
      value: r.drainVirtualMs / 60_000,
      unit: 'min',
      target: `${r.writes.toLocaleString('en-US')} writes at 60 per 5 min`,
    },
    { section, name: 'drain time, wall (the work itself)', value: r.drainWallMs / 1000, unit: 's' },
    { section, name: 'enqueue time, wall (10,000 outbox puts)', value: r.enqueueWallMs / 1000, unit: 's' },
  ];
}

function ledgerFigures(r: LedgerBenchResult): Figure[] {
  const section = 'ledger: this machine’s sessions on disk (real files, one per window and month)';
  const years = (
    label: string,
    y: LedgerBenchResult['year'],
    aim = (text: string) => (label.startsWith('a year') ? text : ''),
  ): Figure[] => [
    { section, name: `${label}: as plain lines`, value: y.plainBytes / 1024 / 1024, unit: 'MB' },
    {
      section,
      name: `${label}: after compacting past months`,
      value: y.compactedBytes / 1024 / 1024,
      unit: 'MB',
      target: aim('a few MB for a year'),
    },
    { section, name: `${label}: compacting`, value: y.compactMs, unit: 'ms' },
    { section, name: `${label}: reading every file`, value: y.readMs, unit: 'ms' },
    { section, name: `${label}: reading again, nothing changed`, value: y.rereadMs, unit: 'ms' },
    { section, name: `${label}: merging and a whole range's figures`, value: y.aggregateMs, unit: 'ms' },
    { section, name: `${label}: first read + figures`, value: y.readMs + y.aggregateMs, unit: 'ms' },
    {
      // The services read the ledger a few seconds after start-up (tidying it), so a panel finds it read.
      section,
      name: `${label}: Insights opening (read again + figures)`,
      value: y.rereadMs + y.aggregateMs,
      unit: 'ms',
      target: aim('under 300 ms'),
    },
  ];
  return [
    { section, name: `append one session (lock, write, fsync), median of ${r.appends}`, value: r.appendMicrosMedian, unit: 'µs' },
    ...years(`a year (${r.year.sessions.toLocaleString('en-US')} sessions)`, r.year),
    ...years(`ten years (${r.tenYears.sessions.toLocaleString('en-US')} sessions)`, r.tenYears),
  ];
}

function storageFigures(r: StorageBenchResult): Figure[] {
  const section = `storage: outbox on disk (${r.sessions.toLocaleString('en-US')} sessions, one file each)`;
  return [
    { section, name: 'outbox bytes per 1,000 sessions (apparent)', value: r.apparentBytesPer1000 / 1024, unit: 'KB' },
    {
      section,
      name: 'outbox disk usage per 1,000 sessions (blocks)',
      value: r.diskBytesPer1000 / 1024,
      unit: 'KB',
      target: 'one block per file',
    },
    { section, name: 'bytes per session file (apparent)', value: r.bytesPerSession, unit: 'bytes' },
  ];
}

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function printTable(figures: readonly Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  let section = '';
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(12)}  ${'unit'.padEnd(9)}  target / note`);
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      console.log(`-- ${section}`);
    }
    console.log(`${f.name.padEnd(width)}  ${format(f.value).padStart(12)}  ${f.unit.padEnd(9)}  ${f.target ?? ''}`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const jsonFile = option('--json');
  const starts = Number(option('--starts') ?? 7);
  const skipEditor = process.argv.includes('--skip-editor');
  if (!Number.isInteger(starts) || starts < 1) throw new Error('--starts needs a positive integer');
  const groups = ['start', 'insights', 'engine', 'globs', 'defences', 'writes', 'backlog', 'storage', 'ledger'];
  const only = option('--only')?.split(',');
  const unknown = only?.filter((group) => !groups.includes(group)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown group ${unknown.join(', ')}; valid: ${groups.join(', ')}`);
  const wanted = (group: string) => only === undefined || only.includes(group);

  progress('building (esbuild --tests, then npm run package: the release bundles and the .vsix)');
  build();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  if (!skipEditor && wanted('start')) {
    progress(`activation: ${starts} fresh starts of the real editor`);
    const activation = await benchActivation(starts, progress);
    details.activation = activation;
    figures.push(...activationFigures(activation));
  }
  if (wanted('start')) {
    figures.push(...bundleFigures());
    progress('require() of the activation bundle in fresh node processes');
    const required = benchRequire(Math.max(7, starts));
    details.require = required;
    figures.push(...requireFigures(required));
    progress('per-event cost of the tracking listeners');
    const eventCost = benchEventCost();
    details.eventCost = eventCost;
    figures.push(...eventCostFigures(eventCost));
  }
  if (!skipEditor && wanted('insights')) {
    progress('insights: 10,000 sessions seeded, the panel opened in the real editor');
    const insights = await benchInsights();
    details.insights = insights;
    figures.push(...insightsFigures(insights));
  }
  if (wanted('engine')) {
    progress('engine');
    figures.push(...engineFigures());
  }
  if (wanted('globs')) {
    progress('exclusion patterns');
    figures.push(...globFigures());
  }
  if (wanted('defences')) {
    progress('defences: the text boundary on 1 MB of hostile input, the git reader on crafted .git folders');
    const text = benchTextBoundary();
    details.textBoundary = text;
    figures.push(...textBoundaryFigures(text), ...gitReaderFigures());
  }
  // Each service profile answers Graph's undocumented questions one way; the publisher knows the answers (as after
  // Check Microsoft Graph) and takes the cheapest safe path for each.
  for (const profile of wanted('writes') ? (['documented', 'pessimistic'] as const) : []) {
    progress(`writes over a synthetic 8-hour day (${profile} service)`);
    const writes = await benchWrites(path.join(artifacts, `writes-outbox-${profile}`), undefined, profile);
    details[`writes-${profile}`] = writes;
    figures.push(...writesFigures(writes));
  }
  for (const profile of wanted('backlog') ? (['documented', 'pessimistic'] as const) : []) {
    progress(`backlog of 10,000 sessions (${profile} service)`);
    const backlog = await benchBacklog(path.join(artifacts, `backlog-outbox-${profile}`), profile);
    details[`backlog-${profile}`] = backlog;
    figures.push(...backlogFigures(backlog));
  }
  if (wanted('storage')) {
    progress('outbox storage');
    const storage = benchStorage(path.join(artifacts, 'storage-outbox'));
    details.storage = storage;
    figures.push(...storageFigures(storage));
  }
  if (wanted('ledger')) {
    progress('session ledger');
    const ledger = await benchLedger(path.join(artifacts, 'ledger'));
    details.ledger = ledger;
    figures.push(...ledgerFigures(ledger));
  }

  printTable(figures);
  const totalSeconds = (performance.now() - started) / 1000;
  const [load1, load5] = os.loadavg();
  console.log(
    `(machine: ${os.cpus().length} CPUs, load average ${load1.toFixed(2)} / ${load5.toFixed(2)} (1 / 5 min) at the end; node ${process.version}, ${process.arch}; gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}; bench took ${totalSeconds.toFixed(0)} s)`,
  );
  if (jsonFile) {
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(
      jsonFile,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: os.cpus().length,
          loadAverageAtEnd: os.loadavg(),
          seconds: totalSeconds,
          figures,
          details,
        },
        null,
        2,
      ),
    );
    console.log(`figures written to ${jsonFile}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
