// Sessions waiting to be published, kept on disk so they survive a crash, a reload or a closed window.
// One file per session (<dir>/sessions/<id>.json): a window only ever writes its own sessions (src/outbox/outboxWriter.ts,
// loaded at activation), and the one window holding the PublishLock acknowledges them. Changes made on behalf of
// another window (acknowledge, recordFailure, prune, setting a bad file aside) go through withClaimedFile, so a newer
// revision written meanwhile always survives.
import { basename, join } from 'node:path';
import { redact } from '../text/redact';
import { inertLogLine } from '../text/inert';
import type { Session } from '../tracking/types';
import { isAtomicTempFile, readJsonFile } from './atomicFile';
import { parseClaimName, restoreClaim, withClaimedFile, type ClaimDecision } from './fileClaim';
import { errorMessage, listDirectory, modifiedAt, removeIfPresent } from './fileSystem';
import { parseOutboxEntry, serializeOutboxEntry, type OutboxEntry } from './format';
import { OutboxWriter, SESSION_FILE, sessionFileName, type OutboxWriterOptions, type PutResult } from './outboxWriter';
import { discardSetAside, pruneSetAside, type SetAsideFile } from './setAside';
import type { Clock, Logger } from '../platform/ports';

export type { PutResult } from './outboxWriter';

export interface OutboxOptions extends OutboxWriterOptions {
  /** Default 30 days: Graph keeps activity history for 30 days, so an older session would be of no use. */
  maxAgeMs?: number;
  /** The writer activation made (so revisions continue where it left them); one of its own otherwise. */
  writer?: OutboxWriter;
}

export interface Acknowledgement {
  sessionId: string;
  revision: number;
}

export interface PruneResult {
  expired: number;
  overCap: number;
  /** Set-aside (corrupt/) files past their age or count bound. */
  setAside: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_MAX_AGE_MS = 30 * DAY_MS;
/** Temp and claim files older than this belong to a write that will never finish. */
const LEFTOVER_AGE_MS = 60_000;
const MAX_ERROR_LENGTH = 2000;

type EntryRead =
  | { status: 'ok'; entry: OutboxEntry }
  | { status: 'missing' }
  | { status: 'unreadable'; reason: string }
  | { status: 'newer-version'; version: number }
  | { status: 'corrupt'; reason: string };

type EntryChange = { action: 'remove' } | { action: 'replace'; entry: OutboxEntry };

export class Outbox {
  readonly maxAgeMs: number;
  private readonly writer: OutboxWriter;
  private readonly sessionsDir: string;
  private readonly corruptDir: string;
  private readonly clock: Clock;
  private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  private expiredTotal = 0;
  private overCapTotal = 0;
  private readonly reportedNewerVersions = new Set<string>();

  constructor(options: OutboxOptions) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    if (!(this.maxAgeMs > 0)) throw new RangeError(`Outbox: maxAgeMs must be positive, got ${this.maxAgeMs}.`);
    this.writer = options.writer ?? new OutboxWriter(options);
    if (options.writer !== undefined && options.maxSessions !== undefined) this.writer.maxSessions = options.maxSessions;
    this.sessionsDir = this.writer.sessionsDir;
    this.corruptDir = join(options.dir, 'corrupt');
    this.clock = options.clock;
    this.logger = options.logger;
  }

  /** Sessions dropped by prune() for being too old, since this instance was created. */
  get droppedExpired(): number {
    return this.expiredTotal;
  }

  get maxSessions(): number {
    return this.writer.maxSessions;
  }

  /** The cap follows the setting without a reload; the next prune() applies a lower one. */
  set maxSessions(value: number) {
    this.writer.maxSessions = value;
  }

  /** Sessions dropped by prune() for exceeding maxSessions, since this instance was created. */
  get droppedOverCap(): number {
    return this.overCapTotal;
  }

  /** See OutboxWriter.put. */
  put(session: Session): PutResult {
    return this.writer.put(session);
  }

  get(sessionId: string): OutboxEntry | undefined {
    const read = this.readEntry(join(this.sessionsDir, sessionFileName(sessionId)), sessionId);
    return read.status === 'ok' ? read.entry : undefined;
  }

  /** Session files waiting, including any this version cannot read. */
  count(): number {
    return this.writer.count();
  }

