// Makes text that came from outside (a repository's settings, file names, git facts, Graph's answers) inert for the
// place it is shown: it can never become a link, a command, markup, a second line or reordered text there.
//   inertPlain     notifications, modals, quick picks: the workbench turns `[label](command:…)` into a link there
//   inertMarkdown  markdown surfaces (tree tooltips, the Adaptive Card's TextBlocks and FactSet): shows literally
//   inertLogLine   one log line, with invisible characters made visible
//   oneLineVisible plain data fields (an activity's displayText): one line, nothing invisible
import { truncateText } from '../activity/truncate';
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

/** Schemes whose URIs run something when followed. */
const ACTIVE_SCHEME = /\b(command|javascript|vbscript|data|vscode|vscode-insiders|file):/gi;

/** The characters a markdown renderer (CommonMark, Adaptive Cards, the workbench) may treat as syntax. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()<>!|~&:#$]/g;

export const DEFAULT_PLAIN_LENGTH = 500;

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
  const plain = oneLineVisible(text)
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\]\s*\(/g, '] (')
    .replace(/<([a-z][a-z0-9+.-]*:[^>]*)>/gi, '$1')
    .replace(ACTIVE_SCHEME, '$1: ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return truncateText(plain, maxLength);
}

/**
 * Text for a markdown surface, shown literally: one line, no invisible characters, and every character that could
 * start markup backslash-escaped (CommonMark allows escaping any ASCII punctuation). Escaped braces also keep a
 * name like `{{DATE(…)}}` from being taken for one of the card's date functions. A leading `-`, `+` or `1.` would
 * start a list, so it is escaped too. Cut at `maxLength` without leaving half an escape.
 */
export function inertMarkdown(text: string, maxLength?: number): string {
  const escaped = oneLineVisible(text)
    .trim()
    .replace(MARKDOWN_SYNTAX, '\\$&')
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.])/, '$1\\$2');
  if (maxLength === undefined || escaped.length <= maxLength) return escaped;
  return truncateText(escaped, maxLength).replace(/(^|[^\\])((?:\\\\)*)\\(\u2026)$/, '$1$2$3');
}

/** One log line: line breaks shown as `\n`, invisible characters as `\u{…}`, so nothing can forge a second line. */
export function inertLogLine(text: string): string {
  return toWellFormed(text)
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[\u0085\u2028\u2029]/g, visibleCodePoint)
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, visibleCodePoint);
}

function visibleCodePoint(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}}`;
}

/** True when text holds a character `inertPlain` and `inertMarkdown` remove: for checks over what was shown. */
export function hasInvisibleCharacters(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text) || /[\r\n\u0085\u2028\u2029]/.test(text);
}
