// The Insights webview: renders what the extension computed (src/insights/aggregate.ts) and sends back what the
// person asks for (a range, a filter, Refresh, an export). Feed data is shown with textContent only, never as HTML.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Insights, InsightsQuery, Named } from '../../insights/aggregate';
import type { FromWebview, PanelAction, PanelState, RangePreset, ToWebview } from '../../insights/protocol';
import { el, fill } from '../dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const scriptStarted = performance.now();
const vscode = acquireVsCodeApi();
const root = document.getElementById('insights-root') as HTMLElement;
let strings: Record<string, string> = {};
let chart: Chart | undefined;
let firstChartReported = false;
/** When the first figures arrived (from the script starting), for the first chart's breakdown. */
let firstFiguresArrivedMs: number | undefined;

const post = (message: FromWebview) => vscode.postMessage(message);

function t(key: string, ...args: (string | number)[]): string {
  return fill(strings, key, args);
}

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return t('seconds', Math.floor(seconds));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? t('hoursMinutes', hours, minutes % 60) : t('minutes', minutes);
}

function seconds(node: HTMLElement, value: number): HTMLElement {
  node.dataset.seconds = String(value);
  return node;
}

function table(
  figure: string,
  caption: string,
  head: string[],
  rows: { cells: (string | number)[]; seconds?: number; key?: string }[],
): HTMLTableElement {
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    if (row.key !== undefined) tr.dataset.key = row.key;
    if (row.seconds !== undefined) seconds(tr, row.seconds);
    row.cells.forEach((cell, i) => tr.append(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, String(cell))));
    body.append(tr);
  }
  const result = el(
    'table',
    { 'data-figure': figure },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    body,
  );
  return result;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

const PALETTE = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
  '--vscode-charts-foreground',
  '--vscode-descriptionForeground',
];

function select(id: string, label: string, options: [string, string][], value: string): HTMLElement {
  const control = el('select', { id });
  for (const [optionValue, text] of options) {
    const option = el('option', { value: optionValue }, text);
    if (optionValue === value) option.selected = true;
    control.append(option);
  }
  control.addEventListener('change', () => sendQuery());
  return el('label', { for: id }, label, control);
}

let current: { query: InsightsQuery; preset: RangePreset } | undefined;

function dayInput(id: string, label: string, value: string): HTMLElement {
  const input = el('input', { id, type: 'date', value });
  input.addEventListener('change', () => sendQuery());
  return el('label', { for: id }, label, input);
}

