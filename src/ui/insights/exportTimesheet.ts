// Activity Feed: Export Timesheet. From the panel (its range and filters) or from automation with
// {from, to, format, path}; writes CSV or JSON and opens the file.
import { extname, isAbsolute } from 'node:path';
import { Uri, commands, l10n, window, workspace } from 'vscode';
import type { InsightsQuery } from '../../insights/aggregate';
import { addDays, dayKey, isDayKey } from '../../insights/calendar';
import { renderTimesheet, timesheetRows, type TimesheetFormat } from '../../insights/timesheet';
import type { ExportArgs, ExportResult, InsightsHost } from './host';
import { sessionsOf } from './resolver';

function queryOf(args: ExportArgs): InsightsQuery | string {
  const to = args.to ?? dayKey(Date.now());
  const from = args.from ?? addDays(to, -29);
  if (!isDayKey(from) || !isDayKey(to))
    return l10n.t('Dates are written YYYY-MM-DD (got {0} and {1}).', String(from), String(to));
  if (from > to) return l10n.t('The range ends ({0}) before it starts ({1}).', to, from);
  return {
    from,
    to,
    ...(typeof args.workspace === 'string' && args.workspace ? { workspace: args.workspace } : {}),
    ...(typeof args.language === 'string' && args.language ? { language: args.language } : {}),
  };
}

async function formatOf(args: ExportArgs): Promise<TimesheetFormat | undefined> {
  if (args.format === 'csv' || args.format === 'json') return args.format;
  const extension = args.path ? extname(args.path).toLowerCase() : '';
  if (extension === '.csv' || extension === '.json') return extension.slice(1) as TimesheetFormat;
  const pick = await window.showQuickPick(
    [
      { label: 'CSV', description: l10n.t('for spreadsheets'), format: 'csv' as const },
      { label: 'JSON', description: l10n.t('for scripts'), format: 'json' as const },
    ],
    { title: l10n.t('Export Timesheet') },
  );
  return pick?.format;
}

async function targetOf(args: ExportArgs, query: InsightsQuery, format: TimesheetFormat): Promise<Uri | undefined> {
  if (typeof args.path === 'string' && args.path) return isAbsolute(args.path) ? Uri.file(args.path) : undefined;
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const name = `timesheet-${query.from}-${query.to}.${format}`;
  return window.showSaveDialog({
    title: l10n.t('Export Timesheet'),
    ...(folder ? { defaultUri: Uri.joinPath(folder, name) } : {}),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
}

export async function exportTimesheet(host: InsightsHost, raw: unknown): Promise<ExportResult | undefined> {
  const args: ExportArgs = typeof raw === 'object' && raw !== null ? raw : {};
  const query = queryOf(args);
  if (typeof query === 'string') {
    void window.showErrorMessage(query);
    return undefined;
  }
  const format = await formatOf(args);
  if (!format) return undefined;
  const state = await host.feed.refresh({ force: false });
  if (host.feed.lastReadAt === undefined) {
    void window.showErrorMessage(l10n.t('The timesheet needs your activity feed, which could not be read ({0}).', state.kind));
    return undefined;
  }
  const target = await targetOf(args, query, format);
  if (!target) {
    if (args.path) void window.showErrorMessage(l10n.t('The timesheet path must be absolute: {0}', args.path));
    return undefined;
  }
  const rows = timesheetRows(sessionsOf(host), query);
  await workspace.fs.writeFile(target, Buffer.from(renderTimesheet(rows, query, format), 'utf8'));
  host.log.info(`Exported a timesheet of ${rows.length} sessions (${query.from} to ${query.to}, ${format}).`);
  await commands.executeCommand('vscode.open', target, { preview: true });
  return { path: target.fsPath, format, rows: rows.length };
}
