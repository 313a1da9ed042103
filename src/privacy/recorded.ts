// The privacy level is decided once, when a session is recorded, and stored with it in the outbox. Whichever window
// publishes, a session is mapped at the stricter of its recorded level and the level in force for its document then.
// Pure.
import { stricterPrivacy, type PrivacyLevel } from './disclosure';

/**
 * The level of a stored session that has none: written before levels were recorded, by a window whose level is
 * unknown (under the old rules a repository could have loosened it). Such sessions go out at the strictest level.
 */
export const LEVEL_OF_UNRECORDED: PrivacyLevel = 'private';

/** The level one activity (all its sessions share its fields) is mapped at when published now. */
export function publishLevel(sessions: readonly { privacy?: PrivacyLevel }[], current: PrivacyLevel): PrivacyLevel {
  return sessions.reduce<PrivacyLevel>(
    (level, session) => stricterPrivacy(level, session.privacy ?? LEVEL_OF_UNRECORDED),
    current,
  );
}

/** Most live sessions remembered; a window tracks one session at a time, so this is generous. */
const CAPACITY = 1000;

/** Fixes the level of each session when it is first recorded; later checkpoints of it keep that level. */
export class RecordedLevels {
  readonly #levels = new Map<string, PrivacyLevel>();

  /** The level the session has, or would get if recorded now, without recording it (previews). */
  levelOf(session: { id: string; privacy?: PrivacyLevel }, current: () => PrivacyLevel): PrivacyLevel {
    return session.privacy ?? this.#levels.get(session.id) ?? current();
  }

  stamp<T extends { id: string; state: 'ongoing' | 'ended'; privacy?: PrivacyLevel }>(
    session: T,
    current: () => PrivacyLevel,
  ): T {
    const level = session.privacy ?? this.#levels.get(session.id) ?? current();
    if (session.state === 'ended') this.#levels.delete(session.id);
    else {
      this.#levels.set(session.id, level);
      if (this.#levels.size > CAPACITY) this.#levels.delete(this.#levels.keys().next().value as string);
    }
    return { ...session, privacy: level };
  }
}
