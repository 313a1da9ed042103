// Reads and drives the Insights webview from the harness side: webviews are nested iframes of the workbench, so the
// probe finds the frame that holds #insights-root and works on its DOM as a person (or a screen reader) would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';

/** `root` names the webview by its root element: the Insights panel (default) or the timesheet review. */
type Root = { root?: 'insights' | 'timesheet' };

export type ProbeCommand =
  | { op: 'dump' }
  | ({ op: 'select'; id: string; value: string } & Root)
  | ({ op: 'click'; selector: string } & Root)
  /** Types into a text box as a person would (replacing what it held), then leaves it. */
  | ({ op: 'fill'; selector: string; value: string } & Root)
  | ({ op: 'check'; selector: string; checked: boolean } & Root)
  /** Focuses an element and presses a key (keyboard navigation), answering with the id of the element focused then. */
  | ({ op: 'press'; selector: string; key: string } & Root)
  /** The review's rows and totals as the DOM shows them. */
  | { op: 'review' }
  /** Answers the editor's save dialog (in the browser, its own quick-input dialog) with a path, as a person types it. */
  | { op: 'saveAs'; path: string }
  /** The text of the card preview webview (Preview Next Payload's cards), once the renderer has drawn a card. */
  | { op: 'cards' }
  /** Opens the emulator's timeline page in a new tab and returns the text of each card as the renderer drew it. */
  | { op: 'timeline'; url: string };

/** What the DOM shows: the state, each total (seconds), each table's rows (key, seconds, cell texts), the filters. */
export interface WebviewDump {
  state: string;
  totals: Record<string, number>;
  allMachinesSeconds: number | undefined;
  tables: Record<string, { key: string; seconds: number | undefined; cells: string[] }[]>;
  selects: Record<string, { value: string; options: string[] }>;
  text: string;
  /** Elements that feed data could have smuggled in, were it parsed as HTML. */
  injected: number;
  charts: number;
}

// Runs inside the webview (a string, because the harness is compiled without the DOM's types).
const DUMP = `(() => {
  const root = document.getElementById('insights-root');
  const num = (v) => (v === undefined ? undefined : Number(v));
  const totals = {};
  for (const el of root.querySelectorAll('[data-total]')) totals[el.dataset.total] = Number(el.dataset.seconds);
  const machine = root.querySelector('[data-total="thisMachine"]');
  const tables = {};
  for (const table of root.querySelectorAll('table[data-figure]')) {
    tables[table.dataset.figure] = [...table.querySelectorAll('tbody tr')].map((tr) => ({
      key: tr.dataset.key ?? '',
      seconds: num(tr.dataset.seconds),
      cells: [...tr.children].map((c) => c.textContent),
    }));
    if (table.dataset.figure === 'heatmap') tables.heatmap = [...table.querySelectorAll('tbody tr')].map((tr) => ({ key: tr.firstChild.textContent, seconds: [...tr.querySelectorAll('td')].reduce((n, td) => n + Number(td.dataset.seconds), 0), cells: [] }));
  }
  const selects = {};
  for (const s of root.querySelectorAll('select')) selects[s.id] = { value: s.value, options: [...s.options].map((o) => o.value) };
  return { state: root.dataset.state, totals, allMachinesSeconds: machine ? Number(machine.dataset.allSeconds) : undefined, tables, selects, text: root.innerText, injected: root.querySelectorAll('img, script, iframe, object').length, charts: root.querySelectorAll('canvas').length };
})()`;

