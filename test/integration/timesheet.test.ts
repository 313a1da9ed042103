// The timesheet review in the real editor: sessions in three git repositories (two branches with tickets, one
// without), the review opened, a row left out, two merged and renamed, a note, rounding to 15 minutes up; then CSV
// through the editor's own save dialog and Markdown to the clipboard. The files' figures are checked against the
// ledger's sessions, worked out here independently of the extension's code.
import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { ReviewDump, WebviewDump } from '../runners/webviewProbe';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, probe, publishNow, screenshot, signInByDeviceCode, sleep, waitFor, workOn } from './helpers';

const REPOSITORIES = [
  { folder: 'ts-cart', branch: 'feature/ABC-101-cart', ticket: 'ABC-101' },
  { folder: 'ts-login', branch: 'fix/#42-login', ticket: '#42' },
  { folder: 'ts-docs', branch: 'main', ticket: undefined },
];
const QUARTER = 15 * 60;

function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A file in a new git repository on `branch`, inside the workspace folder. */
function fileOnBranch(folder: string, branch: string): vscode.Uri {
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(workspaceFolder);
  const dir = path.join(workspaceFolder.uri.fsPath, `${folder}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', branch], { cwd: dir });
  const file = path.join(dir, 'work.ts');
  fs.writeFileSync(file, 'export const work = 1;\n');
  return vscode.Uri.file(file);
}

const review = () => probe<ReviewDump>({ op: 'review' });

async function reviewWhen(what: string, ready: (d: ReviewDump) => boolean): Promise<ReviewDump> {
  let last: ReviewDump | undefined;
  return waitFor(
    `the review to show ${what}`,
    async () => {
      last = await review();
      return last.state === 'review' && ready(last) ? last : undefined;
    },
    30_000,
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it shows ${JSON.stringify(last?.rows)}`);
  });
}

