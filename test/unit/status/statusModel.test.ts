// The status bar never claims more than is true.
import * as assert from 'node:assert/strict';
import { formatDurationShort } from '../../../src/text/duration';
import { describeRun } from '../../../src/publish/describeRun';
import { StatusInputs, statusView } from '../../../src/status/statusModel';

const base: StatusInputs = {
  paused: false,
  auth: { kind: 'signedIn', username: 'alice@example.org', flow: 'deviceCode' },
  pending: 0,
  publishing: false,
  todayActiveSeconds: 4_500,
  automatic: true,
};

describe('status bar text', () => {
  it('shows today’s active time while tracking, and the pending count only when something waits', () => {
    assert.equal(statusView(base).text, '$(pulse) 1h 15m');
    assert.equal(statusView({ ...base, pending: 3 }).text, '$(pulse) 1h 15m · $(cloud-upload) 3');
    assert.ok(statusView(base).tooltip.map(String).includes('Account: alice@example.org'));
  });

  it('shows an account name that looks like markdown literally in the markdown tooltip', () => {
    const view = statusView({
      ...base,
      auth: { kind: 'signedIn', username: '[Verify](command:workbench.action.quit) $(alert)', flow: 'deviceCode' },
    });
    assert.ok(
      view.tooltip.map(String).includes('Account: \\[Verify\\]\\(command\\:workbench.action.quit\\) \\$\\(alert\\)'),
      view.tooltip.join('\n'),
    );
  });

  it('shows why sign-in is needed literally and without secrets, whatever the service answered', () => {
    const view = statusView({
      ...base,
      auth: { kind: 'signInRequired', reason: 'AADSTS: [Fix it](command:x) refresh_token=SECRETr', username: 'a@b.c' },
    });
    assert.doesNotMatch(view.tooltip[1], /SECRETr/);
    assert.match(view.tooltip[1], /\\\[Fix it\\\]\\\(command\\:x\\\)/);
  });

  it('says "Sign in" (with what waits) when signed out or when the token was refused, and why', () => {
    const view = statusView({
      ...base,
      pending: 2,
      auth: { kind: 'signInRequired', reason: 'The refresh token was revoked.', username: 'alice@example.org' },
    });
    assert.equal(view.text, '$(account) Sign in · $(cloud-upload) 2');
    assert.equal(view.kind, 'signIn');
    assert.match(view.tooltip[1], /revoked.*nothing is lost/);
    assert.equal(statusView({ ...base, auth: { kind: 'notConfigured' } }).kind, 'setup');
  });

  it('shows paused, offline and publishing states, and never "offline" once nothing waits', () => {
    assert.equal(statusView({ ...base, paused: true }).text, '$(debug-pause) Paused');
    const offline = {
      ...base,
      pending: 4,
      lastRun: {
        at: 0,
        summary: {
          outcome: 'retryLater' as const,
          activities: 0,
          sessions: 0,
          remaining: 4,
          failures: [],
          reason: 'fetch failed',
        },
      },
    };
    assert.equal(statusView(offline).kind, 'offline');
    assert.equal(statusView({ ...offline, pending: 0 }).kind, 'tracking');
    assert.equal(statusView({ ...base, publishing: true }).kind, 'publishing');
  });

  it('says "paused by Microsoft Graph until HH:MM" while a Retry-After holds publishing, whatever stopped the run', () => {
    const heldUntil = Date.parse('2026-03-15T18:42:00Z');
    const until = new Date(heldUntil).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    for (const outcome of ['retryLater', 'budget'] as const) {
      const summary = { outcome, activities: 0, sessions: 0, remaining: 2, failures: [], retryAt: heldUntil, heldUntil };
      const view = statusView({ ...base, pending: 2, lastRun: { at: 0, summary } });
      assert.equal(view.kind, 'held');
      assert.equal(view.text, `$(watch) Paused by Microsoft Graph until ${until} · $(cloud-upload) 2`);
      assert.equal(view.headline, `Microsoft Graph asked for a pause until ${until}; publishing resumes by itself.`);
      assert.ok(
        // The tooltip is markdown: the time's colon comes escaped, and renders as written.
        view.tooltip
          .map((line) => line.replace(/\\(.)/g, '$1'))
          .some((line) => line.startsWith('Last publish: ') && line.endsWith(`paused by Microsoft Graph until ${until}`)),
      );
      assert.equal(describeRun(summary), `paused by Microsoft Graph until ${until}`);
      assert.equal(statusView({ ...base, pending: 0, lastRun: { at: 0, summary } }).kind, 'tracking');
    }
  });

  it("says this machine's and all machines' time today once the feed has been read", () => {
    const view = statusView({ ...base, allMachinesTodaySeconds: 11_100, pending: 1 });
    assert.equal(view.text, '$(pulse) 1h 15m here · 3h 5m all · $(cloud-upload) 1');
    assert.ok(view.tooltip.map(String).includes('Today: 1h 15m active on this machine, 3h 5m on all machines'));
    assert.equal(
      statusView({ ...base, allMachinesTodaySeconds: 60 }).text,
      '$(pulse) 1h 15m here · 1h 15m all',
      'all machines never show less than this one',
    );
  });

  it('formats durations the way people read them', () => {
    assert.deepEqual(
      [formatDurationShort(42), formatDurationShort(60), formatDurationShort(3_599), formatDurationShort(7_260)],
      ['42s', '1m', '59m', '2h 1m'],
    );
  });
});
