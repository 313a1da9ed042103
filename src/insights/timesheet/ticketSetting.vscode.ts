// The person's ticket pattern (activityFeed.timesheet.ticketPattern) as the timesheet and Insights use it: compiled
// once per pattern, and when it cannot be used, the default with one warning that names what is wrong.
import { showWarning } from '../../platform/show.vscode';
import { outside, say } from '../../text/shown';
import type { InsightsHost } from '../host.vscode';
import { DEFAULT_TICKET_PATTERN, ticketMatcher, type TicketMatcher } from './tickets';

/** The pattern last warned about: a review redraws often, and one warning per pattern is enough. */
let warnedPattern: string | undefined;
/** The pattern last compiled, and its matcher: Insights ask for it on every change of the feed. */
let compiled: { pattern: string; matcher: TicketMatcher; problem?: string } | undefined;

/** The person's ticket pattern, or the default with a warning (once) that names what is wrong with theirs. */
export function ticketMatcherFor(host: Pick<InsightsHost, 'timesheetSettings'>): TicketMatcher {
  const pattern = host.timesheetSettings().ticketPattern;
  if (compiled?.pattern === pattern) return compiled.matcher;
  const matcher = ticketMatcher(pattern);
  if (typeof matcher === 'function') {
    compiled = { pattern, matcher };
    return matcher;
  }
  const fallback = ticketMatcher(DEFAULT_TICKET_PATTERN) as TicketMatcher;
  compiled = { pattern, matcher: fallback, problem: matcher.problem };
  if (warnedPattern === pattern) return fallback;
  warnedPattern = pattern;
  void showWarning(
    say(
      'activityFeed.timesheet.ticketPattern cannot be used ({0}); the default pattern finds tickets instead.',
      outside(matcher.problem),
    ),
  );
  return fallback;
}

/** Why the person's pattern cannot be used, when it cannot (compiled once, with the matcher). */
export function ticketProblemFor(host: Pick<InsightsHost, 'timesheetSettings'>): string | undefined {
  ticketMatcherFor(host);
  return compiled?.problem;
}
