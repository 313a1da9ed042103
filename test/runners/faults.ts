// The faults tier: the real editor (code-server 1.100 + headless Chromium) against the local Graph emulator, in
// the ways a person's machine misbehaves.
//   node -r ./scripts/register-ts.cjs test/runners/faults.ts
// Phases (in-editor suites in test/faults/, compiled to out/test/faults/):
//   crash1  sessions queued, publishing starts, the extension host is SIGKILLed while Graph holds the PUT open;
//   crash2  restarted on the same user data: a write lands but its answer is lost, and the host is SIGKILLed while
//           the client retries it;
//   crash3  restarted again (publishing automatic): everything goes out by itself, each session once;
//   input   a fresh editor with every setting invalid, odd documents, an excluded file and a Graph 400.
// Then checks over the whole run, here in the harness: no token in any log or outbox file, and not one byte the
// emulator received names the excluded file. Writes a JSON summary (AF_TEST_RESULTS) like the integration tier.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './editor';
import { prepareWorkspace, printSummary, runEditorPhase, startEmulatorForEditor } from './editorRun';
import type { RunningEmulator } from '../../tools/graph-emulator';
import { emulatorSettings } from './emulatorSettings';
import type { TestSummary } from './summary';
import { Checks, filesUnder, findTokens } from './faultChecks';
import { assertPublishedExactlyOnce } from '../unit/publish/faultTolerance/support';
import type { Session } from '../../src/tracking/types';
import {
  BIG_FILE,
  BINARY_FILE,
  EXCLUDED_FOLDER,
  EXCLUDED_NAME,
  EXCLUDED_STEM,
  findEncodings,
  markerPath,
} from '../faults/shared';

const artifactsRoot = path.join(projectRoot, 'test-artifacts', 'faults');
const testsPath = path.join(projectRoot, 'out', 'test', 'faults', 'index.js');
const EXTENSION_ID = 'activity-feed.graph-activity-feed';

interface PhaseOptions {
  name: string;
  /** The in-editor phase whose kill marker this run watches (default: `name`). */
  phase?: string;
  file: string;
  scratch: string;
  workspace: string;
  userSettings: Record<string, unknown>;
  port?: number;
  /** The phase writes a marker when its extension host should be killed; this runs first and may veto. */
  killWhenMarked?: () => void;
}

interface PhaseResult {
  port: number;
  summary?: TestSummary;
  killed?: number[];
  seconds: number;
}

async function runPhase(options: PhaseOptions, emulator: RunningEmulator, caFile: string): Promise<PhaseResult> {
  const marker = markerPath(artifactsRoot, options.phase ?? options.name);
  fs.rmSync(marker, { force: true });
  let killed: number[] | undefined;
  const outcome = await runEditorPhase({
    name: options.name,
    artifactsRoot,
    testsPath,
    files: options.file,
    scratch: options.scratch,
    workspace: options.workspace,
    userSettings: options.userSettings,
    port: options.port,
    emulator,
    caFile,
    results: path.join(artifactsRoot, `${options.name}.json`),
    timeoutMs: 6 * 60_000,
    pollMs: 200,
    keepHostLog: true,
    round: async (editor) => {
      if (!options.killWhenMarked || !fs.existsSync(marker)) return false;
      options.killWhenMarked();
      killed = editor.killExtensionHost();
      await new Promise((r) => setTimeout(r, 1_000));
      await editor.page.screenshot({ path: path.join(artifactsRoot, `${options.name}-after-kill.png`) }).catch(() => undefined);
      return true;
    },
  });
  return { port: outcome.port, summary: outcome.summary, killed, seconds: outcome.seconds };
}

/** Each profile runs the three crash phases; 'documented' first, as the service is documented to behave. */
const CRASH_PROFILES = ['documented', 'pessimistic'] as const;

/**
 * crash1..3 on a fresh scratch folder and workspace against the emulator as it is (reset, in `profile`): killed with
 * a PUT in flight, killed after a write landed whose answer was lost, then restarted with automatic publishing.
 */
