// How a setting's value is quoted in a problem message, a notification or the log. A value comes from a settings
// file a cloned repository may have written, so only a short prefix is quoted, and it is cut before anything else
// (JSON escaping, redaction, the inert-text regexes) has to look at the whole of it.
import { localize } from './l10n';
import { CLIP_MARK, prefixOf } from './clip';

/** The most characters of a value a message quotes. */
export const QUOTED_VALUE_LENGTH = 60;

/** `"abc"`, `42`, `{"a":1}`; a longer value as its prefix and its length: `"aaaa…" (20,480 characters)`. */
export function quoteSettingValue(value: unknown): string {
  const isText = typeof value === 'string';
  const text = isText ? value : (JSON.stringify(value) ?? String(value));
  const quote = (shown: string) => (isText ? JSON.stringify(shown) : shown);
  if (text.length <= QUOTED_VALUE_LENGTH) return quote(text);
  const shown = quote(prefixOf(text, QUOTED_VALUE_LENGTH) + CLIP_MARK);
  return localize('{0} ({1} characters)', shown, text.length.toLocaleString('en-US'));
}
