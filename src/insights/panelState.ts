// What the Insights panel shows for the feed's state: the figures, or a notice with the next step. Pure.
import type { FeedState } from '../feed/publishedFeed';
import { localize } from '../text/l10n';
import type { Insights } from './aggregate';
import { dayKey, startOfDay } from './calendar';
import type { PanelAction, PanelState, RangePreset } from './protocol';

function clock(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const action = {
  setUp: (): PanelAction => ({ id: 'setUp', label: localize('Set Up') }),
  signIn: (): PanelAction => ({ id: 'signIn', label: localize('Sign In') }),
  retry: (): PanelAction => ({ id: 'retry', label: localize('Retry') }),
  showLog: (): PanelAction => ({ id: 'showLog', label: localize('Show Log') }),
  publishNow: (): PanelAction => ({ id: 'publishNow', label: localize('Publish Now') }),
};

export interface PanelInputs {
  feed: FeedState;
  /** When the copy on hand was read, if there is one. */
  lastReadAt: number | undefined;
  /** Whether the copy on hand holds any session at all. */
  hasSessions: boolean;
  insights: () => Insights;
  preset: RangePreset;
  /** Set when the range reaches further back than the feed holds other machines' sessions. */
  historyNote?: string;
}

/**
 * Day keys are local `YYYY-MM-DD`; the range reaches past what the feed holds when it starts before that many days
 * ago. Other machines' sessions then go back only as far as the feed does, or as this machine's copy of what it read
 * (`keptSince`, its oldest session) where that goes further.
 */
export function historyNote(rangeFrom: string, now: number, feedKeepsDays: number, keptSince?: number): string | undefined {
  const start = startOfDay(rangeFrom);
  const feedFrom = now - feedKeepsDays * 24 * 60 * 60_000;
  if (!(start < feedFrom)) return undefined;
  if (keptSince !== undefined && keptSince < feedFrom) {
    return localize(
      'Other machines: from {0}, as far back as this machine has read them (Microsoft Graph keeps their sessions {1} days). This machine: its whole history, kept on this machine.',
      dayKey(keptSince),
      feedKeepsDays,
    );
  }
  return localize(
    'Other machines: only the last {0} days (Microsoft Graph keeps their sessions that long). This machine: its whole history, kept on this machine.',
    feedKeepsDays,
  );
}

/**
 * Signed out or not set up, the feed cannot be read: this machine's own history (its ledger) is shown where it holds
 * anything, with the step that adds the other machines; otherwise that step alone.
 */
function withoutFeed(input: PanelInputs, reason: 'notConfigured' | 'signedOut'): PanelState {
  const notConfigured = reason === 'notConfigured';
  const next = notConfigured ? action.setUp() : action.signIn();
  if (input.hasSessions) {
    return {
      kind: 'insights',
      insights: input.insights(),
      preset: input.preset,
      readLine: localize('This machine’s sessions, from its own history.'),
      warning: notConfigured
        ? localize('Not set up: other machines’ sessions come from Microsoft Graph once an app registration is set.')
        : localize('Signed out: sign in to add your other machines’ sessions from Microsoft Graph.'),
      localOnly: reason,
      actions: [next],
    };
  }
  return {
    kind: 'notice',
    reason,
    title: notConfigured ? localize('Not set up') : localize('Signed out'),
    message: notConfigured
      ? localize('Insights read your activity feed from Microsoft Graph, which needs your app registration (client id).')
      : localize('Sign in to read your activity feed from Microsoft Graph.'),
    actions: [next],
  };
}

export function panelState(input: PanelInputs): PanelState {
  const { feed } = input;
  if (feed.kind === 'notConfigured' || feed.kind === 'signedOut') return withoutFeed(input, feed.kind);
  const copy = input.lastReadAt !== undefined;
  if (!copy) {
    if (feed.kind === 'offline')
      return {
        kind: 'notice',
        reason: 'offline',
        title: localize('Offline'),
        message: localize('Microsoft Graph could not be reached: {0}', feed.message),
        actions: [action.retry(), action.showLog()],
      };
    if (feed.kind === 'budget')
      return {
        kind: 'notice',
        reason: 'budget',
        title: localize('Read budget spent'),
        message: localize('This editor has used its reads of Microsoft Graph for now. Try again after {0}.', clock(feed.retryAt)),
        actions: [action.retry()],
      };
    if (feed.kind === 'error')
      return {
        kind: 'notice',
        reason: 'error',
        title: localize('Could not read the feed'),
        message: feed.message,
        actions: [action.retry(), action.showLog()],
      };
    return { kind: 'loading', message: localize('Reading your activity feed from Microsoft Graph…') };
  }
  if (!input.hasSessions) {
    return {
      kind: 'notice',
      reason: 'empty',
      title: localize('Nothing published yet'),
      message: localize(
        'Insights show the sessions in your activity feed. Publish what this machine recorded, or work a while and come back.',
      ),
      actions: [action.publishNow(), { id: 'refresh', label: localize('Refresh') }],
    };
  }
  const readLine = localize('Read from Microsoft Graph at {0}', clock(input.lastReadAt ?? 0));
  const warning =
    feed.kind === 'offline'
      ? localize('Offline: showing the copy read earlier.')
      : feed.kind === 'budget'
        ? localize('Read budget spent until {0}: showing the copy read earlier.', clock(feed.retryAt))
        : feed.kind === 'error'
          ? localize('The last read failed: showing the copy read earlier.')
          : undefined;
  const { historyNote: history } = input;
  return {
    kind: 'insights',
    insights: input.insights(),
    preset: input.preset,
    readLine,
    ...(warning ? { warning } : {}),
    ...(history ? { history } : {}),
  };
}
