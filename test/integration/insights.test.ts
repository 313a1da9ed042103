// The Insights panel in the real editor, against the emulator seeded with 30 days from three machines plus a
// session this machine publishes: the figures the webview shows (read from its DOM by the harness) and the
// timesheet exports equal the same figures computed here, straight from the seeded sessions; filters change them;
// each state of the panel is photographed into test-artifacts/.
import { parse as parseCsv } from 'csv-parse/sync';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { seedFeed, SEED_WORKSPACES, SeededSession } from '../support/insightsSeed';
import type { WebviewDump } from '../runners/webviewProbe';
import { activityFeed, newFile, probe, publishNow, screenshot, signInByDeviceCode, sleep, waitFor, workOn } from './helpers';

const GLOBAL = vscode.ConfigurationTarget.Global;

/** The local day of an instant (written here again, so the expectations do not reuse the extension's code). */
function day(ms: number): string {
  const d = new Date(ms);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
    .join('-');
}

function daysAgo(count: number): string {
  const d = new Date();
  return day(new Date(d.getFullYear(), d.getMonth(), d.getDate() - count, 12).getTime());
}

interface Expected {
  range: number;
  today: number;
  perDay: Map<string, number>;
  files: Map<string, number>;
  workspaces: Map<string, number>;
  thisMachine: number;
  count: number;
}

function expected(
  sessions: readonly SeededSession[],
  mine: ReadonlySet<string>,
  from: string,
  to: string,
  filter: { workspace?: string; language?: string } = {},
): Expected {
  const result: Expected = {
    range: 0,
    today: 0,
    perDay: new Map(),
    files: new Map(),
    workspaces: new Map(),
    thisMachine: 0,
    count: 0,
  };
  for (const s of sessions) {
    if (filter.workspace && s.workspaceKey !== filter.workspace) continue;
    if (filter.language && s.language !== filter.language) continue;
    const d = day(s.startedAt);
    if (d === daysAgo(0)) result.today += s.activeSeconds;
    if (d < from || d > to) continue;
    result.count += 1;
    result.range += s.activeSeconds;
    result.perDay.set(d, (result.perDay.get(d) ?? 0) + s.activeSeconds);
    result.files.set(s.appActivityId, (result.files.get(s.appActivityId) ?? 0) + s.activeSeconds);
    const ws = s.workspaceKey ?? '';
    result.workspaces.set(ws, (result.workspaces.get(ws) ?? 0) + s.activeSeconds);
    if (mine.has(s.id)) result.thisMachine += s.activeSeconds;
  }
  return result;
}

const top = (totals: Map<string, number>, n: number) => [...totals.values()].sort((a, b) => b - a).slice(0, n);

const dump = () => probe<WebviewDump>({ op: 'dump' });

/** Waits until the webview shows `state` (and, if given, what `ready` accepts), then returns its DOM. */
async function dumpWhen(state: string, ready: (d: WebviewDump) => boolean = () => true): Promise<WebviewDump> {
  let last: WebviewDump | undefined;
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    last = await dump();
    if (last.state === state && ready(last)) return last;
    await sleep(300);
  }
  assert.fail(`the panel did not show "${state}"; it shows "${last?.state}": ${last?.text.slice(0, 300)}`);
}

