/** What `activate()` returns: read by the integration tests and by other tools. */
export interface ActivityFeedApi {
  readonly version: string;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
}
