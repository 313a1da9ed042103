import * as assert from 'node:assert/strict';
import { renderPending } from '../../../src/publish/pendingReport';
import type { Session } from '../../../src/tracking/types';

describe('Show Pending report', () => {
  const session: Session = {
    id: 's1',
    documentUri: `file:///clone/${encodeURIComponent('[Verify your account](command:workbench.action.quit)|x.md')}`,
    languageId: 'markdown',
    startedAt: Date.parse('2026-03-14T09:00:00Z'),
    lastActiveAt: Date.parse('2026-03-14T09:10:00Z'),
    activeSeconds: 600,
    state: 'ended',
  };

  it('shows a hostile file name and a server’s echo literally, in one table row, without secrets', () => {
    const lastError = 'HTTP 400 {"echo":"Authorization: Bearer SECRET1","token":"SECRET2"}\n| injected | row |';
    const text = renderPending([{ session, attempts: 2, lastError }], Date.parse('2026-03-14T10:00:00Z'));
    const rows = text.split('\n').filter((line) => line.startsWith('| '));
    assert.equal(rows.length, 3, 'header, separator and one row');
    assert.doesNotMatch(text, /SECRET/);
    assert.doesNotMatch(rows[2], /(^|[^\\])\[Verify/, 'the link syntax is escaped');
    assert.doesNotMatch(rows[2], /command:/, 'the scheme is escaped');
    assert.match(rows[2], /\\\[Verify your account\\\]/);
  });
});
