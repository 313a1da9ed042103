// What the status bar says, worked out from the extension's state. Pure, so every combination can be tested; the
// rule is that it never claims more than is true (no "published" while sessions wait, no "tracking" while paused).
import type { AuthState } from '../auth/accountManager';
import type { PublishSummary } from '../publish/publisher';

export interface StatusInputs {
  paused: boolean;
  auth: AuthState;
  pending: number;
  publishing: boolean;
  lastRun?: { at: number; summary: PublishSummary };
  nextRunAt?: number;
  todayActiveSeconds: number;
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

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return `${Math.floor(seconds)}s`;
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function activities(n: number): string {
  return plural(n, 'activity', 'activities');
}

export function describeRun(summary: PublishSummary): string {
  const sent = `${activities(summary.activities)}, ${plural(summary.sessions, 'session')}`;
  switch (summary.outcome) {
    case 'done':
      return summary.activities === 0 ? 'nothing was waiting' : `published ${sent}`;
    case 'partial':
      return `published ${sent}; ${activities(summary.failures.length)} refused`;
    case 'busy':
      return 'another window was publishing';
    case 'signInRequired':
      return `sign-in required (published ${sent} before that)`;
    case 'retryLater':
      return `could not reach Microsoft Graph (${summary.reason ?? 'no answer'})`;
    case 'budget':
      return 'write budget spent; waiting';
    case 'cancelled':
      return `cancelled after ${sent}`;
  }
}

export function statusView(input: StatusInputs): StatusView {
  const pending = input.pending > 0 ? ` · $(cloud-upload) ${input.pending}` : '';
  const last = input.lastRun?.summary.outcome;
  let kind: StatusKind;
  let text: string;
  let headline: string;
  if (input.publishing) {
    kind = 'publishing';
    text = '$(sync~spin) Publishing…';
    headline = 'Publishing to Microsoft Graph…';
  } else if (input.auth.kind === 'notConfigured') {
    kind = 'setup';
    text = `$(gear) Activity Feed: set up${pending}`;
    headline = 'Not set up: no app registration (client id) is configured. Sessions are kept until it is.';
  } else if (input.auth.kind === 'signedOut' || input.auth.kind === 'signInRequired') {
    kind = 'signIn';
    text = `$(account) Sign in${pending}`;
    headline = input.auth.kind === 'signInRequired' ? `Sign-in required: ${input.auth.reason} Publishing waits; nothing is lost.` : 'Not signed in. Publishing waits; nothing is lost.';
  } else if (input.paused) {
    kind = 'paused';
    text = `$(debug-pause) Paused${pending}`;
    headline = 'Tracking is paused.';
  } else if (last === 'retryLater' && input.pending > 0) {
    kind = 'offline';
    text = `$(cloud-offline) Offline${pending}`;
    headline = `Microsoft Graph could not be reached; publishing resumes by itself.`;
  } else if (last === 'partial' && input.pending > 0) {
    kind = 'error';
    text = `$(warning) ${formatDuration(input.todayActiveSeconds)}${pending}`;
    headline = 'Microsoft Graph refused some activities; they stay queued (see Show Pending).';
  } else {
    kind = 'tracking';
    text = `$(pulse) ${formatDuration(input.todayActiveSeconds)}${pending}`;
    headline = 'Tracking your editing sessions.';
  }
  const account = input.auth.kind === 'signedIn' ? input.auth.username : input.auth.kind === 'signInRequired' ? input.auth.username : undefined;
  const tooltip = [
    '**Activity Feed**',
    headline,
    `Today: ${formatDuration(input.todayActiveSeconds)} active`,
    `Account: ${account ?? 'not signed in'}`,
    `Waiting to publish: ${plural(input.pending, 'session')}`,
    `Last publish: ${input.lastRun ? `${clockTime(input.lastRun.at)}, ${describeRun(input.lastRun.summary)}` : 'not yet in this window'}`,
  ];
  if (!input.automatic) tooltip.push('Publishing only on command (Activity Feed: Publish Now).');
  else if (input.nextRunAt !== undefined) tooltip.push(`Next publish: ${clockTime(input.nextRunAt)}`);
  tooltip.push('', 'Click for actions.');
  return { kind, text, tooltip, warning: kind === 'signIn' || kind === 'setup' || kind === 'error' };
}
