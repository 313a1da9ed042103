// What the status bar says, worked out from the extension's state. Pure, so every combination can be tested; the
// rule is that it never claims more than is true (no "published" while sessions wait, no "tracking" while paused).
import type { AuthState } from '../auth/accountManager';
import { clockTime, describeRun } from '../publish/describeRun';
import type { PublishSummary } from '../publish/publisher';
import { localize } from '../text/l10n';
import { formatDurationShort } from '../text/duration';
import {
  type Shown,
  type ShownMarkdown,
  asMarkdown,
  icon,
  joinShown,
  outside,
  outsideMarkdown,
  say,
  sayLine,
  sayMarkdown,
} from '../text/shown';

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

export type StatusKind = 'tracking' | 'paused' | 'setup' | 'signIn' | 'held' | 'offline' | 'error' | 'publishing';

export interface StatusView {
  kind: StatusKind;
  text: Shown;
  /** What the state means, in one line (the tooltip's first line after the title). */
  headline: Shown;
  /** Markdown lines for the tooltip. */
  tooltip: ShownMarkdown[];
  /** Whether the item should use the warning background. */
  warning: boolean;
}

function sessions(n: number): string {
  return n === 1 ? localize('{0} session', n) : localize('{0} sessions', n);
}

export function statusView(input: StatusInputs): StatusView {
  const pending = input.pending > 0 ? [outside('·'), icon('cloud-upload'), outside(input.pending)] : [];
  const last = input.lastRun?.summary.outcome;
  const heldUntil = input.lastRun?.summary.heldUntil;
  const here = formatDurationShort(input.todayActiveSeconds);
  const all =
    input.allMachinesTodaySeconds === undefined
      ? undefined
      : formatDurationShort(Math.max(input.allMachinesTodaySeconds, input.todayActiveSeconds));
  // With the feed read, the bar names both figures: this machine's and all machines'.
  const today = all === undefined ? outside(here) : say('{0} here · {1} all', here, all);
  let kind: StatusKind;
  let text: Shown;
  let headline: { plain: Shown; markdown: ShownMarkdown };
  if (input.publishing) {
    kind = 'publishing';
    text = joinShown(icon('sync~spin'), say('Publishing…'));
    headline = sayLine('Publishing to Microsoft Graph…');
  } else if (input.auth.kind === 'notConfigured') {
    kind = 'setup';
    text = joinShown(icon('gear'), say('Activity Feed: set up'), ...pending);
    headline = sayLine('Not set up: no app registration (client id) is configured. Sessions are kept until it is.');
  } else if (input.auth.kind === 'signedOut' || input.auth.kind === 'signInRequired') {
    kind = 'signIn';
    text = joinShown(icon('account'), say('Sign in'), ...pending);
    headline =
      input.auth.kind === 'signInRequired'
        ? sayLine('Sign-in required: {0} Publishing waits; nothing is lost.', input.auth.reason)
        : sayLine('Not signed in. Publishing waits; nothing is lost.');
  } else if (input.paused) {
    kind = 'paused';
    text = joinShown(icon('debug-pause'), say('Paused'), ...pending);
    headline = sayLine('Tracking is paused.');
  } else if (heldUntil !== undefined && input.pending > 0) {
    kind = 'held';
    text = joinShown(icon('watch'), say('Paused by Microsoft Graph until {0}', clockTime(heldUntil)), ...pending);
    headline = sayLine('Microsoft Graph asked for a pause until {0}; publishing resumes by itself.', clockTime(heldUntil));
  } else if (last === 'retryLater' && input.pending > 0) {
    kind = 'offline';
    text = joinShown(icon('cloud-offline'), say('Offline'), ...pending);
    headline = sayLine('Microsoft Graph could not be reached; publishing resumes by itself.');
  } else if (last === 'partial' && input.pending > 0) {
    kind = 'error';
    text = joinShown(icon('warning'), today, ...pending);
    headline = sayLine('Microsoft Graph refused some activities; they stay queued (see Show Pending).');
  } else {
    kind = 'tracking';
    text = joinShown(icon('pulse'), today, ...pending);
    headline = sayLine('Tracking your editing sessions.');
  }
  const account =
    input.auth.kind === 'signedIn' ? input.auth.username : input.auth.kind === 'signInRequired' ? input.auth.username : undefined;
  const lastPublish = input.lastRun
    ? localize('{0}, {1}', clockTime(input.lastRun.at), describeRun(input.lastRun.summary))
    : localize('not yet in this window');
  const tooltip = [
    asMarkdown(say('Activity Feed'), true),
    headline.markdown,
    all === undefined
      ? sayMarkdown('Today: {0} active', here)
      : sayMarkdown('Today: {0} active on this machine, {1} on all machines', here, all),
    // The account name comes from the sign-in service: shown literally.
    sayMarkdown('Account: {0}', account ?? localize('not signed in')),
    sayMarkdown('Waiting to publish: {0}', sessions(input.pending)),
    sayMarkdown('Last publish: {0}', lastPublish),
  ];
  if (!input.automatic) tooltip.push(sayMarkdown('Publishing only on command (Activity Feed: Publish Now).'));
  else if (input.nextRunAt !== undefined) tooltip.push(sayMarkdown('Next publish: {0}', clockTime(input.nextRunAt)));
  tooltip.push(outsideMarkdown(''), sayMarkdown('Click for actions.'));
  return {
    kind,
    text,
    headline: headline.plain,
    tooltip,
    warning: kind === 'signIn' || kind === 'setup' || kind === 'error',
  };
}
