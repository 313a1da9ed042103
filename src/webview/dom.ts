// What every webview here builds its page with: elements made one attribute at a time with text content only (never
// parsed from markup, so nothing from the feed or a branch name can become HTML), and the extension's words with
// their {0} placeholders filled.

/** An element with text content only; attributes are set one by one, never parsed from markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** The word for `key` from `strings` (the key itself when missing), its {0}, {1}… filled with `args`. */
export function fill(strings: Readonly<Record<string, string>>, key: string, args: readonly (string | number)[]): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (match, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : match));
}
