// Insights count this machine's sessions from its ledger where the feed no longer holds them (or never got them),
// once each, under the same file and workspace as the feed's sessions of the same file.
import * as assert from 'node:assert/strict';
import type { LedgerEntry } from '../../../src/ledger/entry';
import { withLedger, type LedgerNames } from '../../../src/insights/ledgerSessions';
import { historyNote } from '../../../src/insights/panelState';
import type { InsightSession } from '../../../src/insights/sessions';

const DAY = 24 * 60 * 60_000;
const NOW = new Date(2026, 11, 7, 12).getTime();

const feedSession = (id: string, fields: Partial<InsightSession> = {}): InsightSession => ({
  id,
  activityId: 'h!cart',
  file: 'src/cart.ts',
  workspaceKey: 'w:0a1b2c',
  workspace: 'shop',
  language: 'TypeScript',
  thisMachine: true,
  startedAt: NOW - DAY,
  lastActiveAt: NOW - DAY + 600_000,
  activeSeconds: 600,
  ...fields,
});

const ledgerEntry = (id: string, fields: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  documentUri: 'file:///home/ana/shop/src/cart.ts',
  startedAt: NOW - 60 * DAY,
  lastActiveAt: NOW - 60 * DAY + 1_200_000,
  activeSeconds: 1_200,
  languageId: 'typescript',
  workspaceFolderName: 'shop',
  relativePath: 'src/cart.ts',
  ...fields,
});

const names: LedgerNames = {
  activityOf: (uri) => (uri === 'file:///home/ana/shop/src/cart.ts' ? 'h!cart' : undefined),
  fileOf: (entry) => entry.relativePath ?? entry.documentUri,
  workspaceTagOf: (name) => (name === 'shop' ? 'w:0a1b2c' : undefined),
};

describe('insights: this machine’s sessions from its ledger', () => {
  it('counts a session in both the feed and the ledger once, as the feed has it', () => {
    const merged = withLedger([feedSession('A1')], [ledgerEntry('a1', { activeSeconds: 5 })], names);
    assert.deepEqual(merged, [feedSession('A1')], 'ids compare as GUIDs do, whatever their case');
  });

  it('adds what the feed forgot under the same activity, workspace and language as the feed’s sessions of the file', () => {
    const [, old] = withLedger([feedSession('new')], [ledgerEntry('old')], names);
    assert.deepEqual(old, {
      id: 'old',
      activityId: 'h!cart',
      file: 'src/cart.ts',
      workspaceKey: 'w:0a1b2c',
      workspace: 'shop',
      language: 'TypeScript',
      thisMachine: true,
      startedAt: NOW - 60 * DAY,
      lastActiveAt: NOW - 60 * DAY + 1_200_000,
      activeSeconds: 1_200,
    });
  });

  it('names a file and workspace the feed never saw by what this machine knows', () => {
    const [entry] = withLedger(
      [],
      [
        ledgerEntry('u', {
          documentUri: 'file:///tmp/notes.md',
          workspaceFolderName: 'notes',
          relativePath: 'notes.md',
          languageId: 'markdown',
        }),
      ],
      names,
    );
    assert.deepEqual(
      [entry.activityId, entry.workspaceKey, entry.language],
      ['local:file:///tmp/notes.md', 'n:notes', 'Markdown'],
    );
  });

  it('labels a range that reaches past what the feed keeps, unless the service keeps the history that long', () => {
    const day = (daysAgo: number) => {
      const d = new Date(NOW - daysAgo * DAY);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    assert.match(historyNote(day(89), NOW, 30) ?? '', /Other machines: only the last 30 days/);
    assert.equal(historyNote(day(29), NOW, 30), undefined, 'the last 30 days are all in the feed');
    assert.equal(historyNote(day(89), NOW, 365), undefined, 'the check found the service keeps a year');
    assert.match(historyNote(day(400), NOW, 365) ?? '', /only the last 365 days/);
    assert.match(
      historyNote(day(89), NOW, 30, NOW - 50 * DAY) ?? '',
      new RegExp(`Other machines: from ${day(50)}, as far back as this machine has read them`),
      'the copy of what this machine read reaches further back than the feed',
    );
    assert.match(
      historyNote(day(89), NOW, 30, NOW - 10 * DAY) ?? '',
      /only the last 30 days/,
      'a copy no older than the feed adds nothing to say',
    );
  });
});
