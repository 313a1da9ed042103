// Makes text that came from outside (a repository's settings, file names, git facts, Graph's answers) inert for the
// place it is shown: it can never become a link, a command, markup, a second line or reordered text there.
//   inertPlain     notifications, modals, quick picks: the workbench turns `[label](command:…)` into a link there
//   inertMarkdown  markdown surfaces (tree tooltips, the Adaptive Card's TextBlocks and FactSet): shows literally
//   inertLogLine   one log line, with invisible characters made visible
//   oneLineVisible plain data fields (an activity's displayText): one line, nothing invisible
// Each pattern is linear in its input (eslint-plugin-regexp checks it), and inertPlain and inertMarkdown read only a
// bounded head of their input, cut before any pattern runs.
import { ELLIPSIS, truncateText } from './truncate';
import { prefixOf } from './clip';
import { toWellFormed } from './wellFormed';

/** Line breaks of every kind: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * Control characters (C0 but tab and line breaks, DEL, C1) and the invisible characters that reorder or hide
 * text: bidi embeddings, overrides and isolates, the directional marks, zero-width space and word joiner, BOM.
 * The zero-width joiner (U+200D) stays: emoji sequences need it.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** The same characters, one at a time (no `g`, so no `lastIndex` carried between calls). */
const SINGLE_INVISIBLE = new RegExp(INVISIBLE.source);

/** Schemes whose URIs run something when followed. */
const ACTIVE_SCHEME = /\b(command|javascript|vbscript|data|vscode|vscode-insiders|file):/gi;

/** The characters a markdown renderer (CommonMark, Adaptive Cards, the workbench) may treat as syntax. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()<>!|~&:#$]/g;

export const DEFAULT_PLAIN_LENGTH = 500;

/**
 * How much of a text is read to show `maxLength` characters of it. The steps below remove at most invisible
 * characters, repeated spaces and a few brackets, so text past four times the length shown matters only for input
 * made of little else, and that is cut.
 */
export function inputLengthFor(maxLength: number): number {
  return Math.max(maxLength * 4, 1_024);
}

/** The head of a text that `maxLength` characters of output can come from, and whether anything was cut. */
function boundedInput(text: string, maxLength: number): { head: string; cut: boolean } {
  const limit = inputLengthFor(maxLength);
  return text.length > limit ? { head: prefixOf(text, limit), cut: true } : { head: text, cut: false };
}

/** One line with no invisible characters, otherwise unchanged: for text fields that no surface renders as markup. */
export function oneLineVisible(text: string): string {
  return toWellFormed(text).replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(INVISIBLE, '');
}

/**
 * Plain text for a notification, modal, quick pick or status text: one line, no invisible characters, no link
 * syntax (`[label](target)` shows as `label (target)`, `<uri>` loses its brackets) and no active scheme that
 * could be followed, capped at `maxLength`.
 */
export function inertPlain(text: string, maxLength = DEFAULT_PLAIN_LENGTH): string {
  const { head, cut } = boundedInput(text, maxLength);
  // A label or target stops at the next `[` (a target also at `)`, a URI at `<`), so no attempt reads past the
  // start of the next one: on a run of `[` each fails at once. A `<scheme:` loses its `<` even when unclosed. `<…>`
  // goes before `](` is split, so removing the brackets of `<x:]>(` cannot join a `]` to a `(`.
  const plain = oneLineVisible(head)
    .replace(/\[([^[\]]*)\]\(([^)[]*)\)/g, '$1 ($2)')
    .replace(/<([a-z][\w+.-]*:[^<>]*)>?/gi, '$1')
    .replace(/\]\s*\(/g, '] (')
    .replace(ACTIVE_SCHEME, '$1: ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return truncateText(cut ? plain + ELLIPSIS : plain, maxLength);
}

/**
 * Text for a markdown surface, shown literally: one line, no invisible characters, and every character that could
 * start markup backslash-escaped (CommonMark allows escaping any ASCII punctuation). Escaped braces also keep a
 * name like `{{DATE(…)}}` from being taken for one of the card's date functions. A leading `-`, `+` or `1.` would
 * start a list, so it is escaped too. Cut at `maxLength` without leaving half an escape.
 */
export function inertMarkdown(text: string, maxLength?: number): string {
  const { head, cut } = maxLength === undefined ? { head: text, cut: false } : boundedInput(text, maxLength);
  const escaped = oneLineVisible(head)
    .trim()
    .replace(MARKDOWN_SYNTAX, '\\$&')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)(\.)/, '$1\\$2');
  if (maxLength === undefined || (!cut && escaped.length <= maxLength)) return escaped;
  return truncateText(cut ? escaped + ELLIPSIS : escaped, maxLength).replace(/(^|[^\\])((?:\\\\)*)\\(\u2026)$/, '$1$2$3');
}

/** The longest a log line (or a recorded error) may be: a whole answer body quoted would bury the log. */
export const LOG_LINE_LENGTH = 8_000;

/**
 * One log line: line breaks shown as `\n`, invisible characters as `\u{…}`, so nothing can forge a second line.
 * Text longer than `maxLength` is cut first, and the cut says how long the text was.
 */
export function inertLogLine(text: string, maxLength = LOG_LINE_LENGTH): string {
  const cut = text.length > maxLength ? `${prefixOf(text, maxLength)}… (${text.length} characters)` : text;
  const clean = toWellFormed(cut);
  // One pass over the characters, appending to one string: a replace() per kind, with a callback per match, costs
  // several times as much on text made of invisible characters.
  let out = '';
  let copied = 0;
  for (let at = 0; at < clean.length; at++) {
    const shown = logLineForm(clean, at);
    if (shown === undefined) continue;
    out += clean.slice(copied, at) + shown;
    if (shown === '\\n' && clean[at] === '\r') at++;
    copied = at + 1;
  }
  return copied === 0 ? clean : out + clean.slice(copied);
}

/** How the character at `at` shows in a log line, or undefined when it shows as itself. */
function logLineForm(text: string, at: number): string | undefined {
  const code = text.charCodeAt(at);
  if (code >= 0x20 && code < 0x7f) return undefined;
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return text.charCodeAt(at + 1) === 0x0a ? '\\n' : '\\r';
  if (code === 0x09) return ' ';
  const hidden = code === 0x85 || code === 0x2028 || code === 0x2029 || SINGLE_INVISIBLE.test(text[at] ?? '');
  return hidden ? visibleCodePoint(code) : undefined;
}

/** `\u{202e}` for each character shown so, made once: the set is small (the characters INVISIBLE matches). */
const visibleForms = new Map<number, string>();

function visibleCodePoint(code: number): string {
  let form = visibleForms.get(code);
  if (form === undefined) {
    form = `\\u{${code.toString(16).padStart(4, '0')}}`;
    visibleForms.set(code, form);
  }
  return form;
}

/** True when text holds a character `inertPlain` and `inertMarkdown` remove: for checks over what was shown. */
export function hasInvisibleCharacters(text: string): boolean {
  return SINGLE_INVISIBLE.test(text) || /[\r\n\u0085\u2028\u2029]/.test(text);
}
