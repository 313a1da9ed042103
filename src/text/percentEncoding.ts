// RFC 2396 §2.3: only "unreserved" characters stay as they are; everything else becomes %XX of its UTF-8 bytes.
import { toWellFormed } from './wellFormed';

const UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

function encodeCharacters(text: string, keep: RegExp): string {
  let out = '';
  for (const character of toWellFormed(text)) {
    if (keep.test(character)) {
      out += character;
      continue;
    }
    for (const byte of Buffer.from(character, 'utf8')) {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** Encodes a value for one URL segment, e.g. the appActivityId in `PUT /me/activities/{appActivityId}`. */
export function encodeRfc2396(value: string): string {
  return encodeCharacters(value, UNRESERVED);
}

/**
 * Encodes one path segment of a URL. Besides the unreserved characters it keeps `:`, `@` and `+`, which a path
 * may carry unescaped (`c:` drive letters, `ssh-remote+host` authorities) and which read better as they are.
 */
export function encodePathSegment(segment: string): string {
  return encodeCharacters(segment, /[A-Za-z0-9\-_.!~*'():@+]/);
}

/** Encodes a `/`-separated path segment by segment, keeping the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodePathSegment).join('/');
}
