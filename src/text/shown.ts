// The one way text reaches a person: every notification, modal, quick pick, input box, progress title, tree item and
// status bar text takes a `Shown`, and only this module makes one. Outside values (names, paths, setting values,
// server messages) are redacted, made inert and capped one by one; the whole message then passes the inert check
// again, so a link cannot be assembled from an argument and the message around it. The editor API calls that show
// text live in src/platform/show.vscode.ts, and the static tier rejects them anywhere else (eslint.config.mjs).
import { type L10nArg, localize } from './l10n';
import { redact } from './redact';
import { inertMarkdown, inertPlain } from './inert';
import { shownText } from './shownText';

declare const shownBrand: unique symbol;

/** Text that crossed the boundary: one line, nothing secret, no link, no active scheme, bounded. */
export type Shown = string & { readonly [shownBrand]: true };

declare const markdownBrand: unique symbol;

/** A line for a markdown surface (a tooltip): the extension's own markup, outside values escaped to show literally. */
export type ShownMarkdown = string & { readonly [markdownBrand]: true };

/** The longest one outside value may be inside a message. */
export const ARGUMENT_LENGTH = 300;
/** The longest a whole message may be (a notification shows far less). */
export const MESSAGE_LENGTH = 2_000;

function brand(text: string): Shown {
  return text as Shown;
}

function brandMarkdown(text: string): ShownMarkdown {
  return text as ShownMarkdown;
}

/** An outside value escaped for markdown: redacted, capped, every character that could start markup escaped. */
function escapedOutside(value: string): string {
  return inertMarkdown(redact(value, ARGUMENT_LENGTH * 4), ARGUMENT_LENGTH);
}

/** An outside value on its own (a file name as a tree label, a server's message as a detail). */
export function outside(value: unknown, maxLength = ARGUMENT_LENGTH): Shown {
  return brand(shownText(value, maxLength));
}

/**
 * The extension's own message, localized, with its `{0}`… placeholders filled by outside values made safe. The first
 * argument must be a string literal (scripts/l10n.mjs collects it into the translation bundle).
 */
export function say(message: string, ...args: L10nArg[]): Shown {
  const safeArgs = args.map((arg) => (typeof arg === 'string' ? shownText(arg, ARGUMENT_LENGTH) : arg));
  return brand(inertPlain(localize(message, ...safeArgs), MESSAGE_LENGTH)); // l10n-dynamic: the caller's literal
}

/** Shown parts side by side, separated by a space (a summary and its next step). */
export function joinShown(...parts: Shown[]): Shown {
  return brand(parts.filter((part) => part !== '').join(' '));
}

/** Shown parts on lines of their own, for the surfaces that show several lines (a modal's detail, a tooltip). */
export function shownLines(...lines: Shown[]): Shown {
  return brand(lines.join('\n'));
}

/**
 * The extension's own markdown line, localized, its placeholders filled by outside values escaped to show literally
 * (no link, emphasis or heading can come from them). The message itself holds no link.
 */
export function sayMarkdown(message: string, ...args: L10nArg[]): ShownMarkdown {
  const safeArgs = args.map((arg) => (typeof arg === 'string' ? escapedOutside(arg) : arg));
  return brandMarkdown(localize(message, ...safeArgs)); // l10n-dynamic: the caller's literal
}

/** Shown text as a markdown line, escaped so it shows exactly as it reads; `bold` makes it a heading-like line. */
export function asMarkdown(text: Shown, bold = false): ShownMarkdown {
  const escaped = inertMarkdown(text, MESSAGE_LENGTH);
  return brandMarkdown(bold ? `**${escaped}**` : escaped);
}

/** A product icon (`$(name)`) for the status bar and quick picks; only the editor's icon names get through. */
export function icon(name: string): Shown {
  return brand(/^[a-z0-9-]+(?:~spin)?$/.test(name) ? `$(${name})` : '');
}

/** An outside value on its own as a markdown paragraph, escaped to show literally. */
export function outsideMarkdown(value: unknown): ShownMarkdown {
  return brandMarkdown(escapedOutside(String(value)));
}

/** One message for both kinds of surface: plain (a quick pick, a screen reader) and markdown (a tooltip). */
export function sayLine(message: string, ...args: L10nArg[]): { plain: Shown; markdown: ShownMarkdown } {
  // The caller's literal is collected by scripts/l10n.mjs, which reads sayLine calls too.
  return { plain: say(message, ...args), markdown: sayMarkdown(message, ...args) }; // l10n-dynamic
}
