// Wire types of the Graph activity feed (v1.0), as documented in the API contract.
// Client-set fields only in the request types; server-set ones appear only in the response types.

export interface ImageInfo {
  iconUrl?: string;
  alternateText?: string;
  addImageQuery?: boolean;
}

export interface VisualInfo {
  displayText: string;
  description?: string;
  backgroundColor?: string;
  /** An Adaptive Card (JSON). */
  content?: Record<string, unknown>;
  attribution?: ImageInfo;
}

/** A history item as the client sends it (deep insert or PUT .../historyItems/{id}). */
export interface HistoryItemRequest {
  /** Client GUID. Required on PUT of a single item (it is then in the URL); sent in deep inserts as the upsert key. */
  id?: string;
  startedDateTime: string;
  lastActiveDateTime?: string;
  activeDurationSeconds?: number;
  userTimezone?: string;
  expirationDateTime?: string;
}

/** A userActivity as the client sends it with PUT /me/activities/{appActivityId}. */
export interface UserActivityRequest {
  appActivityId: string;
  activitySourceHost: string;
  activationUrl: string;
  visualElements: VisualInfo;
  fallbackUrl?: string;
  contentUrl?: string;
  appDisplayName?: string;
  userTimezone?: string;
  /** JSON-LD (schema.org). */
  contentInfo?: Record<string, unknown>;
  historyItems?: HistoryItemRequest[];
}

export type GraphStatus = 'active' | 'updated' | 'deleted' | 'ignored' | 'unknownFutureValue';

export interface HistoryItemResponse extends HistoryItemRequest {
  id: string;
  status?: GraphStatus;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  expirationDateTime?: string;
  activeDurationSeconds?: number;
}

export interface UserActivityResponse extends Omit<UserActivityRequest, 'historyItems'> {
  id: string;
  status?: GraphStatus;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  expirationDateTime?: string;
  historyItems?: HistoryItemResponse[];
}

/** The Graph error envelope. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
    innerError?: Record<string, unknown>;
  };
}

/** One page of GET /me/activities. */
export interface UserActivityPage {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: UserActivityResponse[];
}
