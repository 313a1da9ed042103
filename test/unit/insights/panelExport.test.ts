// The Insights panel against a small fake of the editor API: what its webview posts is checked before it reaches the
// panel's state, and no path from the webview can reach the export, which always asks with the save dialog. The
// export command's own notifications show outside values (a date, a path) inert.
import { DEFAULT_TICKET_PATTERN } from '../../../src/settings/validSettings';
import * as assert from 'node:assert/strict';
import { posix } from 'node:path';
import fc from 'fast-check';
import type { InsightsPanel as InsightsPanelClass } from '../../../src/insights/panel.vscode';
import type { TimesheetReview as TimesheetReviewClass } from '../../../src/insights/timesheet/reviewPanel.vscode';
import type * as ExportModule from '../../../src/insights/exportTimesheet.vscode';
import type { InsightsHost } from '../../../src/insights/host.vscode';
import { RecordingLogger } from '../../support/logger';
import { useFakeVscode } from '../../support/vscodeFake';

interface FakeUri {
  fsPath: string;
  path: string;
  scheme: string;
  toString(): string;
}
const fileUri = (path: string): FakeUri => ({ fsPath: path, path, scheme: 'file', toString: () => `file://${path}` });
const disposable = { dispose: () => undefined };

/** Everything the code under test asked the editor for, in order. */
interface Recorded {
  calls: { api: string; args: unknown[] }[];
  written: string[];
  errors: string[];
  receive: ((message: unknown) => void) | undefined;
  saveAnswer: FakeUri | undefined;
}

function createFake(recorded: () => Recorded) {
  const call = (api: string, args: unknown[]) => recorded().calls.push({ api, args });
  const format = (message: string, ...args: unknown[]) =>
    message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const webviewPanel = {
    iconPath: undefined as unknown,
    webview: {
      html: '',
      cspSource: 'vscode-webview:',
      asWebviewUri: (uri: FakeUri) => uri,
      onDidReceiveMessage: (listener: (message: unknown) => void) => {
        recorded().receive = listener;
        return disposable;
      },
      postMessage: () => Promise.resolve(true),
    },
    onDidDispose: () => disposable,
    reveal: () => undefined,
    dispose: () => undefined,
  };
  return {
    Uri: { file: fileUri, joinPath: (base: FakeUri, ...parts: string[]) => fileUri(posix.join(base.path, ...parts)) },
    ViewColumn: { Active: -1 },
    env: { language: 'en' },
    l10n: { t: format },
    window: {
      createWebviewPanel: () => webviewPanel,
      showSaveDialog: (...args: unknown[]) => {
        call('showSaveDialog', args);
        return Promise.resolve(recorded().saveAnswer);
      },
      showQuickPick: (...args: unknown[]) => {
        call('showQuickPick', args);
        return Promise.resolve(undefined);
      },
      showErrorMessage: (message: string, ...args: unknown[]) => {
        call('showErrorMessage', [message, ...args]);
        recorded().errors.push(message);
        return Promise.resolve(undefined);
      },
    },
    workspace: {
      workspaceFolders: [{ uri: fileUri('/work/shop'), name: 'shop' }],
      asRelativePath: (uri: FakeUri) => uri.path,
      fs: {
        writeFile: (uri: FakeUri, content: Uint8Array) => {
          call('writeFile', [uri.fsPath, content.length]);
          recorded().written.push(uri.fsPath);
          return Promise.resolve();
        },
      },
    },
    commands: {
      executeCommand: (...args: unknown[]) => {
        call('executeCommand', args);
        return Promise.resolve(undefined);
      },
    },
  };
}

function createHost(log: RecordingLogger): InsightsHost {
  const state = { kind: 'ok' as const, fetchedAt: Date.now() };
  const feed = { state, cached: [], lastReadAt: Date.now(), refresh: () => Promise.resolve(state) };
  return {
    feed: feed as unknown as InsightsHost['feed'],
    onFeedChange: () => disposable,
    publishedDocuments: () => new Map(),
    thisMachineSessionIds: () => new Set(),
    workspaceNameOf: () => undefined,
    workspaceTagOf: () => undefined,
    ledgerEntries: () => [],
    otherMachinesEntries: () => [],
    feedKeepsDays: () => 30,
    timesheetSettings: () => ({ ticketPattern: DEFAULT_TICKET_PATTERN, ticketFromCommitMessage: false }),
    extensionUri: fileUri('/ext') as unknown as InsightsHost['extensionUri'],
    log,
  };
}

