// The one way a session enters the outbox: the tracker's checkpoints and finished sessions, and a publishing run's
// snapshot of the running one, all cross it. A session the person forgot while it was still running goes in as
// excluded (so its next checkpoint cannot bring it back); any other at the privacy level it is recorded at.
import type { Session } from '../tracking/types';

export interface SessionIntakeParts {
  outbox: { put(session: Session): unknown };
  forgotten: { has(sessionId: string): boolean };
  privacy: { recorded(session: Session): Session };
  /** After the session is in the outbox (a full outbox logs its own warning, naming the session). */
  onQueued: () => void;
}

export class SessionIntake {
  constructor(private readonly parts: SessionIntakeParts) {}

  readonly record = (session: Session): void => {
    const { outbox, forgotten, privacy, onQueued } = this.parts;
    outbox.put(forgotten.has(session.id) ? { ...session, endReason: 'excluded' } : privacy.recorded(session));
    onQueued();
  };
}
