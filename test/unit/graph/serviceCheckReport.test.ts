// The Check Microsoft Graph report quotes what the service (or a proxy in front of it) answered: shown literally in
// the markdown document, never as a link, and with any echoed credential redacted.
import * as assert from 'node:assert/strict';
import type { ServiceCheckResult } from '../../../src/graph/serviceCheck';
import { checkLogLine, parseCheckResult, renderCheckReport } from '../../../src/graph/serviceCheckReport';
import { logLine } from '../../../src/platform/log.vscode';

const HOSTILE =
  '[Re-authenticate](command:workbench.action.terminal.sendSequence?%7B%7D) Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln';

function result(evidence: string, endpoint = 'https://graph.microsoft.com/v1.0'): ServiceCheckResult {
  return {
    checkedAt: Date.UTC(2026, 11, 7),
    endpoint,
    historyIds: 'ignored',
    replace: 'drops',
    encodedSlash: 'rejected',
    order: 'newest',
    errors: 'real',
    clientExpiration: 'ignored',
    throttled: 'unchecked',
    evidence: { encodedSlashAnswer: evidence, errorAnswer: evidence, expirationAnswer: evidence },
    writes: 8,
  };
}

describe('graph/serviceCheckReport: what the service answered, quoted safely', () => {
  it('shows a link the service sent as escaped text, and no echoed token, in the report', () => {
    const report = renderCheckReport(result(HOSTILE, `https://proxy.example/${HOSTILE}`));
    assert.doesNotMatch(report, /(?<!\\)\[Re-authenticate(?<!\\)\]\(/, report);
    assert.ok(report.includes('Re-authenticate'), 'the words stay');
    assert.doesNotMatch(report, /eyJhbGciOiJub25lIn0\.eyJzdWIiOiJ4In0/);
  });

  it('keeps a huge answer to a short quote', () => {
    const report = renderCheckReport(result('x'.repeat(1_000_000)));
    assert.ok(report.length < 10_000, `the report is ${report.length} characters`);
  });

  it('writes no token to the log: the logger redacts the line', () => {
    assert.doesNotMatch(logLine(checkLogLine(result(HOSTILE))), /eyJhbGciOiJub25lIn0\.eyJzdWIiOiJ4In0/);
  });

  it('says what the service did with a later expiration, and what that means for the history the feed holds', () => {
    const honoured = renderCheckReport({
      ...result('asked 2028-01-01T00:00:00.000Z, kept 2028-01-01T00:00:00.000Z'),
      clientExpiration: 'honoured',
    });
    assert.match(honoured, /kept as asked/);
    assert.match(honoured, /activityFeed\.history\.keepDays days/);
    const ignored = renderCheckReport(result('asked 2028-01-01T00:00:00.000Z, kept 2027-01-06T00:00:00.000Z'));
    assert.match(ignored, /ignored: the service keeps its own retention/);
    assert.match(ignored, /forgets sessions after about 30 days/);
  });

  it('reads a result stored before the check asked about expirations as not checked', () => {
    const stored = { ...result('x') } as Partial<ServiceCheckResult>;
    delete stored.clientExpiration;
    const parsed = parseCheckResult(JSON.parse(JSON.stringify(stored)));
    assert.equal(parsed?.clientExpiration, 'unchecked');
    assert.match(renderCheckReport(parsed), /not checked by the version that ran this check/);
  });
});
