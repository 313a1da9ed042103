// A page a person can read: what the emulator has received, newest first. Each activity's Adaptive Card is rendered
// by the official Adaptive Cards renderer (npm adaptivecards, inlined into the page), as a card surface would show
// it: {{DATE(…)}} and {{TIME(…)}} in the reader's zone, facts as a table, the action as a button.

import * as fs from 'node:fs';
import { isObject, Json } from './contract';
import type { ClockState } from './clock';
import { ActivityStore, StoredActivity, type StoredHistoryItem } from './store';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderTimeline(store: ActivityStore, shown: { profile?: string; clock?: ClockState } = {}): string {
  const { profile, clock } = shown;
  const newest = (a: StoredActivity) =>
    Math.max(Date.parse(a.lastModifiedDateTime), ...store.liveHistoryItems(a).map((h) => Date.parse(h.lastModifiedDateTime)));
  const activities = [...store.all()].sort((x, y) => newest(y) - newest(x));
  const cards = activities.map((a, i) => renderActivity(a, i, store.liveHistoryItems(a))).join('\n');
  const cardJson = activities.map((a) =>
    isObject(a.fields.visualElements) && isObject(a.fields.visualElements.content) ? a.fields.visualElements.content : null,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Graph emulator timeline</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;background:#f5f6f8;color:#1b1f24}
.card{background:#fff;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1rem;box-shadow:0 1px 3px #0002;border-left:6px solid var(--accent,#888)}
h2{margin:0 0 .25rem;font-size:1.1rem} .meta{color:#555;font-size:.85rem} .text{margin:.5rem 0}
table{border-collapse:collapse;font-size:.85rem;margin-top:.5rem} td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}
.ac-card{margin:.5rem 0;max-width:32rem;border:1px solid #ddd;border-radius:4px}
</style></head><body>
<h1>Received timeline</h1>
${profile ? `<p class="meta" id="profile">Service profile: ${escapeHtml(profile)}</p>\n` : ''}${clock ? `<p class="meta" id="clock">Service clock: ${escapeHtml(clock.now)}${clock.offsetMs > 0 ? ` (moved ${escapeHtml(clock.ahead)} ahead of real time)` : ''}</p>\n` : ''}<p class="meta">${activities.length} activit${activities.length === 1 ? 'y' : 'ies'}, newest first.</p>
${cards || '<p>Nothing received yet.</p>'}
<script type="application/json" id="cards">${scriptSafeJson(cardJson)}</script>
<script>${adaptiveCardsLibrary()}</script>
<script>${RENDER_CARDS}</script>
</body></html>`;
}

/** JSON inside a <script> element: "<" escaped, so no text in it can close the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

let library: string | undefined;
function adaptiveCardsLibrary(): string {
  library ??= fs
    .readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8')
    .replace(/<\/script/gi, '<\\/script');
  return library;
}

// Runs in the page: each card into its placeholder, through the renderer's own parser (a card it cannot parse says so).
const RENDER_CARDS = `(() => {
  const cards = JSON.parse(document.getElementById('cards').textContent);
  document.querySelectorAll('[data-card]').forEach((slot) => {
    const json = cards[Number(slot.dataset.card)];
    if (!json) return;
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.parse(json);
      const rendered = card.render();
      if (rendered) slot.appendChild(rendered);
    } catch (error) {
      slot.textContent = 'This card could not be rendered: ' + error.message;
    }
  });
})();`;

function renderActivity(activity: StoredActivity, index: number, liveItems: readonly StoredHistoryItem[]): string {
  const visual = isObject(activity.fields.visualElements) ? activity.fields.visualElements : {};
  const colour =
    typeof visual.backgroundColor === 'string' && /^#[0-9a-f]{3,8}$/i.test(visual.backgroundColor)
      ? visual.backgroundColor
      : '#888';
  const items = [...liveItems]
    .sort((x, y) => Date.parse(y.startedDateTime) - Date.parse(x.startedDateTime))
    .map(
      (h) =>
        `<tr><td>${escapeHtml(h.startedDateTime)}</td><td>${escapeHtml(h.lastActiveDateTime ?? 'ongoing')}</td><td>${h.activeDurationSeconds ?? '–'} s</td></tr>`,
    )
    .join('');
  return `<section class="card" style="--accent:${colour}">
<h2>${escapeHtml(typeof visual.displayText === 'string' ? visual.displayText : '')}</h2>
${typeof visual.description === 'string' ? `<div class="text">${escapeHtml(visual.description)}</div>` : ''}
${isObject(visual.content) ? `<div class="ac-card" data-card="${index}"></div>` : ''}
<div class="meta">${escapeHtml(activity.appActivityId)} · id ${escapeHtml(activity.id)} · app ${escapeHtml(activity.clientId)} · modified ${escapeHtml(activity.lastModifiedDateTime)}</div>
${items ? `<table><tr><th>Started</th><th>Last active</th><th>Duration</th></tr>${items}</table>` : '<div class="meta">No history items.</div>'}
</section>`;
}

/** The text of every TextBlock in an Adaptive Card, depth first. */
export function collectTextBlocks(node: Json): string[] {
  if (Array.isArray(node)) return node.flatMap(collectTextBlocks);
  if (!isObject(node)) return [];
  const own = node.type === 'TextBlock' && typeof node.text === 'string' ? [node.text] : [];
  return [
    ...own,
    ...Object.entries(node)
      .filter(([k]) => k !== 'text')
      .flatMap(([, v]) => collectTextBlocks(v)),
  ];
}
