// What the status bar says, worked out from the extension's state. Pure, so every combination can be tested; the
// rule is that it never claims more than is true (no "published" while sessions wait, no "tracking" while paused).
import type { AuthState } from '../auth/accountManager';
import type { PublishSummary } from '../publish/publisher';
import { localize } from '../l10n';
import { redact } from '../redact';
import { formatDurationShort } from '../text/duration';
import { inertMarkdown } from '../text/inert';
import { shownText } from '../text/shownText';

export interface StatusInputs {
  paused: boolean;
  auth: AuthState;
  pending: number;
  publishing: boolean;
  lastRun?: { at: number; summary: PublishSummary };
  nextRunAt?: number;
  todayActiveSeconds: number;
  /** Today on every machine (this one included), once the feed has been read; undefined before. */
  allMachinesTodaySeconds?: number;
  automatic: boolean;
}

export type StatusKind = 'tracking' | 'paused' | 'setup' | 'signIn' | 'offline' | 'error' | 'publishing';

export interface StatusView {
  kind: StatusKind;
  text: string;
  /** Markdown lines for the tooltip. */
  tooltip: string[];
  /** Whether the item should use the warning background. */
  warning: boolean;
}

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function sessions(n: number): string {
  return n === 1 ? localize('{0} session', n) : localize('{0} sessions', n);
}

function activities(n: number): string {
  return n === 1 ? localize('{0} activity', n) : localize('{0} activities', n);
}

export function describeRun(summary: PublishSummary): string {
  const sent = localize('{0}, {1}', activities(summary.activities), sessions(summary.sessions));
  switch (summary.outcome) {
    case 'done':
      return summary.activities === 0 ? localize('nothing was waiting') : localize('published {0}', sent);
    case 'partial':
      return localize('published {0}; {1} refused', sent, activities(summary.failures.length));
    case 'busy':
      return localize('another window was publishing');
    case 'signInRequired':
      return localize('sign-in required (published {0} before that)', sent);
    case 'retryLater':
      return localize(
        'could not reach Microsoft Graph ({0})',
        summary.reason !== undefined ? shownText(summary.reason, 200) : localize('no answer'),
      );
    case 'budget':
      return localize('write budget spent; waiting');
    case 'cancelled':
      return localize('cancelled after {0}', sent);
  }
}

export function statusView(input: StatusInputs): StatusView {
  const pending = input.pending > 0 ? ` · $(cloud-upload) ${input.pending}` : '';
  const last = input.lastRun?.summary.outcome;
  const here = formatDurationShort(input.todayActiveSeconds);
  const all =
    input.allMachinesTodaySeconds === undefined
      ? undefined
      : formatDurationShort(Math.max(input.allMachinesTodaySeconds, input.todayActiveSeconds));
  // With the feed read, the bar names both figures: this machine's and all machines'.
  const today = all === undefined ? here : localize('{0} here · {1} all', here, all);
  let kind: StatusKind;
  let text: string;
  let headline: string;
  if (input.publishing) {
    kind = 'publishing';
    text = `$(sync~spin) ${localize('Publishing…')}`;
    headline = localize('Publishing to Microsoft Graph…');
  } else if (input.auth.kind === 'notConfigured') {
    kind = 'setup';
    text = `$(gear) ${localize('Activity Feed: set up')}${pending}`;
    headline = localize('Not set up: no app registration (client id) is configured. Sessions are kept until it is.');
  } else if (input.auth.kind === 'signedOut' || input.auth.kind === 'signInRequired') {
    kind = 'signIn';
    text = `$(account) ${localize('Sign in')}${pending}`;
    headline =
      input.auth.kind === 'signInRequired'
        ? localize('Sign-in required: {0} Publishing waits; nothing is lost.', inertMarkdown(redact(input.auth.reason)))
        : localize('Not signed in. Publishing waits; nothing is lost.');
  } else if (input.paused) {
    kind = 'paused';
    text = `$(debug-pause) ${localize('Paused')}${pending}`;
    headline = localize('Tracking is paused.');
  } else if (last === 'retryLater' && input.pending > 0) {
    kind = 'offline';
    text = `$(cloud-offline) ${localize('Offline')}${pending}`;
    headline = localize('Microsoft Graph could not be reached; publishing resumes by itself.');
  } else if (last === 'partial' && input.pending > 0) {
    kind = 'error';
    text = `$(warning) ${today}${pending}`;
    headline = localize('Microsoft Graph refused some activities; they stay queued (see Show Pending).');
  } else {
    kind = 'tracking';
    text = `$(pulse) ${today}${pending}`;
    headline = localize('Tracking your editing sessions.');
  }
  const account =
    input.auth.kind === 'signedIn' ? input.auth.username : input.auth.kind === 'signInRequired' ? input.auth.username : undefined;
  const lastPublish = input.lastRun
    ? localize('{0}, {1}', clockTime(input.lastRun.at), describeRun(input.lastRun.summary))
    : localize('not yet in this window');
  const tooltip = [
    `**${localize('Activity Feed')}**`,
    headline,
    all === undefined
      ? localize('Today: {0} active', here)
      : localize('Today: {0} active on this machine, {1} on all machines', here, all),
    // The tooltip is markdown; the account name comes from the sign-in service and is shown literally.
    localize('Account: {0}', account !== undefined ? inertMarkdown(account) : localize('not signed in')),
    localize('Waiting to publish: {0}', sessions(input.pending)),
    localize('Last publish: {0}', lastPublish),
  ];
  if (!input.automatic) tooltip.push(localize('Publishing only on command (Activity Feed: Publish Now).'));
  else if (input.nextRunAt !== undefined) tooltip.push(localize('Next publish: {0}', clockTime(input.nextRunAt)));
  tooltip.push('', localize('Click for actions.'));
  return { kind, text, tooltip, warning: kind === 'signIn' || kind === 'setup' || kind === 'error' };
}
