// Activity Feed: Export Timesheet, for two callers. The command (palette, keybinding, automation through
// executeCommand) takes {from, to, format, path, workspace, language}; the Insights panel calls exportFromPanel with
// the range and filters it validated, and the file is always the one picked in the save dialog: no path ever comes
// from the webview. Writes CSV or JSON and opens the file.
import { extname, isAbsolute } from 'node:path';
import { Uri, commands, workspace } from 'vscode';
import type { InsightsQuery } from './aggregate';
import { addDays, dayKey, isDayKey } from './calendar';
import { renderTimesheet, timesheetRows, type TimesheetFormat } from './timesheet';
import { isRecord } from '../text/jsonShape';
import { type Shown, outside, say } from '../text/shown';
import { choose, saveDialog, showError } from '../platform/show.vscode';
import type { ExportArgs, ExportResult, InsightsHost } from './host.vscode';
import { sessionsOf } from './resolver.vscode';

/** Where the file goes: the absolute path an automation caller named, or wherever the save dialog says. */
type Destination = { kind: 'path'; path: string } | { kind: 'ask' };

interface ExportPlan {
  query: InsightsQuery;
  /** Unset: the path's extension says, or a quick pick asks. */
  format?: TimesheetFormat;
  destination: Destination;
}

/** What the panel asks for: its validated range and filters, and the button's format. No path, by design. */
export interface PanelExport {
  query: InsightsQuery;
  format: TimesheetFormat;
}

/** The command: its arguments come from whoever ran it (nothing from the palette). */
export async function exportTimesheet(host: InsightsHost, raw: unknown): Promise<ExportResult | undefined> {
  const plan = automationPlan(isRecord(raw) ? raw : {});
  if (typeof plan === 'string') {
    void showError(plan);
    return undefined;
  }
  return runExport(host, plan);
}

/** The panel's Export buttons. Only the fields named here are read, so nothing else a message held can get through. */
export async function exportFromPanel(host: InsightsHost, request: PanelExport): Promise<ExportResult | undefined> {
  const { from, to, workspace: workspaceKey, language } = request.query;
  const query = queryOf({ from, to, workspace: workspaceKey, language });
  if (typeof query === 'string') {
    void showError(query);
    return undefined;
  }
  const format = request.format === 'json' ? 'json' : 'csv';
  return runExport(host, { query, format, destination: { kind: 'ask' } });
}

/** The command's arguments, each field checked: any caller may have written them. */
function automationPlan(args: { [K in keyof ExportArgs]?: unknown }): ExportPlan | Shown {
  const query = queryOf(args);
  if (typeof query === 'string') return query;
  const destination = destinationOf(args.path);
  if (typeof destination === 'string') return destination;
  const format = args.format === 'csv' || args.format === 'json' ? args.format : formatOfPath(destination);
  return { query, destination, ...(format ? { format } : {}) };
}

function destinationOf(path: unknown): Destination | Shown {
  if (path === undefined || path === null || path === '') return { kind: 'ask' };
  if (typeof path === 'string' && isAbsolute(path)) return { kind: 'path', path };
  return say('The timesheet path must be absolute: {0}', typeof path === 'string' ? path : typeof path);
}

function queryOf(args: { [K in 'from' | 'to' | 'workspace' | 'language']?: unknown }): InsightsQuery | Shown {
  const to = args.to ?? dayKey(Date.now());
  const from = args.from ?? (isDayKey(to) ? addDays(to, -29) : to);
  if (!isDayKey(from) || !isDayKey(to))
    return say('Dates are written YYYY-MM-DD (got {0} and {1}).', outside(from, 40), outside(to, 40));
  if (from > to) return say('The range ends ({0}) before it starts ({1}).', to, from);
  return {
    from,
    to,
    ...(typeof args.workspace === 'string' && args.workspace ? { workspace: args.workspace } : {}),
    ...(typeof args.language === 'string' && args.language ? { language: args.language } : {}),
  };
}

function formatOfPath(destination: Destination): TimesheetFormat | undefined {
  const extension = destination.kind === 'path' ? extname(destination.path).toLowerCase() : '';
  return extension === '.csv' || extension === '.json' ? (extension.slice(1) as TimesheetFormat) : undefined;
}

async function pickFormat(): Promise<TimesheetFormat | undefined> {
  const pick = await choose(
    [
      { label: outside('CSV'), description: say('for spreadsheets'), format: 'csv' as const },
      { label: outside('JSON'), description: say('for scripts'), format: 'json' as const },
    ],
    { title: say('Export Timesheet') },
  );
  return pick?.format;
}

async function targetOf(destination: Destination, query: InsightsQuery, format: TimesheetFormat): Promise<Uri | undefined> {
  if (destination.kind === 'path') return Uri.file(destination.path);
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const name = `timesheet-${query.from}-${query.to}.${format}`;
  return saveDialog({
    title: say('Export Timesheet'),
    ...(folder ? { defaultUri: Uri.joinPath(folder, name) } : {}),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
}

async function runExport(host: InsightsHost, plan: ExportPlan): Promise<ExportResult | undefined> {
  const format = plan.format ?? (await pickFormat());
  if (!format) return undefined;
  const state = await host.feed.refresh({ force: false });
  if (host.feed.lastReadAt === undefined) {
    void showError(say('The timesheet needs your activity feed, which could not be read ({0}).', state.kind));
    return undefined;
  }
  const target = await targetOf(plan.destination, plan.query, format);
  if (!target) return undefined;
  const { query } = plan;
  const rows = timesheetRows(sessionsOf(host), query);
  await workspace.fs.writeFile(target, Buffer.from(renderTimesheet(rows, query, format), 'utf8'));
  host.log.info(`Exported a timesheet of ${rows.length} sessions (${query.from} to ${query.to}, ${format}).`);
  await commands.executeCommand('vscode.open', target, { preview: true });
  return { path: target.fsPath, format, rows: rows.length };
}
