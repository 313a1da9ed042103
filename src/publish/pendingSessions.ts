// Sessions waiting to be published, by document. A checkpoint of a running session replaces the previous one
// with the same id; the final session replaces its last checkpoint. Held in memory until the durable outbox
// takes this job.
import type { Session } from '../tracking/types';

export class PendingSessions {
  private readonly byId = new Map<string, Session>();

  constructor(private readonly capacity = 10_000) {}

  /** Adds or replaces; returns false (and keeps nothing) when the store is full of other sessions. */
  put(session: Session): boolean {
    if (session.endReason === 'excluded' || session.publishable === false) {
      this.byId.delete(session.id);
      return true;
    }
    if (!this.byId.has(session.id) && this.byId.size >= this.capacity) return false;
    this.byId.set(session.id, session);
    return true;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.byId.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): Session[] {
    return [...this.byId.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Document URI → its sessions, oldest first. */
  byDocument(): Map<string, Session[]> {
    const groups = new Map<string, Session[]>();
    for (const session of this.all()) {
      const group = groups.get(session.documentUri);
      if (group) group.push(session);
      else groups.set(session.documentUri, [session]);
    }
    return groups;
  }
}