async function runCrashPhases(
  profile: string,
  scratch: string,
  emulator: RunningEmulator,
  caFile: string,
  base: Record<string, unknown>,
  checks: Checks,
  scanOutbox: (label: string, scratch: string) => number,
): Promise<{ summary?: TestSummary; figure: string }> {
  const prefix = profile === 'documented' ? 'crash' : `${profile}-crash`;
  const crashWorkspace = prepareWorkspace(path.join(artifactsRoot, `${prefix}-ws`));
  addExcludedFile(crashWorkspace);
  // The most telling privacy level: every other file's name and path does leave, so the excluded one's absence
  // from what the emulator received means something.
  const crashSettings = {
    ...base,
    'activityFeed.publish.mode': 'manual',
    'activityFeed.graph.requestTimeoutSeconds': 120,
    'activityFeed.privacy': 'full',
    'activityFeed.tracking.exclude': [`**/${EXCLUDED_FOLDER}/**`],
  };
  const inFlightPut = () =>
    emulator.admin.requests().filter((r) => r.server === 'graph' && r.method === 'PUT' && r.status === 0 && !r.lostAnswer);

  // crash1: killed while the PUT is held open.
  let inFlightAtKill = 0;
  const crash1 = await runPhase(
    {
      name: `${prefix}1`,
      phase: 'crash1',
      file: 'crash1.test.js',
      scratch,
      workspace: crashWorkspace,
      userSettings: crashSettings,
      killWhenMarked: () => (inFlightAtKill = inFlightPut().length),
    },
    emulator,
    caFile,
  );
  checks.run(`${profile}, crash 1: the extension host is SIGKILLed while Graph holds its PUT open`, () => {
    assert.equal(hostSummaryFailed('crash1', crash1.summary), undefined);
    assert.ok(crash1.killed && crash1.killed.length > 0, 'an extension host process was killed');
    assert.equal(inFlightAtKill, 1, 'exactly one PUT was in flight when the kill landed');
    assert.equal(emulator.state.all().length, 0, 'Graph holds nothing from the cut request');
    return `${crash1.seconds.toFixed(1)} s, killed pid ${crash1.killed.join(',')}`;
  });
  checks.run(
    `${profile}, crash 1: the queued sessions are on disk, and the outbox holds no token`,
    () => `${scanOutbox(`${profile}, after crash 1`, scratch)} files scanned`,
  );

  // crash2: the write lands, its answer is lost, the retry is held open, and the host is killed.
  let crash2Held = 0;
  let crash2InFlight = 0;
  const crash2 = await runPhase(
    {
      name: `${prefix}2`,
      phase: 'crash2',
      file: 'crash2.test.js',
      scratch,
      workspace: crashWorkspace,
      port: crash1.port,
      userSettings: crashSettings,
      killWhenMarked: () => {
        crash2InFlight = inFlightPut().length;
        crash2Held = emulator.state.all().flatMap((a) => a.historyItems).length;
      },
    },
    emulator,
    caFile,
  );
  checks.run(`${profile}, crash 2: SIGKILLed while retrying a write that Graph applied but never answered`, () => {
    assert.equal(hostSummaryFailed('crash2', crash2.summary), undefined);
    assert.ok(crash2.killed && crash2.killed.length > 0);
    assert.equal(crash2InFlight, 1, 'the retry was in flight when the kill landed');
    assert.ok(crash2Held > 0, 'Graph held sessions of the lost answer');
    return `${crash2.seconds.toFixed(1)} s, ${crash2Held} session(s) already in Graph`;
  });
  checks.run(
    `${profile}, crash 2: the outbox holds no token`,
    () => `${scanOutbox(`${profile}, after crash 2`, scratch)} files scanned`,
  );

  // crash3: restarted with publishing automatic.
  emulator.admin.clearFaults();
  const crash3 = await runPhase(
    {
      name: `${prefix}3`,
      phase: 'crash3',
      file: 'crash3.test.js',
      scratch,
      workspace: crashWorkspace,
      port: crash1.port,
      userSettings: {
        ...crashSettings,
        'activityFeed.publish.mode': 'automatic',
        'activityFeed.publish.finishedDelaySeconds': 0,
      },
    },
    emulator,
    caFile,
  );
  const truth = fs.existsSync(markerPath(artifactsRoot, 'crash3'))
    ? (JSON.parse(fs.readFileSync(markerPath(artifactsRoot, 'crash3'), 'utf8')) as { sessions: Session[] })
    : undefined;
  checks.run(`${profile}, crash 3: Graph holds every session of the run exactly once, with its latest times`, () => {
    assert.ok(truth, 'crash 3 recorded the sessions of the run');
    assertPublishedExactlyOnce(emulator, truth.sessions);
    return `${truth.sessions.length} sessions`;
  });
  checks.run(
    `${profile}, crash 3: the outbox holds no token after the run`,
    () => `${scanOutbox(`${profile}, after crash 3`, scratch)} files scanned`,
  );
  const sessionsInGraph = emulator.state.all().flatMap((a) => a.historyItems).length;
  return {
    summary: crash3.summary,
    figure: `${profile} crash phases: ${crash1.seconds.toFixed(0)} s + ${crash2.seconds.toFixed(0)} s + ${crash3.seconds.toFixed(0)} s, ${sessionsInGraph} sessions in Graph`,
  };
}

