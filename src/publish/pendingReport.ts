// The Show Pending view: what waits in the outbox, oldest first, with the last error of each, as Markdown.
import type { Session } from '../tracking/types';

export interface PendingEntry {
  session: Session;
  attempts: number;
  lastError?: string;
}

function minutes(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

export function renderPending(entries: readonly PendingEntry[], now: number): string {
  const lines = ['# Activity Feed: sessions waiting to be published', ''];
  if (entries.length === 0) {
    lines.push('Nothing is waiting: every session has been published.');
    return lines.join('\n');
  }
  lines.push(`${entries.length} session(s), saved on this machine until Microsoft Graph acknowledges them.`, '', '| file | started | active | state | attempts | last error |', '| --- | --- | --- | --- | --- | --- |');
  for (const { session, attempts, lastError } of entries) {
    const age = Math.round((now - session.lastActiveAt) / 60_000);
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    lines.push(`| ${cell(decodeURIComponent(session.documentUri))} | ${new Date(session.startedAt).toISOString()} (${age} min ago) | ${minutes(session.activeSeconds)} | ${session.state} | ${attempts} | ${cell(lastError ?? '')} |`);
  }
  return lines.join('\n');
}
