// The one place a session's privacy level is decided: when the session is first recorded (its later checkpoints keep
// that level, stored with it in the outbox), and, when it is published, never looser than the level its document has
// then (a person who tightened the settings since is obeyed; a loosened setting never reaches what was recorded).
// Pure: the level a document has now comes in as a function.
import type { PrivacyLevel } from './disclosure';
import { publishLevel, RecordedLevels } from './recorded';

interface Recordable {
  id: string;
  documentUri: string;
  state: 'ongoing' | 'ended';
  privacy?: PrivacyLevel;
}

export class SessionPrivacy {
  readonly #levels = new RecordedLevels();

  /** `levelFor`: the level in force for a document now (the settings over the person's floor, the workspace's grant). */
  constructor(private readonly levelFor: (documentUri: string) => PrivacyLevel) {}

  /** The session with the level it is recorded at: its own, the one its earlier checkpoint got, or the level now. */
  recorded<T extends Recordable>(session: T): T {
    return this.#levels.stamp(session, () => this.levelFor(session.documentUri));
  }

  /** The level the session has, or would get if recorded now, without recording it (a preview of the running one). */
  levelOf(session: Omit<Recordable, 'state'>): PrivacyLevel {
    return this.#levels.levelOf(session, () => this.levelFor(session.documentUri));
  }

  /** The level one document's activity goes out at now: the strictest of its sessions' and the document's own. */
  publishLevel(documentUri: string, sessions: readonly { privacy?: PrivacyLevel }[]): PrivacyLevel {
    return publishLevel(sessions, this.levelFor(documentUri));
  }
}
