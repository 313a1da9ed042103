// One line that says how a publishing run ended, for the status bar's tooltip and Publish Now's notification.
import { localize } from '../text/l10n';
import { shownText } from '../text/shownText';
import type { PublishSummary } from './publisher';

/** A time of day as the person's locale writes it (hours and minutes). */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function sessions(n: number): string {
  return n === 1 ? localize('{0} session', n) : localize('{0} sessions', n);
}

function activities(n: number): string {
  return n === 1 ? localize('{0} activity', n) : localize('{0} activities', n);
}

export function describeRun(summary: PublishSummary): string {
  if (summary.heldUntil !== undefined) return localize('paused by Microsoft Graph until {0}', clockTime(summary.heldUntil));
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
