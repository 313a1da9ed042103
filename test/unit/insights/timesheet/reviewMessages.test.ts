// The review's messages from its webview: the real ones pass whole; anything else (junk, prototype keys, oversized
// edits, a path) is refused, and what passes holds only the fields of its type.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_NOTE, parseReviewMessage } from '../../../../src/insights/timesheet/reviewMessages';
import type { FromReview } from '../../../../src/insights/timesheet/reviewProtocol';

const EXPORT: FromReview = {
  type: 'export',
  format: 'csv',
  decimal: ',',
  rule: { minutes: 15, mode: 'up', per: 'row' },
  edits: {
    left: ['2026-12-07|'],
    merged: [['2026-12-07|ABC-1', '2026-12-07|#42']],
    renamed: { '2026-12-07|ABC-1': 'ABC-1 + #42' },
    notes: { '2026-12-07|ABC-1': 'Checkout' },
  },
};

describe('timesheet review messages', () => {
  it('passes the real messages whole', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'draft', from: '2026-12-01', to: '2026-12-07', groupBy: 'branch' },
      EXPORT,
      { ...EXPORT, format: 'markdown', decimal: '.', rule: { minutes: 0, mode: 'nearest', per: 'day' } },
    ] as FromReview[]) {
      const parsed = parseReviewMessage(message);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.deepEqual(JSON.parse(JSON.stringify(parsed.value)), message);
    }
  });

  it('refuses what is wrong, whichever field it is', () => {
    const wrong: unknown[] = [
      null,
      'ready',
      { type: 'open', path: '/etc/passwd' },
      { type: 'draft', from: '2026-12-07', to: '2026-12-01', groupBy: 'ticket' },
      { type: 'draft', from: '2026-02-30', to: '2026-03-01', groupBy: 'ticket' },
      { type: 'draft', from: '2026-12-01', to: '2026-12-07', groupBy: 'project' },
      { ...EXPORT, format: 'xlsx' },
      { ...EXPORT, decimal: ';' },
      { ...EXPORT, rule: { minutes: 10, mode: 'up', per: 'row' } },
      { ...EXPORT, rule: { minutes: 15, mode: 'down', per: 'row' } },
      { ...EXPORT, edits: { ...EXPORT.edits, left: 'all' } },
      { ...EXPORT, edits: { ...EXPORT.edits, left: [''] } },
      { ...EXPORT, edits: { ...EXPORT.edits, merged: [[1, 2]] } },
      { ...EXPORT, edits: { ...EXPORT.edits, notes: { x: 'n'.repeat(MAX_NOTE + 1) } } },
      { ...EXPORT, edits: { ...EXPORT.edits, renamed: { x: 7 } } },
      { ...EXPORT, edits: { ...EXPORT.edits, left: Array.from({ length: 5_001 }, (_, i) => `r${i}`) } },
      { ...EXPORT, note: 'x'.repeat(2_000_000) },
    ];
    for (const message of wrong) assert.equal(parseReviewMessage(message).ok, false, JSON.stringify(message)?.slice(0, 120));
  });

  it('keeps only the fields of a message’s type, and no prototype key reaches a map (generated)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })), (extra) => {
        const parsed = parseReviewMessage({
          ...extra,
          ...EXPORT,
          edits: { ...EXPORT.edits, notes: { ...extra, ...EXPORT.edits.notes } },
        });
        if (!parsed.ok || parsed.value.type !== 'export') return;
        assert.deepEqual(Object.keys(parsed.value).sort(), ['decimal', 'edits', 'format', 'rule', 'type']);
        assert.equal(Object.getPrototypeOf(parsed.value.edits.notes), null);
      }),
    );
    const polluted = JSON.parse(
      '{"type":"export","format":"csv","decimal":".","rule":{"minutes":0,"mode":"up","per":"row"},"edits":{"left":[],"merged":[],"renamed":{},"notes":{"__proto__":"x"}}}',
    ) as unknown;
    const parsed = parseReviewMessage(polluted);
    assert.ok(parsed.ok && parsed.value.type === 'export');
    assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype was changed');
  });
});
