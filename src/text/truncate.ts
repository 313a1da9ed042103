// Caps a string's length (in UTF-16 code units, which is what JSON and JavaScript count) without splitting a
// user-perceived character: cuts fall between grapheme clusters, so neither surrogate pairs nor emoji
// sequences nor combining marks are torn apart.
import { toWellFormed } from './wellFormed';

export const ELLIPSIS = '\u2026';

// Made on the first cut: building a segmenter loads ICU's break rules, about 20 ms in a fresh process.
let graphemes: Intl.Segmenter | undefined;

export function truncateText(text: string, maxLength: number): string {
  const clean = toWellFormed(text);
  if (clean.length <= maxLength) return clean;
  const budget = maxLength - ELLIPSIS.length;
  let kept = '';
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(clean)) {
    if (kept.length + segment.length > budget) break;
    kept += segment;
  }
  return kept + ELLIPSIS;
}
