// The Publishing service below the editor: the real outbox and Graph client against the strict emulator, with the
// editor's side (running session, privacy, document facts, sign-in) as plain objects.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionPrivacy } from '../../../src/privacy/sessionPrivacy';
import { Publishing, type PublishingOptions } from '../../../src/publish/publishing';
import { Outbox } from '../../../src/outbox/outbox';
import { PublishedIndex } from '../../../src/outbox/publishedIndex';
import { PublishLock } from '../../../src/outbox/publishLock';
import { MemoryServiceFacts } from '../../../src/publish/serviceFacts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/validSettings';
import type { Session } from '../../../src/tracking/types';
import { DEFAULT_CLIENT_ID, RunningEmulator, startEmulator } from '../../../tools/graph-emulator';
import { mappingOptions } from './faultTolerance/support';
import { endedSession } from '../../support/sessions';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function session(documentUri: string, extra: Partial<Session> = {}): Session {
  return endedSession(documentUri, 1, { cursor: { line: 4, character: 2 }, ...extra });
}

describe('Publishing service', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let dir: string;
  let outbox: Outbox;
  let links: { id: string; documentUri: string; line?: number }[];
  let names: (string | undefined)[];
  let authKind: string;
  let settings: Settings;
  let problemsReported: string[][];
  let running: Session | undefined;

  before(async () => {
    emulator = await startEmulator({ throttling: { enabled: false } });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.admin.reset();
    dir = mkdtempSync(join(tmpdir(), 'publishing-'));
    outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silent });
    links = [];
    names = [];
    authKind = 'signedIn';
    settings = { ...DEFAULT_SETTINGS, graph: { ...DEFAULT_SETTINGS.graph, endpoint: emulator.graphUrl } };
    problemsReported = [];
    running = undefined;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const publishing = (overrides: Partial<PublishingOptions> = {}) =>
    new Publishing({
      settings: () => ({ settings, problems: [] }),
      reportProblems: (problems) => problemsReported.push(problems),
      editor: {
        currentSession: () => running,
        activityInput: (documentUri, sessions) => ({
          documentUri,
          languageId: 'typescript',
          sessions,
          workspaceFolderName: 'shop',
          cursor: sessions[sessions.length - 1]?.cursor,
        }),
        mappingOptions: (content) => ({ ...mappingOptions(), privacy: content.privacy }),
        minimumSessionSeconds: () => 10,
      },
      accounts: {
        get state() {
          return { kind: authKind };
        },
        getToken: () =>
          Promise.resolve({
            token: emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID }),
            expiresOnTimestamp: Date.now() + 3_600_000,
          }),
      },
      outbox,
      lock: new PublishLock({ dir, clock: { now: Date.now } }),
      published: new PublishedIndex({ dir, clock: { now: Date.now }, logger: silent }),
      service: new MemoryServiceFacts(),
      written: {
        links: { remember: (id, target) => links.push({ id, documentUri: target.documentUri, line: target.cursor?.line }) },
        workspaceNames: { remember: (_info, name) => names.push(name) },
      },
      privacy: new SessionPrivacy(() => 'fileNameOnly'),
      record: (s) => outbox.put(s),
      purgeExcluded: () => undefined,
      userAgent: 'publishing-test',
      now: Date.now,
      log: silent,
      ...overrides,
    });

  it('previews without writing anything, and remembers links and workspace names only after Graph holds the activity', async () => {
    outbox.put(session('file:///w/shop/a.ts'));
    const service = publishing();
    const preview = service.planPending();
    assert.equal(preview.requests.length, 1);
    assert.deepEqual([links, names], [[], []], 'a preview writes no link and no workspace name');
    assert.equal(emulator.admin.requests().length, 0, 'a preview sends nothing');

    const summary = await service.run('command');
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    assert.deepEqual(links, [{ id: preview.requests[0].body.appActivityId, documentUri: 'file:///w/shop/a.ts', line: 4 }]);
    assert.deepEqual(names, ['shop']);
    assert.equal(service.lastRun?.summary.outcome, 'done');
  });

  it('sends the PUT to exactly the URL the preview shows', async () => {
    outbox.put(session('file:///w/shop/a b?.ts'));
    const service = publishing();
    const previewUrl = service.planPending().requests[0].url;
    await service.run('command');
    const put = emulator.admin.requests().find((request) => request.method === 'PUT');
    assert.ok(put, 'a PUT was sent');
    assert.equal(`${new URL(emulator.graphUrl).origin}${put.url}`, previewUrl);
  });

  it('snapshots the running session for a person’s Publish Now, and waits without a token when no app is registered', async () => {
    const now = session('file:///w/shop/b.ts', { state: 'ongoing', endReason: undefined, activeSeconds: 30 });
    running = now;
    authKind = 'notConfigured';
    let changes = 0;
    const service = publishing();
    service.onDidChange(() => changes++);
    const summary = await service.run('command');
    assert.equal(summary.outcome, 'signInRequired');
    assert.deepEqual(
      outbox.list().map((entry) => entry.session.id),
      [now.id],
      'the running session is queued as it is now',
    );
    assert.equal(changes, 1, 'the status bar hears of the result');
    assert.equal(emulator.admin.requests().length, 0);
  });

  it('reports settings problems when it plans, and sizes the read budget from the settings', () => {
    settings = { ...settings, graph: { ...settings.graph, readsPerFiveMinutes: 7 } };
    const service = publishing({ settings: () => ({ settings, problems: ['activityFeed.iconUrl: bad'] }) });
    assert.equal(service.readBudget.remaining(), 7);
    service.planPending();
    assert.deepEqual(problemsReported, [['activityFeed.iconUrl: bad']]);
    settings = { ...settings, graph: { ...settings.graph, readsPerFiveMinutes: 9 } };
    service.graph();
    assert.equal(service.readBudget.remaining(), 9, 'a change of the numbers starts a new read budget');
  });
});
