// Checks each message the timesheet review's webview posts. It shows names anyone who can write to the feed (or name
// a branch) chose, so it is not trusted: a message is rebuilt from its type's fields, each checked and bounded (row
// ids, how many, how long a note), and anything else is refused with a reason that quotes nothing of it.
import { isRecord, type Parsed } from '../../text/jsonShape';
import { accept, isMember, jsonLength, own, refuse } from '../../text/messageShape';
import { isDayKey } from '../calendar';
import type { DecimalMark, TimesheetFileFormat } from './choices';
import type { ReviewEdits } from './review';
import type { FromReview } from './reviewProtocol';
import { ROUNDING_MINUTES, type RoundingRule } from './rounding';
import type { GroupBy } from './rows';

/** A review of a thousand rows with a note on each fits; the real messages take a few kilobytes. */
export const MAX_REVIEW_MESSAGE_JSON = 1024 * 1024;
export const MAX_REVIEW_DEPTH = 4;
export const MAX_ROW_ID = 1_200;
export const MAX_EDITED_ROWS = 5_000;
export const MAX_NOTE = 500;
export const MAX_LABEL = 200;

const GROUP_BYS: Record<GroupBy, true> = { ticket: true, workspace: true, branch: true, file: true, session: true };
const FORMATS: Record<TimesheetFileFormat, true> = { csv: true, json: true, markdown: true };
const DECIMALS: Record<DecimalMark, true> = { '.': true, ',': true };

export function parseReviewMessage(raw: unknown): Parsed<FromReview> {
  try {
    if (!isRecord(raw)) return refuse('a message must be an object');
    if (jsonLength(raw, MAX_REVIEW_MESSAGE_JSON, MAX_REVIEW_DEPTH) === undefined)
      return refuse('the message is too large, nested too deep, or not JSON');
    switch (own(raw, 'type')) {
      case 'ready':
        return accept({ type: 'ready' });
      case 'draft':
        return parseDraft(raw);
      case 'export':
        return parseExport(raw);
      default:
        return refuse('the message type is not one the review knows');
    }
  } catch {
    return refuse('the message could not be read');
  }
}

function parseDraft(raw: Record<string, unknown>): Parsed<FromReview> {
  const from = own(raw, 'from');
  const to = own(raw, 'to');
  const groupBy = own(raw, 'groupBy');
  if (!isDay(from) || !isDay(to)) return refuse('draft.from and draft.to must be days (YYYY-MM-DD)');
  if (from > to) return refuse('draft.to must not be before draft.from');
  if (!isMember(GROUP_BYS, groupBy)) return refuse('draft.groupBy must be ticket, workspace, branch, file or session');
  return accept({ type: 'draft', from, to, groupBy });
}

function parseExport(raw: Record<string, unknown>): Parsed<FromReview> {
  const format = own(raw, 'format');
  const decimal = own(raw, 'decimal');
  if (!isMember(FORMATS, format)) return refuse('export.format must be csv, json or markdown');
  if (!isMember(DECIMALS, decimal)) return refuse('export.decimal must be "." or ","');
  const rule = parseRule(own(raw, 'rule'));
  if (!rule.ok) return rule;
  const edits = parseEdits(own(raw, 'edits'));
  if (!edits.ok) return edits;
  return accept({ type: 'export', format, decimal, rule: rule.value, edits: edits.value });
}

function parseRule(value: unknown): Parsed<RoundingRule> {
  if (!isRecord(value)) return refuse('export.rule must be an object');
  const minutes = own(value, 'minutes');
  const mode = own(value, 'mode');
  const per = own(value, 'per');
  if (!ROUNDING_MINUTES.some((m) => m === minutes)) return refuse('export.rule.minutes must be 0, 6, 15 or 30');
  if (mode !== 'up' && mode !== 'nearest') return refuse('export.rule.mode must be up or nearest');
  if (per !== 'row' && per !== 'day') return refuse('export.rule.per must be row or day');
  return accept({ minutes: minutes as RoundingRule['minutes'], mode, per });
}

function parseEdits(value: unknown): Parsed<Required<ReviewEdits>> {
  if (!isRecord(value)) return refuse('export.edits must be an object');
  const left = rowIds(own(value, 'left'));
  if (!left) return refuse(`export.edits.left must be at most ${MAX_EDITED_ROWS} row ids`);
  const mergedRaw = own(value, 'merged');
  if (!Array.isArray(mergedRaw) || mergedRaw.length > MAX_EDITED_ROWS)
    return refuse('export.edits.merged must be a list of row id lists');
  const merged: string[][] = [];
  for (const group of mergedRaw) {
    const ids = rowIds(group);
    if (!ids) return refuse('export.edits.merged must be a list of row id lists');
    merged.push(ids);
  }
  const renamed = texts(own(value, 'renamed'), MAX_LABEL);
  if (!renamed) return refuse(`export.edits.renamed must map row ids to names of at most ${MAX_LABEL} characters`);
  const notes = texts(own(value, 'notes'), MAX_NOTE);
  if (!notes) return refuse(`export.edits.notes must map row ids to notes of at most ${MAX_NOTE} characters`);
  return accept({ left, merged, renamed, notes });
}

function rowIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_EDITED_ROWS) return undefined;
  const ids: string[] = [];
  for (const id of value as unknown[]) {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ROW_ID) return undefined;
    ids.push(id);
  }
  return ids;
}

/** A map of row ids to texts, rebuilt without a prototype so no key (`__proto__`) can reach one. */
function texts(value: unknown, max: number): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const key of Object.keys(value)) {
    const text = own(value, key);
    if (key.length > MAX_ROW_ID || typeof text !== 'string' || text.length > max || ++count > MAX_EDITED_ROWS) return undefined;
    out[key] = text;
  }
  return out;
}

function isDay(value: unknown): value is string {
  return isDayKey(value) && value >= '2000-01-01' && value <= '2099-12-31';
}
