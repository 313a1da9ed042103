// A cheap cap on text from outside, applied before any regex, redaction or formatting has to look at all of it.

export const CLIP_MARK = '\u2026';

/** The first `maxLength` UTF-16 code units, without a surrogate pair cut in half at the end. */
export function prefixOf(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const last = text.charCodeAt(maxLength - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? maxLength - 1 : maxLength);
}

/** The text if it fits in `maxLength`; otherwise its prefix and `…`, `maxLength` long in all. */
export function clipText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return prefixOf(text, Math.max(0, maxLength - CLIP_MARK.length)) + CLIP_MARK;
}