function addExcludedFile(dir: string): void {
  fs.mkdirSync(path.join(dir, EXCLUDED_FOLDER), { recursive: true });
  fs.writeFileSync(path.join(dir, EXCLUDED_FOLDER, EXCLUDED_NAME), 'export const salaries = [];\n');
}

function prepareInputWorkspace(dir: string): string {
  prepareWorkspace(dir);
  addExcludedFile(dir);
  const line = `${'0123456789abcdef'.repeat(4)}\n`;
  fs.writeFileSync(path.join(dir, BIG_FILE), line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
  fs.writeFileSync(
    path.join(dir, BINARY_FILE),
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), crypto.randomBytes(64 * 1024)]),
  );
  // A repository trying to send the token elsewhere (test/integration/auth.test.ts checks this in detail): every
  // publish of this phase reaching the emulator shows it was ignored here too.
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify({
      'activityFeed.graph.endpoint': 'http://127.0.0.1:9/v1.0',
      'activityFeed.auth.authorityHost': 'https://attacker.example',
      'activityFeed.auth.clientId': '99999999-9999-4999-8999-999999999999',
    }),
  );
  return dir;
}

/** Every contributed setting a person could get wrong, wrong; only the four that reach the emulator stay valid. */
function invalidSettings(): Record<string, unknown> {
  return {
    'activityFeed.tracking.enabled': 'yes',
    'activityFeed.tracking.exclude': `**/${EXCLUDED_FOLDER}/**`,
    'activityFeed.tracking.idleTimeoutSeconds': 'soon',
    'activityFeed.tracking.switchGraceSeconds': -5,
    'activityFeed.tracking.blurGraceSeconds': 10_000,
    'activityFeed.tracking.minimumSessionSeconds': -1,
    'activityFeed.tracking.checkpointIntervalSeconds': true,
    'activityFeed.privacy': 'everything',
    'activityFeed.workspaceAlias': 12345,
    'activityFeed.displayTextTemplate': 42,
    'activityFeed.descriptionTemplate': ['not', 'text'],
    'activityFeed.backgroundColor': 'red',
    'activityFeed.iconUrl': 'http://insecure.example/icon.png',
    'activityFeed.timezone': 5,
    'activityFeed.activitySourceHost': 'https://example.com/with/a/path',
    'activityFeed.auth.tenant': 'not a tenant!',
    'activityFeed.publish.mode': 'sometimes',
    'activityFeed.publish.finishedDelaySeconds': -1,
    'activityFeed.publish.intervalSeconds': 1,
    'activityFeed.publish.onWindowBlur': 'yes',
    'activityFeed.publish.onShutdown': 1,
    'activityFeed.publish.maxQueuedSessions': 5,
    'activityFeed.graph.writesPerFiveMinutes': 0,
    'activityFeed.graph.writesPerDay': 'many',
    'activityFeed.graph.requestTimeoutSeconds': 1,
    'activityFeed.graph.maxAttempts': 100,
  };
}

function outboxOf(scratch: string): string {
  return path.join(scratch, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'outbox');
}

function hostSummaryFailed(name: string, summary: TestSummary | undefined): string | undefined {
  if (!summary?.finished) return undefined;
  return `${name} ended before its kill marker: ${summary.failures.map((f) => `${f.title}: ${f.error.split('\n')[0]}`).join('; ') || 'no failure reported'}`;
}

