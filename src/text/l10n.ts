// Localization for modules that must not import the editor API (the pure core: status model, reports, settings
// problems). The composition root installs the editor's translator (vscode.l10n.t) at activation; until then, and
// outside the editor (unit tests, scripts), messages are formatted in English.
//
// Rules for messages, here and with vscode.l10n.t:
// - The first argument is a plain string literal (not a template literal, not a concatenation): scripts/l10n.mjs
//   collects them into l10n/bundle.l10n.json, and `npm run l10n -- --check` fails when that bundle is stale.
// - Variable parts are `{0}`, `{1}`… placeholders, so a translation can put them where its grammar wants them.
// - Log lines (the Output channel, through logger.info/warn/error) stay in English and are NOT localized: they are
//   read by whoever supports the extension, who needs the same words whatever the editor's language.

export type L10nArg = string | number | boolean;

/** What the composition root installs; `vscode.l10n` satisfies it. */
export interface Translator {
  t(message: string, ...args: L10nArg[]): string;
}

let translator: Translator | undefined;

/** Installs the editor's translator (or removes it with `undefined`, so messages are formatted in English). */
export function setTranslator(next: Translator | undefined): void {
  translator = next;
}

/** Replaces `{0}`, `{1}`… with the arguments; a placeholder without an argument stays as it is. */
export function format(message: string, args: readonly L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : match;
  });
}

/** The message in the editor's language, with its placeholders filled in. */
export function localize(message: string, ...args: L10nArg[]): string {
  return translator ? translator.t(message, ...args) : format(message, args);
}