describe('Insights', function () {
  this.timeout(300_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();
  let sessions: SeededSession[] = [];
  const mine = new Set<string>();
  const from = daysAgo(29);
  const to = daysAgo(0);
  let clientId: unknown;

  before(async () => {
    api = await activityFeed();
    clientId = vscode.workspace.getConfiguration('activityFeed').inspect('auth.clientId')?.globalValue;
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await publishNow();
    await admin.reset();
    // A panel left open by an earlier file keeps its range; these tests start from a new one (the last 30 days).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Insights also count this machine's ledger: it starts empty, and nothing finishes unseen while tracking is
    // paused (each test that works on a file resumes it, and pauses again before the figures are compared).
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    // Pausing finishes the running session, whose ledger line may land just after a first clear.
    await waitFor(
      'an empty ledger',
      async () => {
        await vscode.commands.executeCommand('activityFeed.clearHistory', { confirmed: true });
        await sleep(200);
        return api.history.entries().length === 0 ? true : undefined;
      },
      15_000,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    await vscode.workspace.getConfiguration('activityFeed').update('auth.clientId', clientId, GLOBAL);
    await waitFor('the client id to be back', () => (api.auth.state.kind !== 'notConfigured' ? true : undefined), 10_000);
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await admin.clearFaults();
    await admin.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says there is nothing yet when the feed is empty, and offers to publish', async () => {
    await vscode.commands.executeCommand('activityFeed.showInsights');
    const shown = await dumpWhen('empty');
    assert.match(shown.text, /Nothing published yet/);
    await screenshot('insights-empty');
  });

  it('shows the totals, per-day bars, top lists and machine share that the seeded feed and this machine add up to', async () => {
    const seeded = seedFeed({
      days: 30,
      files: 24,
      sessionsPerFile: 30,
      machines: ['desk', 'laptop', 'build-box'],
      now: Date.now(),
    });
    assert.equal(await admin.seed(seeded.activities), 24);
    const file = await newFile('insights-mine.ts', 'export const mine = 1;\n');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    const session = await workOn(api, file, 2);
    // Ends whatever resuming started, so every session of this machine is in the feed the figures are computed from.
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    assert.equal((await publishNow()).outcome, 'done');
    const held = await admin.activities();
    assert.ok(
      held.some((a) => a.historyItems.some((h) => h.id === session.id)),
      'this machine published its session',
    );
    // Everything in the emulator that was not seeded was published by this machine: the session above, and any
    // short one that resuming tracking started in the focused file before.
    const seededIds = new Set(seeded.sessions.map((s) => s.id));
    const own: SeededSession[] = held.flatMap((a) => {
      const info = (a as { contentInfo?: { programmingLanguage?: string; isPartOf?: { identifier?: string } } }).contentInfo;
      return a.historyItems
        .filter((h) => !seededIds.has(h.id))
        .map((h) => ({
          id: h.id,
          appActivityId: a.appActivityId,
          file: '',
          ...(info?.isPartOf?.identifier ? { workspaceKey: info.isPartOf.identifier } : {}),
          language: info?.programmingLanguage ?? '',
          machine: 'this',
          startedAt: Date.parse(h.startedDateTime),
          lastActiveAt: Date.parse(h.lastActiveDateTime ?? h.startedDateTime),
          activeSeconds: h.activeDurationSeconds ?? 0,
        }));
    });
    for (const s of own) mine.add(s.id);
    const ownWorkspace = vscode.workspace.workspaceFolders?.[0]?.name ?? '';
    sessions = [...seeded.sessions, ...own];

    // Working on the file put the editor in front of the panel.
    await vscode.commands.executeCommand('activityFeed.showInsights');
    await probe({ op: 'click', selector: '#refresh, [data-action="refresh"]' });
    const want = expected(sessions, mine, from, to);
    const shown = await dumpWhen('insights', (d) => d.totals.range === want.range);
    assert.equal(shown.totals.today, want.today, 'today');
    assert.equal(shown.totals.dailyAverage, Math.round(want.range / 30), 'daily average over the 30 days');
    assert.equal(shown.charts, 1, 'one bar chart');
    assert.equal(shown.tables.days.length, 30, 'a bar (and a table row) for every day of the range');
    for (const row of shown.tables.days) assert.equal(row.seconds, want.perDay.get(row.key) ?? 0, `day ${row.key}`);
    assert.deepEqual(
      shown.tables.topFiles.map((r) => r.seconds),
      top(want.files, 10),
      'top files',
    );
    for (const row of shown.tables.topFiles) assert.equal(want.files.get(row.key), row.seconds, `file ${row.cells[0]}`);
    assert.deepEqual(
      shown.tables.topWorkspaces.map((r) => r.seconds),
      top(want.workspaces, 10),
      'top workspaces',
    );
    const labels = shown.tables.topWorkspaces.map((r) => r.cells[0]);
    assert.ok(labels.includes('shop'), 'a published workspace name');
    assert.ok(labels.includes('Workspace c0ffee'), 'a tag this machine cannot resolve, shortened');
    assert.ok(
      labels.includes(ownWorkspace),
      `this machine resolves its own workspace's tag to "${ownWorkspace}": ${labels.join(', ')}`,
    );
    assert.equal(
      shown.tables.heatmap.reduce((n, r) => n + (r.seconds ?? 0), 0),
      want.range,
      'the heat map holds the whole range',
    );
    assert.equal(shown.totals.thisMachine, want.thisMachine, "this machine's share");
    assert.equal(shown.allMachinesSeconds, want.range, 'next to all machines');
    assert.equal(shown.injected, 0, 'names that look like markup stay text');
    assert.ok(shown.text.includes('<img src=x onerror=alert(1)>'), 'and are shown as written');
    await screenshot('insights-ok');

    const cards = await probe<string[]>({ op: 'timeline', url: `${admin.origin}/` });
    const ownCard = cards.find((text) => text.includes('insights-mine.ts'));
    assert.ok(ownCard, `the timeline renders this machine's card: ${cards.length} cards`);
    assert.ok(!ownCard.includes('{{'), `the renderer resolved {{DATE}} and {{TIME}}: ${ownCard}`);
    assert.match(ownCard, /Last edited .*\d/, 'with the date and time');
    assert.match(ownCard, /Open in /, 'and the action button');

    // The status bar names today's time (here and on all machines) while tracking runs, not while it is paused.
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    try {
      const status = await waitFor(
        'the status bar to name all machines',
        () => (/ all/.test(api.publishing.statusText) ? api.publishing.statusText : undefined),
        40_000,
      );
      assert.match(status, /here · .* all/, status);
    } finally {
      await vscode.commands.executeCommand('activityFeed.pauseTracking');
    }
  });

  it('filters by workspace, language and range, changing every figure at once', async () => {
    const shop = SEED_WORKSPACES[0].key;
    await probe({ op: 'select', id: 'workspace', value: shop });
    let want = expected(sessions, mine, from, to, { workspace: shop });
    let shown = await dumpWhen('insights', (d) => d.totals.range === want.range && d.selects.workspace?.value === shop);
    assert.equal(shown.totals.today, want.today);
    for (const row of shown.tables.days) assert.equal(row.seconds, want.perDay.get(row.key) ?? 0, `day ${row.key} in shop`);
    assert.deepEqual(
      shown.tables.topFiles.map((r) => r.seconds),
      top(want.files, 10),
    );
    assert.deepEqual(
      shown.tables.topWorkspaces.map((r) => r.cells[0]),
      ['shop'],
    );

    await probe({ op: 'select', id: 'language', value: 'Markdown' });
    want = expected(sessions, mine, from, to, { workspace: shop, language: 'Markdown' });
    shown = await dumpWhen('insights', (d) => d.totals.range === want.range && d.selects.language?.value === 'Markdown');
    assert.deepEqual(
      shown.tables.topFiles.map((r) => r.seconds),
      top(want.files, 10),
    );

    await probe({ op: 'select', id: 'language', value: '' });
    await probe({ op: 'select', id: 'range', value: '7' });
    want = expected(sessions, mine, daysAgo(6), to, { workspace: shop });
    shown = await dumpWhen('insights', (d) => d.tables.days.length === 7 && d.selects.language?.value === '');
    assert.equal(shown.totals.range, want.range, 'the last 7 days');
    for (const row of shown.tables.days) assert.equal(row.seconds, want.perDay.get(row.key) ?? 0, `day ${row.key}`);
    await screenshot('insights-filtered');
    await probe({ op: 'select', id: 'workspace', value: '' });
    await probe({ op: 'select', id: 'range', value: '30' });
  });

  it('exports the timesheet as CSV and JSON with the same sessions, formula-safe', async () => {
    const dir = path.join(process.env.AF_TEST_ARTIFACTS ?? '', 'exports');
    fs.mkdirSync(dir, { recursive: true });
    const want = expected(sessions, mine, from, to);
    const csvPath = path.join(dir, 'timesheet.csv');
    const csvResult = await vscode.commands.executeCommand<{ path: string; rows: number }>('activityFeed.exportTimesheet', {
      from,
      to,
      groupBy: 'session',
      format: 'csv',
      path: csvPath,
    });
    assert.equal(csvResult.rows, want.count);
    const rows = parseCsv<Record<string, string>>(fs.readFileSync(csvPath, 'utf8'), { columns: true });
    assert.deepEqual(Object.keys(rows[0] ?? {}).slice(0, 2), ['day', 'session']);
    assert.equal(rows.length, want.count, 'one row per session in the range');
    const minutesPerDay = new Map<string, number>();
    for (const row of rows) minutesPerDay.set(row.day, (minutesPerDay.get(row.day) ?? 0) + Number(row.active_hours) * 60);
    for (const [d, seconds] of want.perDay)
      assert.ok(Math.abs((minutesPerDay.get(d) ?? 0) - seconds / 60) < 0.3 * rows.length, `minutes on ${d}`);
    const formula = rows.find((r) => r.session.includes('HYPERLINK'));
    assert.ok(formula?.session.startsWith("'="), `a cell a spreadsheet would run is defused: ${formula?.session}`);
    assert.ok(
      rows.every((r) => Object.values(r).every((cell) => !/^[=+\-@\t\r]/.test(cell))),
      'no cell starts like a formula',
    );
    assert.equal(
      rows.filter((r) => r.this_machine_sessions === '1').length,
      [...mine].length,
      'this machine’s sessions are marked',
    );
    assert.ok(
      rows.every((r) => r.rounding === 'none'),
      'the file states the rule it used',
    );

    const jsonPath = path.join(dir, 'timesheet.json');
    await vscode.commands.executeCommand('activityFeed.exportTimesheet', {
      from,
      to,
      groupBy: 'session',
      format: 'json',
      path: jsonPath,
    });
    const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
      from: string;
      to: string;
      rows: { day: string; activeSeconds: number; group: string; files: string[] }[];
    };
    assert.deepEqual([json.from, json.to, json.rows.length], [from, to, want.count]);
    const jsonSeconds = json.rows.reduce((n, r) => n + r.activeSeconds, 0);
    assert.equal(jsonSeconds, want.range, 'the JSON adds up to the range, to the second');
    assert.ok(
      json.rows.some((r) => r.group.startsWith('=HYPERLINK')),
      'JSON keeps names as they are',
    );
    await vscode.commands.executeCommand('activityFeed.showInsights');
  });

  it("Preview Next Payload draws each activity's Adaptive Card with the official renderer", async () => {
    const file = await newFile('insights-card.ts', 'export const card = 1;\n');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    await workOn(api, file, 1);
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('activityFeed.previewNextPayload');
    const text = await probe<string>({ op: 'cards' });
    assert.match(text, /insights-card\.ts/, 'the card of the file that waits');
    assert.match(text, /Last edited .*\d/, 'its date and time, resolved by the renderer');
    assert.ok(!text.includes('{{'), text);
    await screenshot('card-preview');
    assert.equal((await publishNow()).outcome, 'done');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('activityFeed.showInsights');
  });

  it('keeps the copy and says so when Graph cannot be reached', async () => {
    await admin.addFault({ method: 'GET', path: '^/me/activities', fault: { kind: 'drop' }, times: 8 });
    await probe({ op: 'click', selector: '#refresh' });
    const shown = await dumpWhen('insights', (d) => /Offline/.test(d.text));
    assert.ok(shown.totals.range > 0, 'the figures read earlier stay');
    await screenshot('insights-offline');
    await admin.clearFaults();
  });

  it('asks to sign in when signed out, and to set up when no app registration is configured', async () => {
    await vscode.commands.executeCommand('activityFeed.signOut');
    const signedOut = await dumpWhen('signedOut');
    assert.match(signedOut.text, /Sign in/i);
    // What this machine recorded is still shown, from its own history, and nothing of the other machines.
    assert.match(signedOut.text, /This machine’s sessions, from its own history/);
    assert.ok(signedOut.totals.range > 0, 'this machine’s time is shown');
    assert.equal(signedOut.totals.thisMachine, signedOut.totals.range, 'all of it this machine’s');
    await screenshot('insights-signed-out');
    await vscode.workspace.getConfiguration('activityFeed').update('auth.clientId', '', GLOBAL);
    const notSetUp = await dumpWhen('notConfigured');
    assert.match(notSetUp.text, /Set Up/);
    await screenshot('insights-not-set-up');
  });
});
