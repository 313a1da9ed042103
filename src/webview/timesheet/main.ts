// The timesheet review's webview: the range's rows as a table the person edits (include, merge, rename, note), the
// rounding, and totals that follow every change; the edits go to the panel only with an export. Everything from the
// feed or a branch name is inserted as text, never as HTML.
import type { ReviewDraft, FromReview, ToReview } from '../../insights/timesheet/reviewProtocol';
import { reviewRows } from '../../insights/timesheet/review';
import { billedSeconds, type RoundingRule } from '../../insights/timesheet/rounding';
import type { DecimalMark, TimesheetFileFormat } from '../../insights/timesheet/choices';
import type { GroupBy, TimesheetRow } from '../../insights/timesheet/rows';
import { totalsOf } from '../../insights/timesheet/totals';
import { hours, hoursAndMinutes } from '../../insights/timesheet/units';
import { el, fill } from '../dom';

interface VsCodeApi {
  postMessage(message: FromReview | { type: 'rendered'; rows: number; renderMs: number }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('timesheet-root') as HTMLElement;
let strings: Record<string, string> = {};
let draft: ReviewDraft | undefined;
let rule: RoundingRule = { minutes: 0, mode: 'up', per: 'row' };
let decimal: DecimalMark = '.';
let status = '';
const left = new Set<string>();
const selected = new Set<string>();
let merges: string[][] = [];
const renamed = new Map<string, string>();
const notes = new Map<string, string>();

function t(key: string, ...args: (string | number)[]): string {
  return fill(strings, key, args);
}

function select(
  id: string,
  label: string,
  options: [string, string][],
  value: string,
  onChange: (v: string) => void,
): HTMLElement {
  const control = el('select', { id });
  for (const [optionValue, text] of options) {
    const option = el('option', { value: optionValue }, text);
    option.selected = optionValue === value;
    control.append(option);
  }
  control.addEventListener('change', () => onChange(control.value));
  return el('label', { for: id }, el('span', {}, label), control);
}

function time(seconds: number): string {
  return `${hours(seconds).toFixed(2)} h (${hoursAndMinutes(seconds)})`;
}

/** The rows as the review shows them: merged and renamed; rows left out stay listed, unchecked. */
function shownRows(): TimesheetRow[] {
  return draft ? reviewRows(draft.rows, { merged: merges, renamed: Object.fromEntries(renamed) }) : [];
}

function billedOf(rows: readonly TimesheetRow[]): Map<string, number> {
  const kept = rows.filter((row) => !left.has(row.id));
  const billed = billedSeconds(kept, rule);
  return new Map(kept.map((row, i) => [row.id, billed[i]]));
}

function resetEdits(): void {
  left.clear();
  selected.clear();
  merges = [];
  renamed.clear();
  notes.clear();
}

function post(message: FromReview): void {
  vscode.postMessage(message);
}

function askForDraft(from: string, to: string, groupBy: GroupBy): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return;
  resetEdits();
  post({ type: 'draft', from, to, groupBy });
}

function controls(current: ReviewDraft): HTMLElement {
  const from = el('input', { id: 'from', type: 'date', value: current.from });
  const to = el('input', { id: 'to', type: 'date', value: current.to });
  const groups: [string, string][] = ['ticket', 'workspace', 'branch', 'file', 'session'].map((g) => [g, t(`groupBy.${g}`)]);
  const changeRange = () => askForDraft(from.value, to.value, current.groupBy);
  from.addEventListener('change', changeRange);
  to.addEventListener('change', changeRange);
  return el(
    'form',
    { class: 'controls', 'aria-label': t('rounding') },
    el('label', { for: 'from' }, el('span', {}, t('from')), from),
    el('label', { for: 'to' }, el('span', {}, t('to')), to),
    select('groupBy', t('groupBy'), groups, current.groupBy, (value) => askForDraft(current.from, current.to, value as GroupBy)),
    select(
      'rounding',
      t('rounding'),
      ['0', '6', '15', '30'].map((m) => [m, t(`rounding.${m}`)]),
      String(rule.minutes),
      (value) => {
        rule = { ...rule, minutes: Number(value) as RoundingRule['minutes'] };
        render();
      },
    ),
    select(
      'mode',
      t('mode'),
      [
        ['up', t('mode.up')],
        ['nearest', t('mode.nearest')],
      ],
      rule.mode,
      (value) => {
        rule = { ...rule, mode: value === 'nearest' ? 'nearest' : 'up' };
        render();
      },
    ),
    select(
      'per',
      t('per'),
      [
        ['row', t('per.row')],
        ['day', t('per.day')],
      ],
      rule.per,
      (value) => {
        rule = { ...rule, per: value === 'day' ? 'day' : 'row' };
        render();
      },
    ),
    select(
      'decimal',
      t('decimal'),
      [
        ['.', t('decimal.point')],
        [',', t('decimal.comma')],
      ],
      decimal,
      (value) => {
        decimal = value === ',' ? ',' : '.';
      },
    ),
  );
}

function checkbox(id: string, checked: boolean, label: string, onChange: (checked: boolean) => void): HTMLInputElement {
  const box = el('input', { id, type: 'checkbox', 'aria-label': label });
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

/** A text box that moves to the same box of the row above or below on ↑ and ↓, as a spreadsheet does. */
function textBox(id: string, value: string, label: string, max: number, onInput: (value: string) => void): HTMLInputElement {
  const box = el('input', { id, type: 'text', value, maxlength: String(max), 'aria-label': label });
  box.addEventListener('input', () => onInput(box.value));
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const column = id.split(':')[0];
    const boxes = [...root.querySelectorAll<HTMLInputElement>(`input[id^="${column}:"]`)];
    const next = boxes[boxes.indexOf(box) + (event.key === 'ArrowUp' ? -1 : 1)] as HTMLInputElement | undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
  return box;
}

function rowOf(row: TimesheetRow, index: number, billed: Map<string, number>): HTMLTableRowElement {
  const included = !left.has(row.id);
  const tr = el('tr', { 'data-id': row.id, 'data-seconds': String(row.seconds), 'data-day': row.day });
  if (!included) tr.classList.add('left-out');
  const billedSeconds = billed.get(row.id);
  if (billedSeconds !== undefined) tr.dataset.billed = String(billedSeconds);
  const group = el(
    'td',
    {},
    textBox(`name:${index}`, row.label, t('nameFor', row.label, row.day), 200, (value) => renamed.set(row.id, value)),
  );
  if (row.split) group.append(el('span', { class: 'split' }, t('split')));
  tr.append(
    el(
      'td',
      {},
      checkbox(`include:${index}`, included, t('includeRow', row.label, row.day), (checked) => {
        if (checked) left.delete(row.id);
        else left.add(row.id);
        render();
      }),
    ),
    el(
      'td',
      {},
      checkbox(`select:${index}`, selected.has(row.id), t('selectRow', row.label, row.day), (checked) => {
        if (checked) selected.add(row.id);
        else selected.delete(row.id);
        render();
      }),
    ),
    el('th', { scope: 'row' }, row.day),
    group,
    el('td', { class: 'files' }, row.files.join(', ')),
    el('td', { class: 'number' }, String(row.sessions)),
    el('td', { class: 'number' }, time(row.seconds)),
    el('td', { class: 'number' }, billedSeconds === undefined ? '—' : time(billedSeconds)),
    el(
      'td',
      {},
      textBox(`note:${index}`, notes.get(row.id) ?? '', t('noteFor', row.label, row.day), 500, (value) =>
        notes.set(row.id, value),
      ),
    ),
  );
  return tr;
}

function mergeBar(rows: readonly TimesheetRow[]): HTMLElement {
  const chosen = rows.filter((row) => selected.has(row.id));
  const oneDay = chosen.length >= 2 && chosen.every((row) => row.day === chosen[0].day);
  const merge = el('button', { id: 'merge', type: 'button' }, t('merge'));
  merge.disabled = !oneDay;
  merge.addEventListener('click', () => {
    merges.push(chosen.map((row) => row.id));
    status = t('merged', chosen.length);
    selected.clear();
    render();
  });
  const undo = el('button', { id: 'unmerge', type: 'button', class: 'secondary' }, t('unmerge'));
  undo.disabled = merges.length === 0;
  undo.addEventListener('click', () => {
    merges = [];
    render();
  });
  return el('div', { class: 'actions' }, merge, undo, el('span', { class: 'help' }, t('mergeHelp')));
}

function totals(rows: readonly TimesheetRow[], billed: Map<string, number>): HTMLElement {
  const kept = rows.filter((row) => !left.has(row.id)).map((row) => ({ ...row, billedSeconds: billed.get(row.id) ?? 0 }));
  const sums = totalsOf(kept);
  const line = (seconds: number, billedSeconds: number, count: number) =>
    t(
      'totalLine',
      hours(billedSeconds).toFixed(2),
      hoursAndMinutes(billedSeconds),
      hours(seconds).toFixed(2),
      hoursAndMinutes(seconds),
      count,
    );
  const list = el('ul', {});
  for (const week of sums.weeks)
    list.append(
      el(
        'li',
        { 'data-total': `week:${week.weekOf}`, 'data-seconds': String(week.seconds), 'data-billed': String(week.billedSeconds) },
        `${t('weekOf', week.weekOf)}: ${line(week.seconds, week.billedSeconds, kept.filter((r) => weekOf(r.day) === week.weekOf).length)}`,
      ),
    );
  list.append(
    el(
      'li',
      { 'data-total': 'range', 'data-seconds': String(sums.seconds), 'data-billed': String(sums.billedSeconds), class: 'total' },
      `${t('total')}: ${line(sums.seconds, sums.billedSeconds, kept.length)}`,
    ),
  );
  return el('section', { class: 'totals', 'aria-live': 'polite', 'aria-label': t('totalsCaption') }, list);
}

/** The Monday of a day's week (local calendar arithmetic on the day key). */
function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function exportBar(): HTMLElement {
  const button = (id: string, label: string, format: TimesheetFileFormat) => {
    const b = el('button', { id, type: 'button' }, label);
    b.addEventListener('click', () =>
      post({
        type: 'export',
        format,
        decimal,
        rule,
        edits: { left: [...left], merged: merges, renamed: Object.fromEntries(renamed), notes: Object.fromEntries(notes) },
      }),
    );
    return b;
  };
  return el(
    'div',
    { class: 'actions export' },
    button('export-csv', t('exportCsv'), 'csv'),
    button('export-json', t('exportJson'), 'json'),
    button('copy-markdown', t('copyMarkdown'), 'markdown'),
  );
}

function render(): void {
  if (!draft) return;
  const started = performance.now();
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  const rows = shownRows();
  const billed = billedOf(rows);
  const head = ['include', 'select', 'day', `groupBy.${draft.groupBy}`, 'files', 'sessions', 'active', 'billed', 'note'];
  const body = el('tbody', {}, ...rows.map((row, i) => rowOf(row, i, billed)));
  root.replaceChildren(
    el('h1', {}, t('title')),
    el('p', { class: 'intro' }, t('intro')),
    el('p', { class: 'zone' }, t('timeZone', draft.timeZone)),
    ...(draft.otherMachines ? [] : [el('p', { class: 'warning', role: 'status' }, t('thisMachineOnly'))]),
    ...(draft.ticketProblem ? [el('p', { class: 'warning', role: 'status' }, t('ticketProblem', draft.ticketProblem))] : []),
    controls(draft),
    rows.length === 0
      ? el('p', { class: 'notice', role: 'status' }, t('none'))
      : el(
          'table',
          { 'data-figure': 'timesheet' },
          el('caption', {}, t('caption', draft.from, draft.to)),
          el('thead', {}, el('tr', {}, ...head.map((key) => el('th', { scope: 'col' }, t(key))))),
          body,
        ),
    mergeBar(rows),
    totals(rows, billed),
    exportBar(),
    el('p', { id: 'status', role: 'status' }, status),
  );
  root.dataset.state = 'review';
  if (focused) document.getElementById(focused)?.focus();
  const renderMs = performance.now() - started;
  // Once the frame with the rows is on screen: how long building the table took, for the panel's timings.
  requestAnimationFrame(() => vscode.postMessage({ type: 'rendered', rows: rows.length, renderMs }));
}

window.addEventListener('message', (event: MessageEvent<ToReview>) => {
  const message = event.data;
  if (message?.type === 'exported') {
    status = message.message;
    render();
    return;
  }
  if (message?.type !== 'draft') return;
  strings = message.strings;
  // The rounding and decimals are the person's once chosen here; a new range keeps them.
  if (!draft) {
    rule = message.draft.rule;
    decimal = message.draft.decimal;
  }
  draft = message.draft;
  render();
});

post({ type: 'ready' });
