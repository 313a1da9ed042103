// appActivityIds made of RFC 2396 unreserved characters only, so they travel in a URL segment unescaped: Graph's
// front door is reported to decode `%2F` inside an id segment and fail the request, so an id must never need it.
//
// Letters, digits, `-` and `.` stay; `/` becomes `~` and `:` becomes `!` (ids stay readable); any other character
// becomes `_` and the two hex digits of each of its UTF-8 bytes. The mapping is one to one, so the id a file had
// before (with `/` and `:`) is recovered exactly by `legacyAppActivityId`.
import { toWellFormed } from '../text/wellFormed';

const KEPT = /^[A-Za-z0-9\-.]$/;
const SUBSTITUTES: Readonly<Record<string, string>> = { '/': '~', ':': '!' };
const ORIGINALS: Readonly<Record<string, string>> = { '~': '/', '!': ':' };

export function toUnreservedId(text: string): string {
  let out = '';
  for (const character of toWellFormed(text)) {
    if (KEPT.test(character)) out += character;
    else if (SUBSTITUTES[character] !== undefined) out += SUBSTITUTES[character];
    else for (const byte of Buffer.from(character, 'utf8')) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The text `toUnreservedId` made `id` from; undefined when `id` is not one of its results. */
export function fromUnreservedId(id: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < id.length;) {
    const character = id[i];
    if (character === '_') {
      const hex = id.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else if (KEPT.test(character)) {
      bytes.push(character.charCodeAt(0));
      i += 1;
    } else if (ORIGINALS[character] !== undefined) {
      bytes.push(ORIGINALS[character].charCodeAt(0));
      i += 1;
    } else return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