  /**
   * Every readable entry, oldest session first. A corrupt file is moved to <dir>/corrupt with a warning; a file
   * from a newer version is left in place and reported once.
   */
  list(): OutboxEntry[] {
    this.cleanUpLeftovers();
    const entries: OutboxEntry[] = [];
    for (const name of listDirectory(this.sessionsDir)) {
      if (!SESSION_FILE.test(name)) continue;
      const entry = this.readListed(name);
      if (entry) entries.push(entry);
    }
    return entries.sort(
      (a, b) =>
        a.session.startedAt - b.session.startedAt || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0),
    );
  }

  /**
   * Removes each acknowledged session whose file still holds the acknowledged revision; a newer revision written
   * since the publish started survives. Returns how many were removed.
   */
  acknowledge(acks: readonly Acknowledgement[]): number {
    let removed = 0;
    for (const { sessionId, revision } of acks) {
      if (this.changeIfRevision(sessionId, revision, () => ({ action: 'remove' }))) removed++;
    }
    return removed;
  }

  /**
   * Counts a failed publish of this revision; does nothing (returns false) if the session moved on meanwhile. The
   * message may echo what a server was sent, so it is redacted (before the cut, which could split a secret) and
   * kept to one line.
   */
  recordFailure(sessionId: string, revision: number, failure: string): boolean {
    const message = inertLogLine(redact(failure));
    const lastError = message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message;
    return this.changeIfRevision(sessionId, revision, (entry) => ({
      action: 'replace',
      entry: { ...entry, attempts: entry.attempts + 1, lastError },
    }));
  }

  /** Drops sessions last active longer than maxAgeMs ago, then the least recently active beyond maxSessions. */
  prune(): PruneResult {
    const now = this.clock.now();
    const entries = this.list();
    const tooOld = entries.filter((entry) => now - entry.session.lastActiveAt > this.maxAgeMs);
    const expired = this.removeEntries(tooOld);
    const remaining = entries
      .filter((entry) => !tooOld.includes(entry))
      .sort((a, b) => a.session.lastActiveAt - b.session.lastActiveAt);
    const overCap = this.removeEntries(remaining.slice(0, Math.max(0, remaining.length - this.maxSessions)));
    this.expiredTotal += expired;
    this.overCapTotal += overCap;
    if (expired > 0) {
      const days = Math.round(this.maxAgeMs / DAY_MS);
      this.logger.warn(
        `Outbox: dropped ${plural(expired, 'unpublished session')} last active more than ${days} days ago (Graph keeps activity history for 30 days).`,
      );
    }
    if (overCap > 0) {
      this.logger.warn(
        `Outbox: dropped ${plural(overCap, 'unpublished session')} (the least recently active) beyond the limit of ${this.maxSessions}.`,
      );
    }
    const setAside = pruneSetAside(this.corruptDir, now);
    if (setAside > 0) this.logger.info(`Outbox: deleted ${plural(setAside, 'set-aside file')} past its age or count bound.`);
    return { expired, overCap, setAside };
  }

  /**
   * Discards every queued session `matches` picks (as an excluded put would) and the set-aside copies it picks.
   * Returns how many of each went.
   */
  discardWhere(matches: (session: { id: string; documentUri?: string }) => boolean): { queued: number; setAside: number } {
    let queued = 0;
    for (const entry of this.list()) {
      if (!matches(entry.session)) continue;
      this.put({ ...entry.session, endReason: 'excluded' });
      queued++;
    }
    const setAside = discardSetAside(this.corruptDir, (file: SetAsideFile) =>
      matches({ id: file.sessionId, ...(file.documentUri !== undefined ? { documentUri: file.documentUri } : {}) }),
    );
    return { queued, setAside };
  }

  private removeEntries(entries: readonly OutboxEntry[]): number {
    let removed = 0;
    for (const entry of entries) {
      if (this.changeIfRevision(entry.session.id, entry.revision, () => ({ action: 'remove' }))) removed++;
    }
    return removed;
  }

  /** Applies `change` only while the session's file holds `revision`. Returns whether the change took effect. */
  private changeIfRevision(sessionId: string, revision: number, change: (entry: OutboxEntry) => EntryChange): boolean {
    const target = join(this.sessionsDir, sessionFileName(sessionId));
    // A plain read first: most mismatches need no claim at all.
    const current = this.readEntry(target, sessionId);
    if (current.status !== 'ok' || current.entry.revision !== revision) return false;
    const claimed = withClaimedFile(target, this.clock.now(), (claimPath): ClaimDecision<boolean> => {
      const again = this.readEntry(claimPath, sessionId);
      if (again.status !== 'ok' || again.entry.revision !== revision) return { action: 'restore', result: false };
      const decision = change(again.entry);
      if (decision.action === 'remove') return { action: 'remove', result: true };
      return { action: 'replace', data: serializeOutboxEntry(decision.entry), result: true };
    });
    return claimed !== undefined && claimed.result && (claimed.outcome === 'removed' || claimed.outcome === 'restored');
  }

  private readEntry(filePath: string, sessionId: string): EntryRead {
    const read = readJsonFile(filePath);
    if (!read.ok) {
      if (read.kind === 'missing') return { status: 'missing' };
      return read.kind === 'unreadable'
        ? { status: 'unreadable', reason: read.reason }
        : { status: 'corrupt', reason: read.reason };
    }
    const parsed = parseOutboxEntry(read.value);
    if (!parsed.ok)
      return parsed.kind === 'newer-version'
        ? { status: 'newer-version', version: parsed.version }
        : { status: 'corrupt', reason: parsed.reason };
    if (parsed.entry.session.id !== sessionId)
      return { status: 'corrupt', reason: `it holds session ${parsed.entry.session.id}, not ${sessionId}` };
    return { status: 'ok', entry: parsed.entry };
  }

  private readListed(name: string): OutboxEntry | undefined {
    const sessionId = name.slice(0, -'.json'.length);
    const target = join(this.sessionsDir, name);
    const read = this.readEntry(target, sessionId);
    switch (read.status) {
      case 'ok':
        return read.entry;
      case 'missing':
        return undefined;
      case 'unreadable':
        this.logger.warn(`Outbox: could not read ${name}; it stays for a later attempt (${read.reason}).`);
        return undefined;
      case 'newer-version':
        if (!this.reportedNewerVersions.has(name)) {
          this.reportedNewerVersions.add(name);
          this.logger.warn(
            `Outbox: left ${name} in place: it was written by a newer version of the extension (format version ${read.version}).`,
          );
        }
        return undefined;
      case 'corrupt':
        return this.setAsideIfStillCorrupt(name, target, sessionId);
    }
  }

  private setAsideIfStillCorrupt(name: string, target: string, sessionId: string): OutboxEntry | undefined {
    const now = this.clock.now();
    const destination = join(this.corruptDir, `${name}.${now}`);
    const claimed = withClaimedFile(target, now, (claimPath): ClaimDecision<EntryRead> => {
      // Checked again: the session's window may have replaced the file since it was read.
      const again = this.readEntry(claimPath, sessionId);
      return again.status === 'corrupt' ? { action: 'moveTo', destination, result: again } : { action: 'restore', result: again };
    });
    if (!claimed) return undefined;
    const read = claimed.result;
    if (read.status === 'corrupt') {
      this.logger.warn(
        `Outbox: moved unreadable session file ${name} to ${join('corrupt', basename(destination))}: ${read.reason}.`,
      );
      return undefined;
    }
    return read.status === 'ok' && claimed.outcome === 'restored' ? read.entry : undefined;
  }

  /** Removes temp files of writes that never finished, and puts back files left claimed by a window that stopped. */
  private cleanUpLeftovers(): void {
    const now = this.clock.now();
    for (const name of listDirectory(this.sessionsDir)) {
      const filePath = join(this.sessionsDir, name);
      try {
        if (isAtomicTempFile(name)) {
          const modified = modifiedAt(filePath);
          if (modified !== undefined && now - modified > LEFTOVER_AGE_MS) removeIfPresent(filePath);
          continue;
        }
        const claim = parseClaimName(name);
        if (claim && SESSION_FILE.test(claim.targetName) && now - claim.claimedAt > LEFTOVER_AGE_MS) {
          // Publishing it again is harmless: the session id is its Graph history item id.
          if (restoreClaim(filePath, join(this.sessionsDir, claim.targetName)) === 'restored') {
            this.logger.info(`Outbox: put back ${claim.targetName}, left claimed by a window that stopped mid-update.`);
          }
        }
      } catch (error) {
        this.logger.warn(`Outbox: could not clean up ${name}: ${errorMessage(error)}`);
      }
    }
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
