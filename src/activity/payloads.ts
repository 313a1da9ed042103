// One activity with many sessions → the PUT bodies to send. Each body repeats the activity and deep-inserts a
// slice of the history items (oldest first, so the last body leaves the newest state), within the item and
// byte caps. Every history item carries its client GUID, so a body sent twice upserts rather than duplicates.
import type { HistoryItemRequest, UserActivityRequest } from '../graph/types';
import { LIMITS, payloadByteLength } from './limits';
import { mapToActivity } from './mapToActivity';
import type { ActivityInput, MappingOptions } from './types';
import { assertValidUserActivity, PayloadValidationError } from './validate';

export function buildActivityPayloads(input: ActivityInput, options: MappingOptions): UserActivityRequest[] {
  return splitActivity(mapToActivity(input, options));
}

export function splitActivity(activity: UserActivityRequest): UserActivityRequest[] {
  const { historyItems = [], ...base } = activity;
  if (historyItems.length === 0) {
    assertValidUserActivity(base);
    return [base];
  }
  const payloads: UserActivityRequest[] = [];
  let slice: HistoryItemRequest[] = [];
  for (const item of historyItems) {
    const candidate = [...slice, item];
    const fits =
      candidate.length <= LIMITS.historyItemsPerPayload &&
      payloadByteLength({ ...base, historyItems: candidate }) <= LIMITS.payloadBytes;
    if (fits) {
      slice = candidate;
      continue;
    }
    if (slice.length === 0) {
      throw new PayloadValidationError([{ path: 'historyItems', message: 'a single history item does not fit in a payload' }]);
    }
    payloads.push({ ...base, historyItems: slice });
    slice = [item];
  }
  payloads.push({ ...base, historyItems: slice });
  for (const payload of payloads) assertValidUserActivity(payload);
  return payloads;
}
