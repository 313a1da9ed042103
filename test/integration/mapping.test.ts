// From a real file in a real git repository, in the real editor, to the exact payload of each privacy level,
// checked by the contract validator and sent over a real socket to the strict local Graph emulator.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { validateUserActivity } from '../../src/activity/validate';
import { GraphClient } from '../../src/graph/client';
import type { PlannedRequest } from '../../src/publish/plan';
import { startEmulator, RunningEmulator, DEFAULT_CLIENT_ID } from '../../tools/graph-emulator';
import { waitFor } from './helpers';

const LEVELS = ['full', 'noRepository', 'fileNameOnly', 'private'] as const;
type Level = (typeof LEVELS)[number];

describe('activity payloads from a real file, per privacy level', function () {
  this.timeout(60_000);

  let api: ActivityFeedApi;
  let emulator: RunningEmulator;
  let client: GraphClient;
  let file: vscode.Uri;
  let projectName: string;
  let commit: string;
  const artifacts = path.join(process.env.AF_TEST_ARTIFACTS ?? path.join(__dirname, 'artifacts'), 'payloads');

  before(async () => {
    const extension = vscode.extensions.getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed');
    assert.ok(extension);
    api = await extension.activate();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'a workspace folder is needed');
    projectName = `shopfront-${Date.now()}`;
    const root = path.join(workspace.uri.fsPath, projectName);
    fs.mkdirSync(path.join(root, 'src', 'cart'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'src', 'cart', 'checkout.ts'),
      'export function total(items: number[]): number {\n  return 0;\n}\n',
    );
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
      }).trim();
    git('init', '-q', '-b', 'feature/hidden-branch');
    git('remote', 'add', 'origin', 'https://someone:s3cr3t-pat@github.com/contoso/private-shop.git');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    commit = git('rev-parse', 'HEAD');
    file = vscode.Uri.file(path.join(root, 'src', 'cart', 'checkout.ts'));

    emulator = await startEmulator({ port: 0, throttling: { enabled: false } });
    client = new GraphClient({
      baseUrl: emulator.graphUrl,
      userAgent: 'graph-activity-feed-tests',
      credential: {
        getToken: () =>
          Promise.resolve({
            token: emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID }),
            expiresOnTimestamp: Date.now() + 3_600_000,
          }),
      },
    });
    fs.mkdirSync(artifacts, { recursive: true });

    // A real session: the file in the focused editor, typed into.
    const editor = await vscode.window.showTextDocument(file, { preview: false });
    editor.selection = new vscode.Selection(1, 2, 1, 2);
    await vscode.commands.executeCommand('type', { text: '// edited\n  ' });
    await waitFor(
      'typing to start a session for the file',
      () => (api.tracking.currentSession()?.documentUri === file.toString() ? true : undefined),
      30_000,
    );
  });

  after(async () => {
    await vscode.workspace.getConfiguration('activityFeed').update('privacy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('activityFeed')
      .update('workspaceAlias', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
  });

  async function planFor(level: Level): Promise<PlannedRequest> {
    await vscode.workspace.getConfiguration('activityFeed').update('privacy', level, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('activityFeed')
      .update('workspaceAlias', 'Client work', vscode.ConfigurationTarget.Global);
    const plan = api.planRequests();
    assert.deepEqual(plan.problems, []);
    const request = plan.requests.find((r) => r.documentUri === file.toString());
    assert.ok(request, `no request planned for ${file.toString()}`);
    fs.writeFileSync(path.join(artifacts, `${level}.json`), `// PUT ${request.url}\n${JSON.stringify(request.body, null, 2)}\n`);
    return request;
  }

  /** Everything that must not appear at a level, raw or percent-decoded, anywhere in the request. */
  function hiddenAt(level: Level): string[] {
    const credentials = ['someone', 's3cr3t-pat'];
    const repository = ['contoso', 'private-shop', 'hidden-branch', commit, commit.slice(0, 7)];
    const directories = [projectName, '/cart', 'cart/'];
    const fileName = ['checkout'];
    switch (level) {
      case 'full':
        return credentials;
      case 'noRepository':
        return [...credentials, ...repository];
      case 'fileNameOnly':
        return [...credentials, ...repository, ...directories];
      case 'private':
        return [...credentials, ...repository, ...directories, ...fileName];
    }
  }

  for (const level of LEVELS) {
    it(`${level}: valid, hides what the level withholds, and round-trips through the emulator`, async () => {
      const request = await planFor(level);
      assert.deepEqual(validateUserActivity(request.body), []);
      const sent = `${request.url}\n${JSON.stringify(request.body)}`;
      const decoded = decodeURIComponent(sent.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
      for (const secret of hiddenAt(level)) {
        assert.ok(!sent.includes(secret) && !decoded.includes(secret), `"${secret}" leaks at privacy level ${level}`);
      }
      const item = request.body.historyItems?.[0];
      assert.ok(item, 'the session is missing from historyItems');
      assert.equal(item.id, api.tracking.currentSession()?.id);

      const result = await client.upsertActivity(request.body);
      assert.match(result.id, /\S/);
      assert.deepEqual(result.historyItemIds, [item.id]);
      const stored = emulator.admin.dump() as { activities?: unknown };
      assert.ok(JSON.stringify(stored).includes(request.body.appActivityId), 'the emulator did not store the activity');
    });
  }

  it('full: links back to this file at the cursor and to its page on the git host at the commit', async () => {
    const request = await planFor('full');
    assert.equal(request.body.activationUrl, `${vscode.env.uriScheme}://${request.body.activationUrl.split('://')[1]}`);
    assert.match(request.body.activationUrl, /checkout\.ts:\d+:\d+$/);
    assert.equal(
      request.body.fallbackUrl,
      `https://github.com/contoso/private-shop/blob/${commit}/src/cart/checkout.ts#L${(api.tracking.currentSession()?.cursor?.line ?? 0) + 1}`,
    );
  });
});