function valueOf(id: string): string {
  return (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
}

function todayKey(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function daysBefore(key: string, count: number): string {
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(y, m - 1, d - count);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function sendQuery(): void {
  const preset = valueOf('range') as RangePreset;
  const to = preset === 'custom' ? valueOf('to') || todayKey() : todayKey();
  const from = preset === 'custom' ? valueOf('from') || daysBefore(to, 29) : daysBefore(to, Number(preset) - 1);
  const workspace = valueOf('workspace');
  const language = valueOf('language');
  const branch = valueOf('branch');
  const ticket = valueOf('ticket');
  const query: InsightsQuery = {
    from,
    to,
    ...(workspace ? { workspace } : {}),
    ...(language ? { language } : {}),
    ...(branch ? { branch } : {}),
    ...(ticket ? { ticket } : {}),
  };
  current = { query, preset };
  vscode.setState(current);
  post({ type: 'query', query, preset });
}

function header(state: Extract<PanelState, { kind: 'insights' }> | undefined): HTMLElement {
  const refresh = el('button', { type: 'button', id: 'refresh' }, t('refresh'));
  refresh.addEventListener('click', () => post({ type: 'refresh' }));
  const bar = el('div', { class: 'toolbar' }, refresh);
  if (state) {
    const csv = el('button', { type: 'button', id: 'export-csv', class: 'secondary' }, t('exportCsv'));
    const json = el('button', { type: 'button', id: 'export-json', class: 'secondary' }, t('exportJson'));
    csv.addEventListener('click', () => post({ type: 'export', format: 'csv' }));
    json.addEventListener('click', () => post({ type: 'export', format: 'json' }));
    bar.append(csv, json);
  }
  const head = el('header', {}, el('h1', {}, t('title')), bar);
  if (state) head.append(el('p', { class: 'read-line', id: 'read-line' }, state.readLine));
  if (state?.warning) head.append(el('p', { class: 'warning', role: 'status' }, state.warning));
  if (state?.history) head.append(el('p', { class: 'history-note', id: 'history-note' }, state.history));
  if (state?.actions) head.append(actionBar(state.actions));
  return head;
}

/** The next steps a state offers, as buttons the extension maps to commands. */
function actionBar(actions: readonly PanelAction[]): HTMLElement {
  const bar = el('div', { class: 'toolbar' });
  for (const action of actions) {
    const button = el('button', { type: 'button', 'data-action': action.id }, action.label);
    button.addEventListener('click', () => post({ type: 'action', id: action.id }));
    bar.append(button);
  }
  return bar;
}

function filters(insights: Insights, preset: RangePreset): HTMLElement {
  const { query, options } = insights;
  const rangeOptions: [string, string][] = [
    ['7', t('last7')],
    ['30', t('last30')],
    ['90', t('last90')],
    ['custom', t('custom')],
  ];
  const named = (list: Named[]): [string, string][] => [
    ['', t('all')],
    ...list.map((n): [string, string] => [n.key, `${n.label} (${duration(n.seconds)})`]),
  ];
  const form = el('form', { class: 'filters', 'aria-label': t('range') }, select('range', t('range'), rangeOptions, preset));
  if (preset === 'custom') form.append(dayInput('from', t('from'), query.from), dayInput('to', t('to'), query.to));
  form.append(
    select('workspace', t('workspace'), named(options.workspaces), query.workspace ?? ''),
    select('language', t('language'), named(options.languages), query.language ?? ''),
    select('branch', t('branch'), named(options.branches), query.branch ?? ''),
    select('ticket', t('ticket'), named(options.tickets), query.ticket ?? ''),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

function totals(insights: Insights): HTMLElement {
  const { totals: sums, machines } = insights;
  const tile = (key: string, label: string, value: number) =>
    seconds(
      el(
        'div',
        { class: 'total', 'data-total': key },
        el('span', { class: 'label' }, label),
        el('span', { class: 'value' }, duration(value)),
      ),
      value,
    );
  const share = machines.all > 0 ? Math.round((machines.thisMachine / machines.all) * 100) : 0;
  const machineTile = el(
    'div',
    { class: 'total', 'data-total': 'thisMachine' },
    el('span', { class: 'label' }, t('machines')),
    el('span', { class: 'value' }, duration(machines.thisMachine)),
  );
  machineTile.append(
    el('span', { class: 'detail' }, t('machinesOf', duration(machines.thisMachine), duration(machines.all), share)),
  );
  const meter = el('meter', {
    min: '0',
    max: '100',
    value: String(share),
    'aria-label': t('machinesOf', duration(machines.thisMachine), duration(machines.all), share),
  });
  machineTile.append(meter);
  seconds(machineTile, machines.thisMachine).dataset.allSeconds = String(machines.all);
  return el(
    'section',
    { class: 'totals', 'aria-label': t('total') },
    tile('today', t('today'), sums.today),
    tile('week', t('week'), sums.week),
    tile('range', t('rangeTotal'), sums.range),
    tile('dailyAverage', t('dailyAverage'), sums.dailyAverage),
    machineTile,
  );
}

function perDay(insights: Insights): HTMLElement {
  const by = insights.stackBy === 'workspace' ? t('byWorkspace') : t('byLanguage');
  const canvas = el('canvas', { id: 'per-day-chart', role: 'img', 'aria-label': t('chartLabel') });
  const head = [t('day'), t('total'), ...insights.stacks.map((s) => s.label)];
  const rows = insights.days.map((d) => ({
    key: d.day,
    seconds: d.seconds,
    cells: [d.day, duration(d.seconds), ...insights.stacks.map((s) => duration(d.byStack[s.key] ?? 0))],
  }));
  const section = el(
    'section',
    { class: 'per-day' },
    el('h2', {}, `${t('perDay')} (${t('perDayBy', by)})`),
    el('div', { class: 'chart' }, canvas),
  );
  section.append(el('details', {}, el('summary', {}, t('showTable')), table('days', t('perDay'), head, rows)));
  queueMicrotask(() => drawChart(canvas, insights));
  return section;
}

function drawChart(canvas: HTMLCanvasElement, insights: Insights): void {
  chart?.destroy();
  const foreground = cssVar('--vscode-foreground', '#888');
  const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  // Hours on the axis, or minutes when no day reaches two hours.
  const perUnit = Math.max(0, ...insights.days.map((d) => d.seconds)) >= 7200 ? 3600 : 60;
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: insights.days.map((d) => d.day.slice(5)),
      datasets: insights.stacks.map((stack, i) => ({
        label: stack.label,
        data: insights.days.map((d) => Math.round(((d.byStack[stack.key] ?? 0) / perUnit) * 100) / 100),
        backgroundColor: cssVar(PALETTE[i % PALETTE.length], '#888'),
        stack: 'time',
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        x: { stacked: true, ticks: { color: foreground }, grid: { color: grid } },
        y: {
          stacked: true,
          ticks: { color: foreground },
          grid: { color: grid },
          title: { display: true, text: perUnit === 3600 ? t('hoursAxis') : t('minutesAxis'), color: foreground },
        },
      },
      plugins: {
        legend: { labels: { color: foreground } },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${duration(Math.round(Number(item.raw) * perUnit))}` },
        },
      },
    },
  });
  if (!firstChartReported) {
    firstChartReported = true;
    const builtMs = performance.now() - scriptStarted;
    const stateArrivedMs = firstFiguresArrivedMs ?? builtMs;
    requestAnimationFrame(() =>
      post({ type: 'rendered', sinceScriptMs: performance.now() - scriptStarted, stateArrivedMs, builtMs, charts: 1 }),
    );
  }
}

function topLists(insights: Insights): HTMLElement {
  return el(
    'section',
    { class: 'tops' },
    table(
      'topFiles',
      t('topFiles'),
      [t('file'), t('workspace'), t('language'), t('time'), t('sessions')],
      insights.topFiles.map((f) => ({
        key: f.key,
        seconds: f.seconds,
        cells: [f.label, f.workspace, f.language, duration(f.seconds), f.sessions],
      })),
    ),
    table(
      'topWorkspaces',
      t('topWorkspaces'),
      [t('workspace'), t('time')],
      insights.topWorkspaces.map((w) => ({ key: w.key, seconds: w.seconds, cells: [w.label, duration(w.seconds)] })),
    ),
    table(
      'topLanguages',
      t('topLanguages'),
      [t('language'), t('time')],
      insights.topLanguages.map((l) => ({ key: l.key, seconds: l.seconds, cells: [l.label, duration(l.seconds)] })),
    ),
    table(
      'topBranches',
      t('topBranches'),
      [t('branch'), t('time')],
      insights.topBranches.map((b) => ({ key: b.key, seconds: b.seconds, cells: [b.label, duration(b.seconds)] })),
    ),
    table(
      'topTickets',
      t('topTickets'),
      [t('ticket'), t('time')],
      insights.topTickets.map((k) => ({ key: k.key, seconds: k.seconds, cells: [k.label, duration(k.seconds)] })),
    ),
  );
}

function heatmap(insights: Insights): HTMLElement {
  const max = Math.max(1, ...insights.heatmap.flat());
  const weekdays = t('weekdays').split('|');
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, t('day')),
    ...Array.from({ length: 24 }, (_, h) => el('th', { scope: 'col' }, String(h))),
  );
  const body = el('tbody');
  insights.heatmap.forEach((hours, weekday) => {
    const tr = el('tr', {}, el('th', { scope: 'row' }, weekdays[weekday] ?? String(weekday)));
    hours.forEach((value, hour) => {
      const cell = seconds(
        el(
          'td',
          { title: `${weekdays[weekday]} ${hour}:00 · ${duration(value)}` },
          el('span', { class: 'sr-only' }, duration(value)),
        ),
        value,
      );
      // CSSOM, not a style attribute: the content security policy allows no inline styles.
      cell.style.setProperty('--level', (value / max).toFixed(3));
      tr.append(cell);
    });
    body.append(tr);
  });
  return el(
    'section',
    { class: 'heatmap' },
    el('table', { 'data-figure': 'heatmap' }, el('caption', {}, t('heatmap')), el('thead', {}, head), body),
  );
}

function longest(insights: Insights): HTMLElement {
  return el(
    'section',
    { class: 'longest' },
    table(
      'longest',
      t('longest'),
      [t('file'), t('workspace'), t('started'), t('time'), t('machine')],
      insights.longestSessions.map((s) => ({
        key: s.id,
        seconds: s.seconds,
        cells: [
          s.file,
          s.workspace,
          new Date(s.startedAt).toLocaleString(),
          duration(s.seconds),
          s.thisMachine ? t('thisMachine') : t('otherMachine'),
        ],
      })),
    ),
  );
}

function render(state: PanelState): void {
  const focused = document.activeElement?.id;
  root.replaceChildren();
  root.dataset.state =
    state.kind === 'notice' ? state.reason : state.kind === 'insights' ? (state.localOnly ?? state.kind) : state.kind;
  if (state.kind === 'loading') {
    root.append(header(undefined), el('p', { class: 'notice', role: 'status' }, state.message));
    return;
  }
  if (state.kind === 'notice') {
    root.append(
      el(
        'section',
        { class: 'notice', role: 'status' },
        el('h1', {}, state.title),
        el('p', {}, state.message),
        actionBar(state.actions),
      ),
    );
    return;
  }
  const { insights } = state;
  current = { query: insights.query, preset: state.preset };
  vscode.setState(current);
  root.append(header(state), filters(insights, state.preset), totals(insights));
  if (insights.totals.range === 0) root.append(el('p', { class: 'notice', role: 'status' }, t('none')));
  root.append(perDay(insights), topLists(insights), heatmap(insights), longest(insights));
  if (focused) document.getElementById(focused)?.focus();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type !== 'state') return;
  if (event.data.state.kind === 'insights') firstFiguresArrivedMs ??= performance.now() - scriptStarted;
  strings = event.data.strings;
  render(event.data.state);
});

post({ type: 'ready' });
