// Path encoding of appActivityId for PUT /me/activities/{appActivityId}.

/** Percent-encodes every character outside the RFC 2396 unreserved set (lone surrogates as U+FFFD). */
export { encodeRfc2396 as encodeAppActivityId } from '../text/percentEncoding';

/** True when `segment` contains only unreserved characters and well-formed %XX escapes. */
export function isWellFormedEncodedSegment(segment: string): boolean {
  return /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-Fa-f]{2})*$/.test(segment);
}

/** Decodes a segment written by encodeAppActivityId; undefined when it is not well-formed or not valid UTF-8. */
export function decodeAppActivityId(segment: string): string | undefined {
  if (!isWellFormedEncodedSegment(segment)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < segment.length;) {
    if (segment[i] === '%') {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(segment.charCodeAt(i));
      i += 1;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
