import * as assert from 'node:assert/strict';
import type { Insights } from '../../../src/insights/aggregate';
import { panelState, PanelInputs } from '../../../src/insights/panelState';

const insights = { totals: { range: 60 } } as unknown as Insights;
const base: PanelInputs = {
  feed: { kind: 'ok', fetchedAt: 1 },
  lastReadAt: 1,
  hasSessions: true,
  insights: () => insights,
  preset: '30',
};

describe('Insights panel states', () => {
  it('gives every state without figures a next step', () => {
    const cases: [PanelInputs, string, string[]][] = [
      [{ ...base, feed: { kind: 'notConfigured' }, lastReadAt: undefined, hasSessions: false }, 'notConfigured', ['setUp']],
      [{ ...base, feed: { kind: 'signedOut' }, hasSessions: false }, 'signedOut', ['signIn']],
      [{ ...base, feed: { kind: 'offline', message: 'fetch failed' }, lastReadAt: undefined }, 'offline', ['retry', 'showLog']],
      [{ ...base, feed: { kind: 'budget', retryAt: Date.now() + 60_000 }, lastReadAt: undefined }, 'budget', ['retry']],
      [{ ...base, hasSessions: false }, 'empty', ['publishNow', 'refresh']],
    ];
    for (const [input, reason, actions] of cases) {
      const state = panelState(input);
      assert.equal(state.kind, 'notice');
      if (state.kind !== 'notice') continue;
      assert.equal(state.reason, reason);
      assert.deepEqual(
        state.actions.map((a) => a.id),
        actions,
        reason,
      );
      assert.ok(state.title && state.message, `${reason} says what happened`);
    }
  });

  it('shows this machine’s own history when signed out or not set up, with the step that adds the other machines', () => {
    for (const [kind, action, words] of [
      ['signedOut', 'signIn', /^Signed out: sign in to add your other machines/],
      ['notConfigured', 'setUp', /^Not set up: other machines’ sessions come from Microsoft Graph/],
    ] as const) {
      const state = panelState({ ...base, feed: { kind }, lastReadAt: undefined });
      assert.equal(state.kind, 'insights', kind);
      if (state.kind !== 'insights') continue;
      assert.equal(state.insights, insights, 'the figures are there');
      assert.equal(state.localOnly, kind);
      assert.match(state.warning ?? '', words);
      assert.match(state.readLine, /This machine’s sessions, from its own history/);
      assert.deepEqual(
        state.actions?.map((a) => a.id),
        [action],
      );
    }
  });

  it('keeps showing the figures read earlier when a later read is offline or over budget, and says so', () => {
    const offline = panelState({ ...base, feed: { kind: 'offline', message: 'x' } });
    assert.equal(offline.kind, 'insights');
    assert.match(offline.kind === 'insights' ? (offline.warning ?? '') : '', /^Offline/);
    const budget = panelState({ ...base, feed: { kind: 'budget', retryAt: 0 } });
    assert.match(budget.kind === 'insights' ? (budget.warning ?? '') : '', /^Read budget spent/);
    const fresh = panelState(base);
    assert.equal(fresh.kind === 'insights' && fresh.warning, undefined);
    assert.equal(fresh.kind === 'insights' && fresh.insights, insights);
  });

  it('says it is reading while the first read is under way', () => {
    assert.equal(panelState({ ...base, feed: { kind: 'loading' }, lastReadAt: undefined }).kind, 'loading');
  });
});
