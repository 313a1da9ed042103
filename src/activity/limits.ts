// Our own caps. Graph documents no length limits for these fields, so these keep every payload small,
// predictable and far from any plausible server limit.

export const LIMITS = {
  appActivityId: 256,
  displayText: 256,
  description: 1024,
  url: 2048,
  appDisplayName: 256,
  alternateText: 256,
  userTimezone: 64,
  /** Any other string inside the Adaptive Card or contentInfo. */
  cardText: 1024,
  /** History items deep-inserted in one PUT; more are spread over several payloads. */
  historyItemsPerPayload: 25,
  /** UTF-8 bytes of the serialized JSON body. */
  payloadBytes: 64 * 1024,
} as const;

export function payloadByteLength(payload: unknown): number {
  return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}