/** Lets the panel's unawaited handlers run until `done` holds (or a generous number of turns have passed). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** A markdown link to a command: shown raw in a notification, the workbench would make it clickable. */
const LINK = '[Open settings](command:workbench.action.quit)';
const LINK_SYNTAX = /\]\(/;

describe('Insights panel and export (fake editor API)', () => {
  let recorded: Recorded;
  let log: RecordingLogger;
  let host: InsightsHost;
  let InsightsPanel: typeof InsightsPanelClass;
  let exportModule: typeof ExportModule;
  let TimesheetReview: typeof TimesheetReviewClass;

  useFakeVscode(
    createFake(() => recorded),
    __filename,
    (requireHere) => {
      InsightsPanel = (requireHere('../../../src/insights/panel.vscode') as { InsightsPanel: typeof InsightsPanelClass })
        .InsightsPanel;
      exportModule = requireHere('../../../src/insights/exportTimesheet.vscode') as typeof ExportModule;
      TimesheetReview = (
        requireHere('../../../src/insights/timesheet/reviewPanel.vscode') as { TimesheetReview: typeof TimesheetReviewClass }
      ).TimesheetReview;
    },
  );

  beforeEach(() => {
    recorded = { calls: [], written: [], errors: [], receive: undefined, saveAnswer: fileUri('/chosen/timesheet.csv') };
    log = new RecordingLogger();
    host = createHost(log);
  });

  afterEach(() => {
    InsightsPanel.open?.dispose();
    TimesheetReview.open?.dispose();
  });

  function openPanel(): { panel: InsightsPanelClass; send: (message: unknown) => void } {
    const panel = InsightsPanel.show(host);
    const send = recorded.receive;
    assert.ok(send, 'the panel listens to its webview');
    return { panel, send };
  }

  it('a query with path /tmp/x, then Export: the review opens for that range, its export asks where, and /tmp/x goes nowhere', async () => {
    const { panel, send } = openPanel();
    send({ type: 'ready' });
    send({
      type: 'query',
      preset: 'custom',
      path: '/tmp/x',
      query: { from: '2026-01-05', to: '2026-01-11', path: '/tmp/x' },
    });
    assert.deepEqual(panel.currentQuery, { from: '2026-01-05', to: '2026-01-11' }, 'the query keeps only its fields');
    send({ type: 'export', format: 'csv', path: '/tmp/x' });
    // The review listens now; its export carries edits and a rule, and (whatever it adds) no path is taken from it.
    const review = recorded.receive;
    assert.ok(review && review !== send, 'the timesheet review opened');
    review({ type: 'ready' });
    review({
      type: 'export',
      format: 'csv',
      decimal: '.',
      rule: { minutes: 15, mode: 'up', per: 'row' },
      edits: { left: [], merged: [], renamed: {}, notes: {} },
      path: '/tmp/x',
    });
    await until(() => recorded.written.length > 0);

    const dialogs = recorded.calls.filter((c) => c.api === 'showSaveDialog');
    assert.equal(dialogs.length, 1, 'the save dialog is shown');
    const options = dialogs[0].args[0] as { defaultUri?: FakeUri };
    assert.equal(options.defaultUri?.path, '/work/shop/timesheet-2026-01-05-2026-01-11.csv', 'for the range the panel shows');
    assert.deepEqual(recorded.written, ['/chosen/timesheet.csv'], 'the file written is the one picked');
    assert.ok(!JSON.stringify(recorded.calls).includes('/tmp/x'), 'nothing the editor was asked names /tmp/x');
  });

  it('writes nothing when the save dialog is cancelled, whatever path the webview sent', async () => {
    recorded.saveAnswer = undefined;
    const { send } = openPanel();
    send({ type: 'query', preset: '7', path: '/tmp/x', query: { from: '2026-01-05', to: '2026-01-11' } });
    send({ type: 'export', format: 'json', path: '/tmp/x' });
    await until(() => recorded.calls.some((c) => c.api === 'showSaveDialog'));
    await until(() => false);
    assert.deepEqual(recorded.written, []);
    assert.ok(!JSON.stringify(recorded.calls).includes('/tmp/x'));
  });

  it("the panel's export ignores a path even if the validator were bypassed", async () => {
    const smuggled = { query: { from: '2026-01-05', to: '2026-01-11', path: '/tmp/x' }, format: 'csv', path: '/tmp/x' };
    const result = await exportModule.exportFromPanel(host, smuggled as unknown as ExportModule.PanelExport);
    assert.equal(result?.path, '/chosen/timesheet.csv');
    assert.deepEqual(recorded.written, ['/chosen/timesheet.csv']);
    assert.equal(recorded.calls.filter((c) => c.api === 'showSaveDialog').length, 1);
    assert.ok(!JSON.stringify(recorded.calls).includes('/tmp/x'));
  });

  it('the command still writes where an automation caller says, without a dialog', async () => {
    const result = await exportModule.exportTimesheet(host, { from: '2026-01-05', to: '2026-01-11', path: '/out/sheet.json' });
    assert.deepEqual(result, {
      path: '/out/sheet.json',
      format: 'json',
      rows: 0,
      activeHours: 0,
      billedHours: 0,
      otherMachines: true,
    });
    assert.deepEqual(recorded.written, ['/out/sheet.json']);
    assert.equal(recorded.calls.filter((c) => c.api === 'showSaveDialog').length, 0);
  });

  it('drops an invalid webview message with one log line, leaving the query and commands untouched', async () => {
    const { panel, send } = openPanel();
    const before = panel.currentQuery;
    send({ type: 'query', preset: 'custom', query: { from: LINK, to: '2026-01-11' } });
    send({ type: 'export', format: 'xlsx', path: '/tmp/x' });
    await until(() => false);
    assert.deepEqual(panel.currentQuery, before);
    assert.equal(recorded.calls.length, 0, 'no dialog, no write, no command');
    const warnings = log.warnings();
    assert.equal(warnings.length, 2, warnings.join('\n'));
    for (const line of warnings) {
      assert.match(line, /^Insights: ignored a message from the webview: /);
      assert.ok(!line.includes('command:') && !line.includes('/tmp/x'), `the line quotes nothing of the message: ${line}`);
      assert.ok(line.length < 200, line);
    }
  });

  it('logs at most 20 refused messages per panel', () => {
    const { send } = openPanel();
    for (let i = 0; i < 100; i++) send({ type: 'nonsense', i });
    assert.equal(log.warnings().length, 20);
    assert.match(log.warnings()[19], /not logged/);
  });

  it('raw `from` with markdown link text never appears unescaped in a notification', async () => {
    await exportModule.exportTimesheet(host, { from: LINK, to: '2026-01-11' });
    await exportModule.exportTimesheet(host, { from: '2026-01-01', to: '2026-01-11', path: `relative/${LINK}` });
    await exportModule.exportTimesheet(host, { from: '2026-01-01', to: { toString: () => LINK } });
    assert.equal(recorded.errors.length, 3);
    for (const text of recorded.errors) {
      assert.doesNotMatch(text, LINK_SYNTAX, text);
      assert.ok(!text.includes('command:workbench'), text);
    }
    assert.deepEqual(recorded.written, []);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.constantFrom('from', 'to', 'path'), async (label, target, field) => {
        recorded.errors.length = 0;
        const value = `[${label}](command:${target})`;
        await exportModule.exportTimesheet(host, { from: '2026-01-01', to: '2026-01-11', [field]: value });
        assert.equal(recorded.errors.length, 1);
        assert.doesNotMatch(recorded.errors[0], LINK_SYNTAX, recorded.errors[0]);
      }),
      { numRuns: 100 },
    );
  });
});
