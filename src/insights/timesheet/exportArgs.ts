// The Export Timesheet command's arguments, from whoever ran it (automation through executeCommand, a keybinding):
// every field is checked, and a wrong one is named in the message rather than guessed at. Pure.
import { addDays, dayKey, isDayKey } from '../calendar';
import { isRecord } from '../../text/jsonShape';
import { outside, say, type Shown } from '../../text/shown';
import type { DecimalMark, TimesheetFileFormat } from './choices';
import { NO_ROUNDING, ROUNDING_MINUTES, type RoundingRule } from './rounding';
import { GROUP_BYS, type GroupBy } from './rows';

export interface ExportRequest {
  from: string;
  to: string;
  groupBy: GroupBy;
  rule: RoundingRule;
  /** Unset: the path's extension says, or a quick pick asks. */
  format?: TimesheetFileFormat;
  /** Absolute path of the file to write; unset: a save dialog asks (Markdown goes to the clipboard). */
  path?: string;
  decimal: DecimalMark;
  workspace?: string;
  language?: string;
}

export const DEFAULT_GROUP_BY: GroupBy = 'ticket';
const FORMATS: readonly TimesheetFileFormat[] = ['csv', 'json', 'markdown'];
const MAX_FILTER = 500;

/** The request, or a message naming the argument that is wrong. `isAbsolute` is the platform's path rule. */
export function exportRequestOf(raw: unknown, now: number, isAbsolute: (path: string) => boolean): ExportRequest | Shown {
  const args = isRecord(raw) ? raw : {};
  const to = args.to ?? dayKey(now);
  const from = args.from ?? (isDayKey(to) ? addDays(to, -29) : to);
  if (!isDayKey(from) || !isDayKey(to))
    return say('Dates are written YYYY-MM-DD (got {0} and {1}).', outside(from, 60), outside(to, 60));
  if (from > to) return say('The range ends ({0}) before it starts ({1}).', to, from);
  const groupBy = args.groupBy ?? DEFAULT_GROUP_BY;
  if (!GROUP_BYS.includes(groupBy as GroupBy))
    return say('groupBy is one of {0} (got {1}).', GROUP_BYS.join(', '), outside(groupBy, 60));
  const rule = ruleOf(args.rounding);
  if (typeof rule === 'string') return rule;
  if (args.format !== undefined && !FORMATS.includes(args.format as TimesheetFileFormat))
    return say('format is one of {0} (got {1}).', FORMATS.join(', '), outside(args.format, 60));
  if (args.decimal !== undefined && args.decimal !== '.' && args.decimal !== ',')
    return say('decimal is "." or "," (got {0}).', outside(args.decimal, 60));
  const path = args.path === undefined || args.path === null || args.path === '' ? undefined : args.path;
  if (path !== undefined && (typeof path !== 'string' || !isAbsolute(path)))
    return say('The timesheet path must be absolute: {0}', outside(path, 60));
  const format = (args.format as TimesheetFileFormat | undefined) ?? (path !== undefined ? formatOfPath(path) : undefined);
  return {
    from,
    to,
    groupBy: groupBy as GroupBy,
    rule,
    ...(format ? { format } : {}),
    ...(path !== undefined ? { path } : {}),
    decimal: args.decimal === ',' ? ',' : '.',
    ...(filter(args.workspace) ? { workspace: args.workspace as string } : {}),
    ...(filter(args.language) ? { language: args.language as string } : {}),
  };
}

/** `{ minutes: 15, mode: 'up', per: 'row' }`; `mode` and `per` may be left out (up, per row); none or 0 for none. */
export function ruleOf(raw: unknown): RoundingRule | Shown {
  if (raw === undefined || raw === null || raw === 'none') return NO_ROUNDING;
  if (!isRecord(raw))
    return say('rounding is an object such as {0} (got {1}).', '{"minutes":15,"mode":"up","per":"row"}', outside(raw, 60));
  const { minutes, mode = 'up', per = 'row' } = raw;
  if (!ROUNDING_MINUTES.includes(minutes as RoundingRule['minutes']))
    return say('rounding.minutes is one of {0} (got {1}).', ROUNDING_MINUTES.join(', '), outside(minutes, 60));
  if (mode !== 'up' && mode !== 'nearest') return say('rounding.mode is "up" or "nearest" (got {0}).', outside(mode, 60));
  if (per !== 'row' && per !== 'day') return say('rounding.per is "row" or "day" (got {0}).', outside(per, 60));
  return { minutes: minutes as RoundingRule['minutes'], mode, per };
}

function formatOfPath(path: string): TimesheetFileFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return undefined;
}

function filter(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FILTER;
}