export async function insightsFrame(page: Page, timeoutMs = 30_000, rootSelector = '#insights-root'): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      // A hidden panel's webview may linger beside the shown one: only the visible one is what a person sees.
      const found = await frame.$(rootSelector).catch(() => null);
      if (found && (await found.isVisible().catch(() => false))) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame with ${rootSelector} found`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function renderedCards(page: Page, url: string): Promise<string[]> {
  const tab = await page.context().newPage();
  try {
    await tab.goto(url);
    await tab.waitForSelector('.ac-card .ac-adaptiveCard', { timeout: 15_000 });
    return await tab.$$eval('.ac-card', (cards) => cards.map((card) => (card as unknown as { innerText: string }).innerText));
  } finally {
    await tab.close();
  }
}

// Runs inside the review's webview.
const REVIEW = `(() => {
  const root = document.getElementById('timesheet-root');
  const rows = [...root.querySelectorAll('table[data-figure="timesheet"] tbody tr')].map((tr) => ({
    id: tr.dataset.id,
    day: tr.dataset.day,
    seconds: Number(tr.dataset.seconds),
    billed: tr.dataset.billed === undefined ? undefined : Number(tr.dataset.billed),
    included: tr.querySelector('input[id^="include:"]').checked,
    name: tr.querySelector('input[id^="name:"]').value,
    labels: [...tr.querySelectorAll('input')].map((input) => input.getAttribute('aria-label')),
  }));
  const totals = {};
  for (const li of root.querySelectorAll('[data-total]')) totals[li.dataset.total] = { seconds: Number(li.dataset.seconds), billed: Number(li.dataset.billed), text: li.textContent };
  return { state: root.dataset.state, rows, totals, status: root.querySelector('#status')?.textContent ?? '', text: root.innerText, injected: root.querySelectorAll('img, script, iframe, object').length };
})()`;

export interface ReviewDump {
  state: string;
  rows: { id: string; day: string; seconds: number; billed?: number; included: boolean; name: string; labels: string[] }[];
  totals: Record<string, { seconds: number; billed: number; text: string }>;
  status: string;
  text: string;
  injected: number;
}

function rootSelector(command: Root): string {
  return command.root === 'timesheet' ? '#timesheet-root' : '#insights-root';
}

async function answerSaveDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input[type="text"]').first();
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // The dialog fills in its default path (ending in the suggested name) once it has listed the folder, and may set it
  // again while it does: the path is typed once the default has held still, and typed again until it stays.
  const settled = async (want: (value: string) => boolean) => {
    let steady = 0;
    for (let read = 0; read < 150 && steady < 3; read++) {
      steady = want(await input.inputValue()) ? steady + 1 : 0;
      await page.waitForTimeout(100);
    }
    return steady >= 3;
  };
  await settled((value) => /\.[a-z]+$/.test(value));
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill(file);
    if (await settled((value) => value === file)) break;
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 });
}

export async function runProbe(page: Page, command: ProbeCommand): Promise<unknown> {
  if (command.op === 'saveAs') {
    await answerSaveDialog(page, command.path);
    return { ok: true };
  }
  if (command.op === 'review') return (await insightsFrame(page, 30_000, '#timesheet-root')).evaluate<ReviewDump>(REVIEW);
  if (command.op === 'fill' || command.op === 'check' || command.op === 'press') {
    const frame = await insightsFrame(page, 30_000, rootSelector(command));
    if (command.op === 'fill') {
      await frame.fill(command.selector, command.value, { timeout: 10_000 });
      await frame.press(command.selector, 'Tab', { timeout: 10_000 });
    } else if (command.op === 'check') await frame.setChecked(command.selector, command.checked, { timeout: 10_000 });
    else {
      await frame.focus(command.selector, { timeout: 10_000 });
      await frame.press(command.selector, command.key, { timeout: 10_000 });
      return { focused: await frame.evaluate('document.activeElement && document.activeElement.id') };
    }
    return { ok: true };
  }
  if ((command.op === 'select' || command.op === 'click') && command.root === 'timesheet') {
    const frame = await insightsFrame(page, 30_000, '#timesheet-root');
    if (command.op === 'select') await frame.selectOption(`#${command.id}`, command.value, { timeout: 10_000 });
    else await frame.click(command.selector, { timeout: 10_000 });
    return { ok: true };
  }
  if (command.op === 'timeline') return renderedCards(page, command.url);
  if (command.op === 'cards') {
    const cards = await insightsFrame(page, 30_000, '#cards-root');
    await cards.waitForSelector('.ac-adaptiveCard', { timeout: 15_000 });
    return cards.$eval('#cards-root', (root) => (root as unknown as { innerText: string }).innerText);
  }
  const frame = await insightsFrame(page);
  switch (command.op) {
    case 'dump':
      return frame.evaluate<WebviewDump>(DUMP);
    case 'select':
      await frame.selectOption(`#${command.id}`, command.value, { timeout: 10_000 });
      return { ok: true };
    case 'click':
      await frame.click(command.selector, { timeout: 10_000 });
      return { ok: true };
  }
  return undefined;
}

/** A test inside the editor asks for a probe by logging `[af-webview] <name> <json command>`; the answer is a file. */
export const PROBE_REQUEST = /^\[af-webview\] ([a-z0-9-]+) (\{.*\})$/;

export async function answerProbe(page: Page, line: string, dir: string): Promise<boolean> {
  const match = PROBE_REQUEST.exec(line);
  if (!match) return false;
  fs.mkdirSync(dir, { recursive: true });
  const [, name, json] = match;
  let answer: unknown;
  try {
    answer = { ok: true, result: await runProbe(page, JSON.parse(json) as ProbeCommand) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const partial = path.join(dir, `.${name}.json`);
  fs.writeFileSync(partial, JSON.stringify(answer));
  fs.renameSync(partial, path.join(dir, `${name}.json`));
  return true;
}
