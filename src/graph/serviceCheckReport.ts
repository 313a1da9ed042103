// The readable report of Check Microsoft Graph: each open question, what the service answered, and what the
// extension does about it. Pure: no editor imports.
import { localize } from '../text/l10n';
import { redact } from '../text/redact';
import { inertMarkdown } from '../text/inert';
import type { ServiceCheckResult } from './serviceCheck';

/** What the service (or a proxy in front of it) said, and the endpoint a setting named: shown literally, no secret. */
function quoted(outside: string): string {
  return inertMarkdown(redact(outside.slice(0, 2_000)), 300);
}

export function renderCheckReport(result: ServiceCheckResult): string {
  const rows: [string, string, string][] = [
    [
      localize('A client id inside a deep-inserted history item'),
      result.historyIds === 'honoured'
        ? localize('honoured: it is the upsert key')
        : localize('ignored: the service assigns its own ids'),
      result.historyIds === 'honoured'
        ? localize('Sessions of a new activity are deep-inserted with their ids.')
        : localize('Every session goes to PUT …/historyItems/{session id}, the documented client-id path.'),
    ],
    [
      localize('A replacing PUT and the history items it does not mention'),
      result.replace === 'keeps' ? localize('kept') : localize('dropped'),
      result.replace === 'keeps'
        ? localize('A published activity is updated with one PUT (card and new sessions).')
        : localize('A published activity is never PUT again; new sessions go one by one, so nothing published is dropped.'),
    ],
    [
      localize('%2F inside an id segment'),
      result.encodedSlash === 'accepted'
        ? localize('accepted')
        : localize('refused ({0})', quoted(result.evidence.encodedSlashAnswer)),
      result.encodedSlash === 'accepted'
        ? localize('Ids need no escaping anyway; activities from earlier versions keep their ids.')
        : localize(
            'Ids need no escaping; an activity from an earlier version whose id holds a / is reached by its server id only.',
          ),
    ],
    [
      localize('Order of GET /me/activities'),
      result.order === 'newest' ? localize('most recently updated first') : localize('oldest created first'),
      localize('Nothing depends on it: the Published Activity view sorts by itself.'),
    ],
    [
      localize('Error answers'),
      localize(
        '{0} ({1})',
        result.errors === 'real' ? localize('as seen from the live service') : localize('generic, with a target'),
        quoted(result.evidence.errorAnswer),
      ),
      localize('Failures are told apart by their status; the code is shown as the service sent it.'),
    ],
    expirationRow(result),
    [
      localize('Do throttled requests count toward the limits?'),
      localize('not checked: finding out takes the whole write allowance of the account'),
      localize('Safe either way: nothing is sent before a Retry-After has ended, and every attempt counts in the write budget.'),
    ],
  ];
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    `# ${localize('Check Microsoft Graph')}`,
    '',
    localize(
      'Service: {0}. Checked: {1}. Writes used: {2}; the probe activities were deleted.',
      quoted(result.endpoint),
      new Date(result.checkedAt).toISOString(),
      result.writes,
    ),
    '',
    `| ${localize('Open question')} | ${localize('Answer')} | ${localize('What the extension does')} |`,
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
    localize('Publishing follows these answers from now on. Run the check again if the service changes.'),
    '',
  ].join('\n');
}

function expirationRow(result: ServiceCheckResult): [string, string, string] {
  const question = localize('A history item’s expirationDateTime set by the client');
  const answer = result.evidence.expirationAnswer ? ` (${quoted(result.evidence.expirationAnswer)})` : '';
  switch (result.clientExpiration) {
    case 'honoured':
      return [
        question,
        localize('kept as asked{0}', answer),
        localize(
          'Sessions are kept in the feed for activityFeed.history.keepDays days, so other machines’ history lasts that long.',
        ),
      ];
    case 'capped':
    case 'ignored':
      return [
        question,
        result.clientExpiration === 'capped'
          ? localize('cut to the service’s own retention{0}', answer)
          : localize('ignored: the service keeps its own retention{0}', answer),
        localize('The feed forgets sessions after about 30 days, whatever activityFeed.history.keepDays asks.'),
      ];
    case 'unchecked':
      return [question, localize('not checked by the version that ran this check'), localize('Run the check again to find out.')];
  }
}

/** One English line for the log. */
export function checkLogLine(result: ServiceCheckResult): string {
  return `Check Microsoft Graph (${result.endpoint}): history ids ${result.historyIds}, replace ${result.replace}, encoded slash ${result.encodedSlash} (${result.evidence.encodedSlashAnswer}), order ${result.order}, errors ${result.errors} (${result.evidence.errorAnswer}), client expiration ${result.clientExpiration}${result.evidence.expirationAnswer ? ` (${result.evidence.expirationAnswer})` : ''}, throttled ${result.throttled}; ${result.writes} writes.`;
}

/** Reads a stored result defensively; undefined when it is not one. */
export function parseCheckResult(value: unknown): ServiceCheckResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<ServiceCheckResult>;
  const ok =
    typeof r.checkedAt === 'number' &&
    typeof r.endpoint === 'string' &&
    (r.historyIds === 'honoured' || r.historyIds === 'ignored') &&
    (r.replace === 'keeps' || r.replace === 'drops') &&
    (r.encodedSlash === 'accepted' || r.encodedSlash === 'rejected') &&
    (r.order === 'newest' || r.order === 'oldest') &&
    (r.errors === 'real' || r.errors === 'generic') &&
    typeof r.evidence === 'object' &&
    r.evidence !== null &&
    typeof r.writes === 'number';
  if (!ok) return undefined;
  const clientExpiration =
    r.clientExpiration === 'honoured' || r.clientExpiration === 'capped' || r.clientExpiration === 'ignored'
      ? r.clientExpiration
      : 'unchecked';
  return { ...(r as ServiceCheckResult), clientExpiration };
}
