// This machine's session ledger in the real editor: a finished session is kept with what only this machine knows of
// it, whether or not it was published; an exclusion added later removes it from the files on disk; Forget removes the
// local copy unless the person keeps it; Clear empties the ledger.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { ForgetOutcome } from '../../src/feed/forgetCommands.vscode';
import type { ViewSnapshot } from '../../src/feed/viewNodes';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, trackerRulesApplied, waitFor, workOn } from './helpers';

const GLOBAL = vscode.ConfigurationTarget.Global;

const holds = (activities: { historyItems: { id: string }[] }[], sessionId: string) =>
  activities.some((a) => a.historyItems.some((h) => h.id === sessionId));

function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sessionNode(api: ActivityFeedApi, sessionId: string): ViewSnapshot | undefined {
  const walk = (nodes: ViewSnapshot[]): ViewSnapshot | undefined =>
    nodes.map((n) => (n.node.type === 'session' && n.node.session.id === sessionId ? n : walk(n.children))).find(Boolean);
  return walk(api.publishedView.snapshot());
}

/** Every byte of the ledger's files on disk, to check that nothing of a removed session is left. */
function ledgerBytes(api: ActivityFeedApi): string {
  const dir = api.history.directory;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')) : [];
  return files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')).join('');
}

describe("this machine's session history (the ledger)", function () {
  this.timeout(180_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();
  const inLedger = (id: string) => api.history.entries().find((entry) => entry.id === id);

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    // Forget works from the Published Activity view, which reads the feed while it is open.
    await vscode.commands.executeCommand('activityFeed.published.focus');
  });

  it('keeps a finished session with its workspace, its place in it and its language, before it is published', async () => {
    const uri = await newFile('history-kept.ts', 'let kept = 1;\n');
    const session = await workOn(api, uri, 1);
    const entry = await waitFor('the session in the ledger', () => inLedger(session.id), 15_000);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    assert.ok(folder);
    assert.deepEqual(
      [entry.documentUri, entry.workspaceFolderName, entry.relativePath, entry.languageId],
      [uri.toString(), folder.name, path.posix.basename(uri.path), 'typescript'],
    );
    assert.deepEqual(
      [entry.startedAt, entry.lastActiveAt, entry.activeSeconds],
      [session.startedAt, session.lastActiveAt, session.activeSeconds],
    );
    assert.ok(
      api.tracking.pendingSessions().some((s) => s.id === session.id),
      'it is still waiting to be published',
    );
  });

  it('removes a session from the files on disk when an exclusion added later covers its file', async () => {
    const uri = await newFile('history-secret.ts', 'const key = 1;\n');
    const session = await workOn(api, uri, 1);
    await waitFor('the session in the ledger', () => inLedger(session.id), 15_000);
    const configuration = vscode.workspace.getConfiguration('activityFeed');
    const before = configuration.inspect('tracking.exclude')?.globalValue;
    try {
      await configuration.update('tracking.exclude', ['**/*history-secret*'], GLOBAL);
      await trackerRulesApplied(() => api.tracking.rules);
      await waitFor('the excluded session to leave the ledger', () => (inLedger(session.id) ? undefined : true), 15_000);
      assert.ok(!ledgerBytes(api).includes('history-secret'), 'nothing of the file is left in the ledger files');
    } finally {
      await configuration.update('tracking.exclude', before, GLOBAL);
    }
  });

  it('Forget removes the local copy too, unless the person keeps this machine’s copy', async () => {
    const kept = await workOn(api, await newFile('history-forget-keep.ts'), 1);
    const gone = await workOn(api, await newFile('history-forget-all.ts'), 1);
    assert.equal((await publishNow()).outcome, 'done');
    assert.equal(await api.publishedView.refresh(true), 'ok');
    for (const [session, keepLocalCopy] of [
      [kept, true],
      [gone, false],
    ] as const) {
      const node = sessionNode(api, session.id);
      assert.ok(node, `session ${session.id} is listed`);
      const outcome = await vscode.commands.executeCommand<ForgetOutcome>('activityFeed.forgetSession', node.node, {
        confirmed: true,
        keepLocalCopy,
      });
      assert.equal(outcome.keptLocalCopy, keepLocalCopy);
    }
    const held = await admin.activities();
    for (const session of [kept, gone])
      assert.ok(!held.some((a) => a.historyItems.some((h) => h.id === session.id)), 'both are gone from Graph');
    await waitFor('the forgotten session to leave the ledger', () => (inLedger(gone.id) ? undefined : true), 15_000);
    assert.ok(inLedger(kept.id), 'the session forgotten from Graph only stays in this machine’s history');
  });

  it('still exports this machine’s sessions after Microsoft Graph has forgotten them', async () => {
    const uri = await newFile('history-outlives.ts');
    const session = await workOn(api, uri, 1);
    assert.equal((await publishNow()).outcome, 'done');
    assert.ok(holds(await admin.activities(), session.id), 'published');
    // Time passes for the service only (tokens keep real time). The emulator's documented profile keeps a session as
    // long as activityFeed.history.keepDays asks (90 days by default), past its own 30.
    await admin.moveClock({ days: 45 });
    assert.ok(holds(await admin.activities(), session.id), 'on day 45 the feed still holds it, as keepDays asked');
    await admin.moveClock({ days: 50 });
    assert.ok(!holds(await admin.activities(), session.id), 'on day 95 the feed has forgotten it');
    const day = localDay(session.startedAt);
    const file = path.join(os.tmpdir(), `af-history-${process.pid}-${Date.now()}.json`);
    try {
      const args = { from: day, to: day, groupBy: 'session', format: 'json', path: file };
      await vscode.commands.executeCommand('activityFeed.exportTimesheet', args);
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        rows: { key: string; group: string; thisMachineSessions: number }[];
      };
      const row = exported.rows.find((r) => r.key === session.id);
      assert.ok(row, `the timesheet holds the session: ${JSON.stringify(exported.rows)}`);
      assert.equal(row.thisMachineSessions, 1);
      assert.match(row.group, /history-outlives\.ts$/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('keeps another machine’s sessions after the feed forgets them: 90-day Insights and the timesheet count them', async () => {
    const DAY = 24 * 3_600_000;
    const LAPTOP = {
      notes1: '1a7e0000-0000-4000-8000-000000000001',
      notes2: '1a7e0000-0000-4000-8000-000000000002',
      plan1: '1a7e0000-0000-4000-8000-000000000003',
    };
    const now = Date.now();
    const serviceNow = Date.parse((await admin.clock()).now);
    const item = (id: string, daysAgo: number, seconds: number, keptUntil?: number) => ({
      id,
      startedDateTime: new Date(now - daysAgo * DAY).toISOString(),
      lastActiveDateTime: new Date(now - daysAgo * DAY + seconds * 1000).toISOString(),
      activeDurationSeconds: seconds,
      ...(keptUntil !== undefined ? { expirationDateTime: new Date(keptUntil).toISOString() } : {}),
    });
    const laptop = (name: string, items: ReturnType<typeof item>[]) => ({
      appActivityId: `h:laptop-${name}`,
      activitySourceHost: 'https://activity-feed.github.io',
      activationUrl: `vscode://activity-feed.graph-activity-feed/open?id=h%3Alaptop-${name}`,
      appDisplayName: 'Visual Studio Code',
      visualElements: { displayText: `${name}.md`, description: 'Markdown · Visual Studio Code' },
      contentInfo: {
        '@context': 'https://schema.org',
        '@type': 'SoftwareSourceCode',
        name: `${name}.md`,
        programmingLanguage: 'Markdown',
      },
      historyItems: items,
    });
    // The laptop's notes asked nothing (the service's 30 days); its plan asked to be kept 55 more days, as
    // activityFeed.history.keepDays does, which the documented service honours.
    await admin.seed([
      laptop('notes', [item(LAPTOP.notes1, 40, 1_500), item(LAPTOP.notes2, 20, 900)]),
      laptop('plan', [item(LAPTOP.plan1, 35, 2_100, serviceNow + 55 * DAY)]),
    ]);
    const laptopIds = [LAPTOP.notes1, LAPTOP.notes2, LAPTOP.plan1];
    assert.equal(await api.publishedView.refresh(true), 'ok');
    const kept = await api.history.otherMachines();
    assert.deepEqual(
      kept
        .map((e) => e.id)
        .filter((id) => laptopIds.includes(id))
        .sort(),
      laptopIds,
      'read once, kept',
    );
    assert.ok(!kept.some((e) => api.history.entries().some((own) => own.id === e.id)), 'none of this machine’s own');

    await admin.moveClock({ days: 45 });
    const held = await admin.activities();
    assert.ok(!holds(held, LAPTOP.notes1) && !holds(held, LAPTOP.notes2), 'the feed forgot the notes');
    assert.ok(holds(held, LAPTOP.plan1), 'the plan the laptop asked to keep is still in the feed');
    assert.equal(await api.publishedView.refresh(true), 'ok');

    await vscode.commands.executeCommand('activityFeed.showInsights', { days: 90 });
    const own = api.history.entries().filter((e) => e.startedAt >= now - 89 * DAY);
    const ownSeconds = own.reduce((n, e) => n + e.activeSeconds, 0);
    // Earlier files of the run may have left other machines' sessions in the copy: they count too, once each.
    const others = (await api.history.otherMachines()).filter(
      (e) => e.startedAt >= new Date(now - 89 * DAY).setHours(0, 0, 0, 0),
    );
    const othersSeconds = others.reduce((n, e) => n + e.activeSeconds, 0);
    assert.ok(othersSeconds >= 4_500, 'the laptop’s sessions are among them');
    const shown = await waitFor(
      'the 90-day Insights with the laptop’s sessions',
      () => {
        const state = api.insights.state?.state;
        return state?.kind === 'insights' && state.preset === '90' && state.insights.machines.all === ownSeconds + othersSeconds
          ? state
          : undefined;
      },
      30_000,
    );
    assert.equal(shown.insights.machines.thisMachine, ownSeconds, 'this machine’s whole history, from its ledger');
    // The note names the oldest session the copy holds, whatever its range, when that is older than what the feed is
    // known to keep: 30 days, or 90 (keepDays) once a check earlier in the run found the service keeps what it is asked.
    const oldest = Math.min(...(await api.history.otherMachines()).map((e) => e.startedAt));
    const feedFrom = now - api.history.feedKeepsDays * DAY;
    if (oldest < feedFrom)
      assert.match(
        shown.history ?? '',
        new RegExp(`Other machines: from ${localDay(oldest)}, as far back as this machine has read them`),
        `the range says how far back other machines go (from ${localDay(oldest)}): ${shown.history ?? 'no note'}`,
      );
    else assert.equal(shown.history, undefined, `the feed keeps ${api.history.feedKeepsDays} days: nothing to say`);

    const file = path.join(os.tmpdir(), `af-history-others-${process.pid}-${Date.now()}.json`);
    try {
      const range = { from: localDay(now - 45 * DAY), to: localDay(now), groupBy: 'session', format: 'json', path: file };
      await vscode.commands.executeCommand('activityFeed.exportTimesheet', range);
      const rows = (
        JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: { key: string; start: string; thisMachineSessions: number }[] }
      ).rows;
      assert.deepEqual(
        rows
          .filter((r) => laptopIds.includes(r.key))
          .map((r) => [r.key, r.start])
          .sort(),
        laptopIds.map((id) => [id, seedStart(id)]).sort(),
        'every laptop session, the forgotten ones from the copy',
      );
      assert.deepEqual(
        rows
          .filter((r) => r.thisMachineSessions === 1)
          .map((r) => r.key)
          .sort(),
        api.history
          .entries()
          .filter((e) => e.startedAt >= new Date(now - 45 * DAY).setHours(0, 0, 0, 0))
          .map((e) => e.id)
          .sort(),
        'every session of this machine in the range, from its ledger',
      );
    } finally {
      fs.rmSync(file, { force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }

    function seedStart(id: string): string {
      const daysAgo = { [LAPTOP.notes1]: 40, [LAPTOP.notes2]: 20, [LAPTOP.plan1]: 35 }[id] ?? 0;
      return new Date(now - daysAgo * DAY).toISOString();
    }
  });

  it('Clear empties the ledger and the copy of other machines, and says how many sessions they held', async () => {
    const held = api.history.entries().length + (await api.history.otherMachines()).length;
    assert.ok(held > 0);
    assert.equal(await vscode.commands.executeCommand('activityFeed.clearHistory', { confirmed: true }), held);
    assert.deepEqual(api.history.entries(), []);
    assert.deepEqual(await api.history.otherMachines(), []);
    assert.equal(ledgerBytes(api), '');
  });
});
