// What the tracker hands to the rest of the extension. Pure data, no editor types.
import type { PrivacyLevel } from '../privacy/disclosure';

export type SessionEndReason = 'idle' | 'switch' | 'close' | 'blur' | 'shutdown' | 'excluded' | 'paused';

/**
 * A place in a document, zero-based as the editor counts. The only position type: a session's cursor, written into
 * the activation URL (1-based there) and read back from it (without a cell, which no file link can name).
 */
export interface CursorPosition {
  /** Zero-based line (in a notebook: within the cell). */
  line: number;
  /** Zero-based character (UTF-16 code units). */
  character: number;
  /** In a notebook session: the zero-based index of the cell the cursor is in. */
  cell?: number;
}

/** One period of real engagement with one document. */
export interface Session {
  /** Client GUID, fixed when the session starts; becomes the Graph history item id, so replays never duplicate. */
  id: string;
  /** The document's URI (for a notebook cell: the notebook's URI). */
  documentUri: string;
  languageId: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Epoch milliseconds of the last real activity (never the moment idleness was noticed). */
  lastActiveAt: number;
  /** Sum of active time; never more than (lastActiveAt - startedAt) / 1000. */
  activeSeconds: number;
  /** Cursor at the last activity, for the activation URL. */
  cursor?: CursorPosition;
  /** 'ongoing' in checkpoints of a live session, 'ended' once finished. */
  state: 'ongoing' | 'ended';
  endReason?: SessionEndReason;
  /**
   * False while the document has never been saved (an `untitled:` buffer): such a session must not leave the
   * machine. Once saved, the session moves to the file's URI and becomes publishable. Absent means true.
   */
  publishable?: boolean;
  /**
   * The privacy level in force for the document when the session was first recorded (set when it is queued, not by
   * the tracker). Publishing maps the session at the stricter of this and the level in force then.
   */
  privacy?: PrivacyLevel;
}

/**
 * Where the tracker hands sessions. Checkpoints arrive at most once per checkpoint interval per session; a
 * session with endReason 'excluded' must be discarded together with anything pending under its id.
 */
export interface SessionSink {
  checkpoint(session: Session): void;
  finished(session: Session): void;
}