describe('the timesheet review', function () {
  this.timeout(240_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();
  const today = localDay(Date.now());

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await publishNow();
    await admin.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The review counts this machine's ledger and other machines' copy: both start empty, and nothing finishes unseen.
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await waitFor(
      'an empty history',
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
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('leaves out a row, merges two, rounds 15 minutes up, and exports CSV and Markdown that add up', async () => {
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    for (const [index, repository] of REPOSITORIES.entries()) {
      const uri = fileOnBranch(repository.folder, repository.branch);
      await workOn(api, uri, 2 + index);
    }
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    const sessions = await waitFor(
      'the three sessions in the ledger, with their branches',
      () => {
        const entries = api.history.entries().filter((e) => REPOSITORIES.some((r) => e.branch === r.branch));
        return new Set(entries.map((e) => e.branch)).size === 3 ? entries : undefined;
      },
      20_000,
    );
    const secondsOf = (branch: string) => sessions.filter((e) => e.branch === branch).reduce((n, e) => n + e.activeSeconds, 0);

    await vscode.commands.executeCommand('activityFeed.exportTimesheet', { review: true, from: today, to: today });
    const draft = await reviewWhen('a row for each ticket and one without', (d) => d.rows.length === 3);
    const rowOf = (name: string) => draft.rows.findIndex((r) => r.name === name);
    const [cart, login, docs] = ['ABC-101', '#42', 'No ticket'].map(rowOf);
    assert.ok(cart >= 0 && login >= 0 && docs >= 0, JSON.stringify(draft.rows));
    assert.equal(draft.rows[cart].seconds, secondsOf('feature/ABC-101-cart'));
    assert.equal(draft.rows[login].seconds, secondsOf('fix/#42-login'));
    assert.ok(
      draft.rows.every((r) => r.labels.every((label) => label.length > 0)),
      'every box has a name a screen reader reads',
    );
    assert.equal(draft.injected, 0);
    // Keyboard: ↓ in a note goes to the next row's note.
    const moved = await probe<{ focused: string }>({
      op: 'press',
      root: 'timesheet',
      selector: '[id="note:0"]',
      key: 'ArrowDown',
    });
    assert.equal(moved.focused, 'note:1');

    await probe({ op: 'check', root: 'timesheet', selector: `[id="include:${docs}"]`, checked: false });
    await probe({ op: 'check', root: 'timesheet', selector: `[id="select:${cart}"]`, checked: true });
    await probe({ op: 'check', root: 'timesheet', selector: `[id="select:${login}"]`, checked: true });
    await probe({ op: 'click', root: 'timesheet', selector: '#merge' });
    await reviewWhen('the two ticket rows merged', (d) => d.rows.length === 2);
    await probe({ op: 'select', root: 'timesheet', id: 'rounding', value: '15' });
    const merged = await reviewWhen('the merged row rounded', (d) =>
      d.rows.some((r) => r.billed !== undefined && r.billed % QUARTER === 0 && r.billed > 0),
    );
    const kept = merged.rows.findIndex((r) => r.included);
    await probe({ op: 'fill', root: 'timesheet', selector: `[id="name:${kept}"]`, value: 'ABC-101 + #42' });
    await probe({ op: 'fill', root: 'timesheet', selector: `[id="note:${kept}"]`, value: '=cmd|calc, cart and login' });

    // Worked out here: the two ticketed sessions in one row, 15 minutes up; the docs session left out.
    const activeSeconds = secondsOf('feature/ABC-101-cart') + secondsOf('fix/#42-login');
    const billedSeconds = Math.ceil(activeSeconds / QUARTER) * QUARTER;
    const shown = await review();
    assert.equal(shown.totals.range.seconds, activeSeconds, 'the totals leave out the row left out');
    assert.equal(shown.totals.range.billed, billedSeconds);
    await screenshot('timesheet-review');

    const csv = path.join(os.tmpdir(), `af-review-${process.pid}-${Date.now()}.csv`);
    try {
      await probe({ op: 'click', root: 'timesheet', selector: '#export-csv' });
      await probe({ op: 'saveAs', path: csv });
      const exported = await waitFor(
        'the CSV on disk',
        () => (fs.existsSync(csv) && fs.statSync(csv).size > 0 ? true : undefined),
        20_000,
      );
      assert.ok(exported);
      const rows = parseCsv<Record<string, string>>(fs.readFileSync(csv, 'utf8'), { columns: true });
      assert.equal(rows.length, 1, 'one row: the two merged, the third left out');
      const [row] = rows;
      assert.equal(row.ticket, 'ABC-101 + #42');
      assert.equal(row.tickets, '#42; ABC-101');
      const ticketed = sessions.filter((e) => e.branch !== 'main').length;
      assert.equal(row.sessions, String(ticketed), 'every session of the two tickets');
      assert.equal(Number(row.active_hours), Math.round((activeSeconds / 3600) * 100) / 100);
      assert.equal(Number(row.billed_hours), Math.round((billedSeconds / 3600) * 100) / 100);
      assert.equal(row.note, "'=cmd|calc, cart and login", 'a note a spreadsheet would run is defused');
      assert.equal(row.rounding, '15 min, up, per row');
    } finally {
      fs.rmSync(csv, { force: true });
    }

    await vscode.env.clipboard.writeText('');
    await probe({ op: 'click', root: 'timesheet', selector: '#copy-markdown' });
    const markdown = await waitFor(
      'the Markdown on the clipboard',
      async () => {
        const text = await vscode.env.clipboard.readText();
        return text.includes('| Day |') ? text : undefined;
      },
      20_000,
    );
    const tableRows = markdown.split('\n').filter((line) => line.startsWith(`| ${today}`));
    assert.equal(tableRows.length, 1, markdown);
    assert.match(tableRows[0], /ABC-101 \+ #42/);
    assert.ok(tableRows[0].includes(`${(billedSeconds / 3600).toFixed(2)} (`), `billed hours in ${tableRows[0]}`);
    assert.match(markdown, /Rounding: 15 min, up, per row\./);
    assert.match(markdown, /=cmd\\\|calc/, 'the pipe in the note cannot end the cell');

    // Insights count the same sessions by ticket and by branch, and filter by them.
    await vscode.commands.executeCommand('activityFeed.showInsights', { days: 7 });
    const insights = await waitFor(
      'Insights by ticket',
      async () => {
        const shown = await probe<WebviewDump>({ op: 'dump' });
        return shown.state === 'insights' && (shown.tables.topTickets ?? []).length >= 3 ? shown : undefined;
      },
      30_000,
    );
    const byTicket = new Map(insights.tables.topTickets.map((row) => [row.cells[0], row.seconds]));
    assert.equal(byTicket.get('ABC-101'), secondsOf('feature/ABC-101-cart'));
    assert.equal(byTicket.get('#42'), secondsOf('fix/#42-login'));
    const byBranch = new Map(insights.tables.topBranches.map((row) => [row.cells[0], row.seconds]));
    assert.equal(byBranch.get('main'), secondsOf('main'));
    assert.ok(insights.selects.ticket?.options.includes('ABC-101'), 'the ticket filter offers ABC-101');
  });
});
