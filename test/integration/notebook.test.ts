// A notebook in the real editor: typing in a cell gives the notebook a session that remembers the cell, and the
// Published Activity view opens the notebook in the notebook editor at that cell.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { Session } from '../../src/tracking/types';
import type { ViewSnapshot } from '../../src/feed/viewNodes';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, sleep, waitFor } from './helpers';

const NOTEBOOK = JSON.stringify({
  cells: ['a = 1', 'b = 2', 'c = 3'].map((source) => ({
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source: [source],
  })),
  metadata: { language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
});

function flatten(nodes: ViewSnapshot[]): ViewSnapshot[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('a notebook worked on in the real editor', function () {
  this.timeout(120_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records the cell typed in, and the view opens the notebook at that cell', async () => {
    const uri = await newFile('lab.ipynb', NOTEBOOK);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(2, 3)] });
    const session = await waitFor(
      'a session for the notebook, with the cursor in its third cell',
      async () => {
        const current = api.tracking.currentSession();
        if (current?.documentUri === uri.toString() && current.cursor?.cell === 2) return current;
        await vscode.commands.executeCommand('notebook.cell.edit');
        await vscode.commands.executeCommand('type', { text: 'x' });
        return undefined;
      },
      15_000,
    );
    await sleep(1_000);
    await vscode.commands.executeCommand('type', { text: 'y' });
    const finished = new Promise<Session>((resolve) => {
      const subscription = api.tracking.onDidFinishSession((s) => {
        if (s.id !== session.id) return;
        subscription.dispose();
        resolve(s);
      });
    });
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
    assert.equal((await finished).cursor?.cell, 2, 'the finished session keeps the cell');
    assert.equal((await publishNow()).outcome, 'done');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('activityFeed.published.focus');
    assert.equal(await api.publishedView.refresh(true), 'ok');
    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const node = flatten(api.publishedView.snapshot()).find((n) => n.contextValue === 'activity' && n.label.includes(fileName));
    assert.ok(node, `the view lists ${fileName}`);
    assert.equal(await vscode.commands.executeCommand('activityFeed.published.open', node.node), true);
    const editor = await waitFor(
      'the notebook editor',
      () =>
        vscode.window.activeNotebookEditor?.notebook.uri.toString() === uri.toString()
          ? vscode.window.activeNotebookEditor
          : undefined,
      10_000,
    );
    assert.equal(editor.selections[0]?.start, 2, 'the third cell is selected');
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(),
      false,
      "not opened as the notebook file's text",
    );
  });
});
