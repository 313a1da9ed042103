// Every Graph path of the activity feed, built in one place: each id is one path segment, percent-encoded per
// RFC 2396 (unreserved characters stay; everything else, a lone surrogate as U+FFFD, becomes %XX of its UTF-8).
import { encodeRfc2396 } from '../text/percentEncoding';

/** The collection: GET lists it. */
export const ACTIVITIES_PATH = '/me/activities';

/** One activity: PUT creates or replaces it, DELETE removes it. */
export function activityPath(appActivityId: string): string {
  return `${ACTIVITIES_PATH}/${encodeRfc2396(appActivityId)}`;
}

/** One history item of an activity: PUT writes it under a client GUID, DELETE removes it. */
export function historyItemPath(appActivityId: string, historyItemId: string): string {
  return `${activityPath(appActivityId)}/historyItems/${encodeRfc2396(historyItemId)}`;
}

/** The encoding of one id as it appears in a path. */
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
