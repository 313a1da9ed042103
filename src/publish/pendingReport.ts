// The Show Pending view: what waits in the outbox, oldest first, with the last error of each, as Markdown.
import { localize } from '../text/l10n';
import { redact } from '../text/redact';
import { inertMarkdown } from '../text/inert';
import type { Session } from '../tracking/types';

export interface PendingEntry {
  session: Session;
  attempts: number;
  lastError?: string;
}

function minutes(seconds: number): string {
  return seconds < 60 ? localize('{0} s', Math.round(seconds)) : localize('{0} min', Math.round(seconds / 60));
}

export function renderPending(entries: readonly PendingEntry[], now: number): string {
  const lines = [`# ${localize('Activity Feed: sessions waiting to be published')}`, ''];
  if (entries.length === 0) {
    lines.push(localize('Nothing is waiting: every session has been published.'));
    return lines.join('\n');
  }
  const headers = [
    localize('file'),
    localize('started'),
    localize('active'),
    localize('state'),
    localize('attempts'),
    localize('last error'),
  ];
  lines.push(
    localize('{0} session(s), saved on this machine until Microsoft Graph acknowledges them.', entries.length),
    '',
    `| ${headers.join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const { session, attempts, lastError } of entries) {
    const age = Math.round((now - session.lastActiveAt) / 60_000);
    // A file name or an error text is shown literally in the Markdown table, never as a link or markup.
    const cell = (text: string) => inertMarkdown(redact(text));
    const started = localize('{0} ({1} min ago)', new Date(session.startedAt).toISOString(), age);
    lines.push(
      `| ${cell(decodeURIComponent(session.documentUri))} | ${started} | ${minutes(session.activeSeconds)} | ${session.state} | ${attempts} | ${cell(lastError ?? '')} |`,
    );
  }
  return lines.join('\n');
}
