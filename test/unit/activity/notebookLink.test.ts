// A notebook's link opens the notebook: its cursor is in a cell, whose line no file link can name.
import * as assert from 'node:assert/strict';
import { mapToActivity } from '../../../src/activity/mapToActivity';
import type { ActivityInput, MappingOptions } from '../../../src/activity/types';
import { buildFileActivationUrl } from '../../../src/links/activationUrl';
import { parseDocumentLocation } from '../../../src/links/documentLocation';
import { OUTBOX_FORMAT, parseOutboxEntry } from '../../../src/outbox/format';
import { parseActivationUrl } from '../../../src/links/activationTarget';
import type { Session } from '../../../src/tracking/types';
import { descriptorFor, fileDocument, fileUri, Scenario } from '../../support/tracking';
import { makeSession } from '../../support/sessions';

const NOTEBOOK = 'file:///home/ana/lab/analysis.ipynb';
const IN_CELL_3 = { line: 4, character: 2, cell: 3 };

function notebookSession(): Session {
  return makeSession({
    id: '5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
    documentUri: NOTEBOOK,
    languageId: 'jupyter-notebook',
    startedAt: Date.parse('2026-03-14T09:00:00Z'),
    lastActiveAt: Date.parse('2026-03-14T09:20:00Z'),
    activeSeconds: 1100,
    cursor: IN_CELL_3,
  });
}

function notebookInput(): ActivityInput {
  return {
    documentUri: NOTEBOOK,
    workspaceFolderName: 'lab',
    relativePath: 'analysis.ipynb',
    languageId: 'jupyter-notebook',
    git: {
      remoteUrl: 'https://github.com/contoso/lab.git',
      branch: 'main',
      commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
      repoRelativePath: 'analysis.ipynb',
    },
    cursor: IN_CELL_3,
    sessions: [notebookSession()],
  };
}

const OPTIONS: MappingOptions = {
  privacy: 'full',
  activitySourceHost: 'https://activity-feed.github.io',
  uriScheme: 'vscode',
  appName: 'Visual Studio Code',
  timezone: 'Europe/Lisbon',
  idKey: 'per-user-random-key-synced-0123456789',
  now: Date.parse('2026-03-20T00:00:00Z'),
};

describe('notebook links', () => {
  it("links a notebook by its path alone, without the cell's line and column", () => {
    assert.equal(
      buildFileActivationUrl(parseDocumentLocation(NOTEBOOK), IN_CELL_3, 'vscode'),
      'vscode://file/home/ana/lab/analysis.ipynb',
    );
    assert.equal(
      buildFileActivationUrl(parseDocumentLocation('file:///home/ana/lab/main.py'), { line: 4, character: 2 }, 'vscode'),
      'vscode://file/home/ana/lab/main.py:5:3',
    );
  });

  it("publishes a notebook's activity with a link that opens the notebook, and a repository link without a line", () => {
    const activity = mapToActivity(notebookInput(), OPTIONS);
    assert.equal(activity.activationUrl, 'vscode://file/home/ana/lab/analysis.ipynb');
    assert.equal(
      activity.fallbackUrl,
      'https://github.com/contoso/lab/blob/9f8e7d6c5b4a39281706f5e4d3c2b1a098765432/analysis.ipynb',
    );
  });

  it("keeps the extension's own link at the private levels, where the cell is looked up locally", () => {
    const activity = mapToActivity(notebookInput(), { ...OPTIONS, privacy: 'fileNameOnly' });
    assert.match(activity.activationUrl ?? '', /^vscode:\/\/activity-feed\.graph-activity-feed\/open\?id=h!/);
  });

  it("reads the notebook's link back as the file with no position, so the view opens it in its own editor", () => {
    assert.deepEqual(
      parseActivationUrl('vscode://file/home/ana/lab/analysis.ipynb', 'vscode', 'activity-feed.graph-activity-feed'),
      { kind: 'file', path: '/home/ana/lab/analysis.ipynb' },
    );
  });

  it('keeps the cell through the outbox, and refuses a cell that is not an index', () => {
    const written = { format: OUTBOX_FORMAT, version: 1, session: notebookSession(), revision: 1, queuedAt: 5, attempts: 0 };
    const read = parseOutboxEntry(JSON.parse(JSON.stringify(written)) as unknown);
    assert.ok(read.ok);
    assert.deepEqual(read.entry.session.cursor, IN_CELL_3);
    const bad = parseOutboxEntry(
      JSON.parse(
        JSON.stringify({ ...written, session: { ...notebookSession(), cursor: { line: 1, character: 0, cell: -1 } } }),
      ) as unknown,
    );
    assert.ok(!bad.ok && /session\.cursor\.cell/.test(bad.ok ? '' : bad.reason));
  });

  it("records the cell of the last activity in the notebook's session", () => {
    const notebook = fileUri('analysis.ipynb');
    const cell = 'vscode-notebook-cell:/work/analysis.ipynb#W3sZmlsZQ%3D%3D';
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: fileDocument('analysis.ipynb', { languageId: 'jupyter-notebook' }) });
    s.send({ type: 'open', document: descriptorFor(cell, { notebookKey: notebook, languageId: 'python' }) });
    s.send({ type: 'activeNotebook', key: notebook }).send({ type: 'activeEditor', key: cell });
    s.to(20).send({ type: 'edit', key: cell, inActiveEditor: true, cursor: IN_CELL_3 }).shutdown();
    assert.deepEqual(
      s.finished.map((x) => [x.documentUri, x.cursor]),
      [[notebook, IN_CELL_3]],
    );
  });
});
