// Activity Feed: Export Timesheet, for two callers. The command (palette, keybinding, automation through
// executeCommand) takes {from, to, groupBy, rounding, format, path, decimal, workspace, language}; the Insights panel
// calls exportFromPanel with the range and filters it validated, and its file is always the one picked in the save
// dialog: no path ever comes from a webview. Writes CSV, JSON or Markdown (to the clipboard unless a path is named),
// from this machine's history and, where the feed can be read, the other machines'.
import { isAbsolute } from 'node:path';
import { Uri, ViewColumn, commands, env, workspace } from 'vscode';
import type { InsightsQuery } from './aggregate';
import { choose, saveDialog, showError, showInformation, showWarning } from '../platform/show.vscode';
import { outside, say } from '../text/shown';
import type { ExportResult, InsightsHost } from './host.vscode';
import { sessionsOf } from './resolver.vscode';
import { draftRows, timesheetDocument } from './timesheet/document';
import { exportRequestOf, DEFAULT_GROUP_BY, type ExportRequest } from './timesheet/exportArgs';
import {
  hours,
  toCsv,
  toJson,
  toMarkdown,
  totalsOf,
  type TimesheetDocument,
  type TimesheetFileFormat,
} from './timesheet/formats';
import { NO_ROUNDING, describeRule } from './timesheet/rounding';

/** What the panel asks for: its validated range and filters, and the button's format. No path, by design. */
export interface PanelExport {
  query: InsightsQuery;
  format: 'csv' | 'json';
}

/** The command: its arguments come from whoever ran it (nothing from the palette). */
export async function exportTimesheet(host: InsightsHost, raw: unknown): Promise<ExportResult | undefined> {
  const request = exportRequestOf(raw, Date.now(), isAbsolute);
  if (typeof request === 'string') {
    void showError(request);
    return undefined;
  }
  return runExport(host, request);
}

/** The panel's Export buttons. Only the fields named here are read, so nothing else a message held can get through. */
export async function exportFromPanel(host: InsightsHost, panel: PanelExport): Promise<ExportResult | undefined> {
  const { from, to, workspace: workspaceKey, language } = panel.query;
  const request = exportRequestOf(
    { from, to, workspace: workspaceKey, language, groupBy: DEFAULT_GROUP_BY, format: panel.format === 'json' ? 'json' : 'csv' },
    Date.now(),
    isAbsolute,
  );
  if (typeof request === 'string') {
    void showError(request);
    return undefined;
  }
  return runExport(host, { ...request, rule: NO_ROUNDING });
}

async function pickFormat(): Promise<TimesheetFileFormat | undefined> {
  const pick = await choose(
    [
      { label: outside('CSV'), description: say('for spreadsheets'), format: 'csv' as const },
      { label: outside('JSON'), description: say('for scripts'), format: 'json' as const },
      {
        label: outside('Markdown'),
        description: say('to the clipboard, for a message or an issue'),
        format: 'markdown' as const,
      },
    ],
    { title: say('Export Timesheet') },
  );
  return pick?.format;
}

async function targetOf(request: ExportRequest, format: 'csv' | 'json'): Promise<Uri | undefined> {
  if (request.path !== undefined) return Uri.file(request.path);
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const name = `timesheet-${request.from}-${request.to}.${format}`;
  return saveDialog({
    title: say('Export Timesheet'),
    ...(folder ? { defaultUri: Uri.joinPath(folder, name) } : {}),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
}

/** The timesheet of a request, from this machine's history and, when the feed can be read, the other machines'. */
export async function timesheetFor(
  host: InsightsHost,
  request: ExportRequest,
): Promise<{ document: TimesheetDocument; otherMachines: boolean }> {
  await host.feed.refresh({ force: false });
  const otherMachines = host.feed.lastReadAt !== undefined;
  const sessions = sessionsOf(host);
  const rows = draftRows(sessions, request, { noTicket: say('No ticket'), noBranch: say('No branch') });
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { document: timesheetDocument(rows, request, timeZone), otherMachines };
}

export function markdownOf(document: TimesheetDocument): string {
  return toMarkdown(document, {
    heading: say('Timesheet {0} to {1}', document.from, document.to),
    columns: {
      day: say('Day'),
      group: groupHeading(document.groupBy),
      files: say('Files'),
      sessions: say('Sessions'),
      active: say('Active (h)'),
      billed: say('Billed (h)'),
      note: say('Note'),
    },
    weekOf: say('Week of'),
    total: say('Total'),
    rule: say('Rounding: {0}. Days in {1}.', describeRule(document.rule), document.timeZone),
    splitMark: say('(split at midnight)'),
  });
}

function groupHeading(groupBy: TimesheetDocument['groupBy']): string {
  switch (groupBy) {
    case 'ticket':
      return say('Ticket');
    case 'workspace':
      return say('Workspace');
    case 'branch':
      return say('Branch');
    case 'file':
      return say('File');
    case 'session':
      return say('Session');
  }
}

/** Writes (or copies) the document and says where it went. */
export async function deliver(
  host: InsightsHost,
  request: ExportRequest,
  format: TimesheetFileFormat,
  document: TimesheetDocument,
  otherMachines: boolean,
  openBeside = false,
): Promise<ExportResult | undefined> {
  const totals = totalsOf(document.rows);
  const summary = {
    format,
    rows: document.rows.length,
    activeHours: hours(totals.seconds),
    billedHours: hours(totals.billedSeconds),
    otherMachines,
  };
  if (format === 'markdown' && request.path === undefined) {
    await env.clipboard.writeText(markdownOf(document));
    void showInformation(
      say('Activity Feed: the timesheet ({0} rows, {1} h) is on the clipboard.', document.rows.length, summary.billedHours),
    );
    host.log.info(`Copied a timesheet of ${document.rows.length} rows (${request.from} to ${request.to}, Markdown).`);
    return { ...summary, clipboard: true };
  }
  const target = format === 'markdown' ? Uri.file(request.path ?? '') : await targetOf(request, format);
  if (!target) return undefined;
  const text = format === 'csv' ? toCsv(document, request.decimal) : format === 'json' ? toJson(document) : markdownOf(document);
  await workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  host.log.info(`Exported a timesheet of ${document.rows.length} rows (${request.from} to ${request.to}, ${format}).`);
  // From the review, the file opens beside it, so the review stays in view for the next export.
  await commands.executeCommand('vscode.open', target, {
    preview: true,
    ...(openBeside ? { viewColumn: ViewColumn.Beside } : {}),
  });
  return { ...summary, path: target.fsPath };
}

async function runExport(host: InsightsHost, request: ExportRequest): Promise<ExportResult | undefined> {
  const format = request.format ?? (await pickFormat());
  if (!format) return undefined;
  const { document, otherMachines } = await timesheetFor(host, request);
  if (!otherMachines)
    void showWarning(
      say(
        'The timesheet holds this machine’s sessions only: your other machines’ come from Microsoft Graph, which could not be read ({0}).',
        host.feed.state.kind,
      ),
    );
  return deliver(host, request, format, document, otherMachines);
}