async function main(): Promise<void> {
  fs.rmSync(artifactsRoot, { recursive: true, force: true });
  fs.mkdirSync(artifactsRoot, { recursive: true });
  const results = process.env.AF_TEST_RESULTS ?? path.join(artifactsRoot, 'results.json');
  const started = Date.now();
  const { emulator, caFile } = await startEmulatorForEditor(artifactsRoot);
  console.log(`faults: Graph emulator at ${emulator.graphUrl}, token endpoint at ${emulator.authorityUrl}`);
  const base = emulatorSettings(emulator);
  const checks = new Checks();
  const hostSummaries: TestSummary[] = [];
  const received: Buffer[] = [];
  const outboxScans: string[] = [];
  const crashScratches: string[] = [];
  const inputScratch = path.join(artifactsRoot, 'input');
  const figures: string[] = [];

  const scanOutbox = (label: string, scratch: string) => {
    const files = filesUnder(outboxOf(scratch));
    outboxScans.push(`${label}: ${files.length} files`);
    const leaks = findTokens(files, emulator.identity.issuedTokens(), scratch);
    if (leaks.length > 0) throw new Error(`token in the outbox (${label}): ${leaks.join('; ')}`);
    return files.length;
  };

  try {
    // The crash phases under each service profile, each with a fresh Graph, editor user data and workspace.
    for (const profile of CRASH_PROFILES) {
      emulator.admin.reset();
      emulator.admin.setProfile({ profile });
      const scratch = path.join(artifactsRoot, profile === 'documented' ? 'crash' : `crash-${profile}`);
      crashScratches.push(scratch);
      const result = await runCrashPhases(profile, scratch, emulator, caFile, base, checks, scanOutbox);
      if (result.summary) hostSummaries.push(result.summary);
      figures.push(result.figure);
      received.push(emulator.admin.received());
    }
    emulator.admin.reset();
    emulator.admin.setProfile({ profile: 'documented' });

    // input: a fresh editor and a fresh Graph.
    emulator.admin.reset();
    const input = await runPhase(
      {
        name: 'input',
        file: 'input.test.js',
        scratch: inputScratch,
        workspace: prepareInputWorkspace(path.join(artifactsRoot, 'input-ws')),
        userSettings: { ...base, ...invalidSettings() },
      },
      emulator,
      caFile,
    );
    if (input.summary) hostSummaries.push(input.summary);
    figures.push(
      `input phase: ${input.seconds.toFixed(0)} s, ${emulator.admin.requests().filter((r) => r.method === 'PUT').length} PUTs`,
    );
    checks.run('input: the outbox holds no token', () => `${scanOutbox('after input', inputScratch)} files scanned`);
    received.push(emulator.admin.received());

    checks.run('privacy: not one byte the emulator received in the whole run names the excluded file', () => {
      const all = Buffer.concat(received);
      assert.ok(all.length > 10_000, 'the emulator recorded what it received');
      assert.ok(all.includes('PUT /v1.0/me/activities/'), 'the recording includes the published activities');
      assert.ok(
        findEncodings(all, 'crash-a.ts').length > 0,
        'at the privacy level of the crash phases, the names of the other files do leave',
      );
      assert.deepEqual(findEncodings(all, EXCLUDED_STEM), []);
      assert.deepEqual(findEncodings(all, EXCLUDED_NAME), []);
      return `${(all.length / 1024).toFixed(0)} KB scanned`;
    });

    checks.run('security: no token or Authorization value in any log of the run', () => {
      const files = [
        ...crashScratches.flatMap((scratch) => filesUnder(path.join(scratch, 'ud', 'logs'))),
        ...filesUnder(path.join(inputScratch, 'ud', 'logs')),
        ...fs
          .readdirSync(artifactsRoot)
          .filter((f) => f.endsWith('.log'))
          .map((f) => path.join(artifactsRoot, f)),
      ];
      // A SIGKILLed host may not have flushed its log; the runs that end normally always have.
      const ours = files.filter((f) => f.endsWith('Activity Feed.log'));
      assert.ok(ours.length >= 1 + CRASH_PROFILES.length, `the extension's own logs are among them (${ours.length})`);
      assert.ok(
        ours.some((f) => /Signed in \(deviceCode\)/.test(fs.readFileSync(f, 'utf8'))),
        'the logs cover a sign-in',
      );
      const leaks = findTokens(files, emulator.identity.issuedTokens(), artifactsRoot);
      assert.deepEqual(leaks, []);
      return `${files.length} files (${ours.length} of the extension's own), ${emulator.identity.issuedTokens().length} issued tokens searched for`;
    });
  } catch (error) {
    checks.run('the faults run completed', () => {
      throw error;
    });
  } finally {
    await emulator.close();
  }

  const summary = checks.summary(hostSummaries, 1 + CRASH_PROFILES.length, 'test/runners/faults.ts');
  fs.writeFileSync(results, JSON.stringify(summary, null, 2));
  for (const line of [...figures, ...outboxScans]) console.log(`faults: ${line}`);
  printSummary('faults', summary, Date.now() - started);
  process.exitCode = summary.failed > 0 || !summary.finished || summary.passed === 0 ? 1 : 0;
}

void main();
