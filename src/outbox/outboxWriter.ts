// The part of the outbox that exists from the first second: the tracker's sessions, written one file each
// (<dir>/sessions/<id>.json) with a revision that grows with every put, and how many wait. Reading, publishing
// bookkeeping and pruning (src/outbox/outbox.ts) load later; they share this writer, so revisions never restart.
import { join } from 'node:path';
import type { Session } from '../tracking/types';
import { readJsonFile, writeFileAtomic } from './atomicFile';
import { discardClaimsOf } from './fileClaim';
import { ensureDirectory, listDirectory, removeIfPresent } from './fileSystem';
import { OUTBOX_FORMAT, OUTBOX_VERSION, parseOutboxEntry, revisionOf, serializeOutboxEntry, type OutboxEntry } from './format';
import { parseSession } from '../tracking/sessionSchema';
import type { Clock, Logger } from '../platform/ports';

export interface OutboxWriterOptions {
  dir: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Default 20000: two weeks of heavy work offline (about 8 MB of content, one small file each). */
  maxSessions?: number;
}

export type PutResult = 'stored' | 'removed' | 'full';

const DEFAULT_MAX_SESSIONS = 20_000;
const SESSION_ID = /^[A-Za-z0-9-]{1,200}$/;
export const SESSION_FILE = /^[A-Za-z0-9-]{1,200}\.json$/;
const REMEMBERED_REVISIONS = 10_000;

export class OutboxWriter {
  #cap: number;
  readonly sessionsDir: string;
  readonly #clock: Clock;
  readonly #logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * Highest revision this window gave each of its sessions. While the publishing window holds a session's file
   * claimed, the file is briefly absent; this keeps the numbering from restarting at 1 in that case.
   */
  readonly #issuedRevisions = new Map<string, number>();

  constructor(options: OutboxWriterOptions) {
    this.#cap = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    OutboxWriter.#checkCap(this.#cap);
    this.sessionsDir = join(options.dir, 'sessions');
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  get maxSessions(): number {
    return this.#cap;
  }

  /** The cap follows the setting without a reload; the outbox's next prune() applies a lower one. */
  set maxSessions(value: number) {
    OutboxWriter.#checkCap(value);
    this.#cap = value;
  }

  static #checkCap(value: number): void {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`Outbox: maxSessions must be a positive integer, got ${value}.`);
  }

  /**
   * Stores the session's latest state, replacing any earlier state of the same id. An excluded or unpublishable
   * session is deleted instead. A new id is refused ('full') once maxSessions are waiting. Throws for an id that is
   * not a safe file name or a malformed session.
   */
  put(session: Session): PutResult {
    const fileName = sessionFileName(session.id);
    const target = join(this.sessionsDir, fileName);
    if (session.endReason === 'excluded' || session.publishable === false) {
      // The publishing window may hold the file claimed at this very moment: delete its copy too, then anything it
      // managed to put back, so an excluded session can never be published.
      removeIfPresent(target);
      discardClaimsOf(target);
      removeIfPresent(target);
      return 'removed';
    }
    const checked = parseSession(session);
    if (!checked.ok) throw new Error(`Outbox: refusing to store session ${session.id}: ${checked.reason}.`);
    const previous = this.#previousState(target, fileName);
    if (!previous && this.count() >= this.maxSessions) {
      this.#logger.warn(
        `Outbox: full (${this.maxSessions} sessions waiting to be published); session ${session.id} was not stored.`,
      );
      return 'full';
    }
    const revision = Math.max(previous?.revision ?? 0, this.#issuedRevisions.get(session.id) ?? 0) + 1;
    const entry: OutboxEntry = {
      format: OUTBOX_FORMAT,
      version: OUTBOX_VERSION,
      session: checked.value,
      revision,
      queuedAt: previous?.queuedAt ?? this.#clock.now(),
      attempts: previous?.attempts ?? 0,
    };
    if (previous?.lastError !== undefined) entry.lastError = previous.lastError;
    ensureDirectory(this.sessionsDir);
    writeFileAtomic(target, serializeOutboxEntry(entry));
    this.#rememberRevision(session.id, revision);
    return 'stored';
  }

  /** Session files waiting, including any this version cannot read. */
  count(): number {
    return listDirectory(this.sessionsDir).filter((name) => SESSION_FILE.test(name)).length;
  }

  #previousState(
    target: string,
    fileName: string,
  ): { revision: number; queuedAt?: number; attempts?: number; lastError?: string } | undefined {
    const read = readJsonFile(target);
    if (!read.ok) {
      if (read.kind === 'missing') return undefined;
      this.#logger.warn(`Outbox: replacing unreadable ${fileName} with the latest state of its session (${read.reason}).`);
      return { revision: 0 };
    }
    const parsed = parseOutboxEntry(read.value);
    if (parsed.ok) return parsed.entry;
    this.#logger.warn(`Outbox: replacing ${fileName} with the latest state of its session (${parsed.reason}).`);
    return { revision: revisionOf(read.value) };
  }

  #rememberRevision(sessionId: string, revision: number): void {
    this.#issuedRevisions.delete(sessionId);
    this.#issuedRevisions.set(sessionId, revision);
    if (this.#issuedRevisions.size > REMEMBERED_REVISIONS) {
      const oldest = this.#issuedRevisions.keys().next();
      if (!oldest.done) this.#issuedRevisions.delete(oldest.value);
    }
  }
}

/** Session ids are GUIDs; anything else that could reach outside the folder is refused. */
export function sessionFileName(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) {
    throw new Error(
      `Outbox: session id ${JSON.stringify(sessionId.slice(0, 80))} cannot name a file (only letters, digits and "-" are allowed).`,
    );
  }
  return `${sessionId}.json`;
}
