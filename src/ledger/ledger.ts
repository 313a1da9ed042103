// The session ledger: every finished session of this machine, in plain append-only files beside the outbox, kept
// whether or not it was published and after the feed has forgotten it. Each window appends to a file of its own per
// month (`<yyyy-mm>.<writer>.jsonl`, one JSON line per session), under a short lock shared with the rewrites that
// purges, Forget and repairs make. A torn last line loses that entry only; unreadable lines are set aside (named in
// the log) and the rest stays readable.
import { closeSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { writeFileAtomic } from '../outbox/atomicFile';
import { ensureDirectory, listDirectory, randomFileTag, removeIfPresent, renameRetrying } from '../outbox/fileSystem';
import type { Logger } from '../platform/ports';
import type { EntryCodec, KeptSession } from './entry';
import { withLedgerLock } from './ledgerLock';

const SEGMENT = /^(\d{4}-\d{2})\.[A-Za-z0-9-]{1,64}\.jsonl(\.gz)?$/;
/** A past month's files, merged and compressed into one: 40,000 sessions (a heavy year) take about 2 MB. */
const archiveOf = (month: string) => `${month}.archive.jsonl.gz`;
const SET_ASIDE_DIR = 'set-aside';

export interface LedgerOptions<T extends KeptSession> {
  dir: string;
  /** How a session is written as one line and read back (this machine's sessions, or the feed's copy). */
  codec: EntryCodec<T>;
  now: () => number;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Names this window's files; default: a random tag per process. */
  writerId?: string;
}

export interface LedgerContents<T extends KeptSession> {
  /** One entry per session (the latest line of each id), oldest first. */
  entries: T[];
  /** Lines that could not be read, by file: a torn last line, or damage (a whole archive when it cannot be
   * decompressed). `repair()` sets them aside. */
  unreadable: { file: string; lines: number | 'all' }[];
}

export class Ledger<T extends KeptSession> {
  readonly #dir: string;
  readonly #codec: EntryCodec<T>;
  readonly #now: () => number;
  readonly #logger: Pick<Logger, 'info' | 'warn'>;
  readonly #writerId: string;
  readonly #cache = new Map<string, { version: string; segment: Segment<T> }>();

  constructor(options: LedgerOptions<T>) {
    this.#dir = options.dir;
    this.#codec = options.codec;
    this.#now = options.now;
    this.#logger = options.logger;
    this.#writerId = options.writerId ?? randomFileTag();
  }

  get directory(): string {
    return this.#dir;
  }

  /** Appends the sessions to this window's file of the month, durably (fsync) before it resolves. */
  async append(entries: readonly T[]): Promise<void> {
    if (entries.length === 0) return;
    ensureDirectory(this.#dir);
    const month = new Date(this.#now()).toISOString().slice(0, 7);
    const file = join(this.#dir, `${month}.${this.#writerId}.jsonl`);
    const text = entries.map((entry) => `${this.#codec.encode(entry)}\n`).join('');
    await withLedgerLock(this.#dir, () => appendDurably(file, text), this.#now);
  }

  /** Everything the ledger holds now (no lock: a line being appended at this moment is simply not there yet). */
  read(): LedgerContents<T> {
    const byId = new Map<string, T>();
    const unreadable: LedgerContents<T>['unreadable'] = [];
    const names = this.#segments();
    for (const cached of this.#cache.keys()) if (!names.includes(cached)) this.#cache.delete(cached);
    for (const name of names) {
      const { entries, bad, damaged } = this.#readCached(name);
      if (damaged) unreadable.push({ file: name, lines: 'all' });
      else if (bad.length > 0) unreadable.push({ file: name, lines: bad.length });
      keepLatest(byId, entries);
    }
    return { entries: [...byId.values()].sort((a, b) => a.startedAt - b.startedAt), unreadable };
  }

  /**
   * A file's contents, read again only when it changed (its inode, size or modification time): Insights read the
   * ledger on every change of the feed, and a past month's archive never changes.
   */
  #readCached(name: string): Segment<T> {
    const path = join(this.#dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return { entries: [], bad: [] };
    const version = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    const cached = this.#cache.get(name);
    if (cached?.version === version) return cached.segment;
    const segment = readSegment(path, this.#codec);
    this.#cache.set(name, { version, segment });
    return segment;
  }

  /** Removes every entry `match` names from the files on disk; returns how many lines went. */
  async remove(match: (entry: T) => boolean, why: string): Promise<number> {
    const removed = await withLedgerLock(this.#dir, () => this.#rewrite(match), this.#now);
    if (removed > 0) this.#logger.info(`Ledger: removed ${removed} session(s) (${why}).`);
    return removed;
  }

  /** Sets aside the lines no version can read, so the files hold only what is readable; returns how many. */
  async repair(): Promise<number> {
    return withLedgerLock(this.#dir, () => this.#rewrite(() => false), this.#now);
  }

  /**
   * Merges each past month's files (one per window) into one compressed archive; the current month stays plain, as
   * windows still append to it. Returns how many files were merged away.
   */
  async compact(): Promise<number> {
    const current = new Date(this.#now()).toISOString().slice(0, 7);
    return withLedgerLock(this.#dir, () => this.#compactBefore(current), this.#now);
  }

  /** Deletes every file of the ledger, the set-aside lines included; returns how many sessions it held. */
  async clear(): Promise<number> {
    const held = this.read().entries.length;
    await withLedgerLock(
      this.#dir,
      () => {
        for (const name of this.#segments()) removeIfPresent(join(this.#dir, name));
        const setAside = join(this.#dir, SET_ASIDE_DIR);
        for (const name of listDirectory(setAside)) removeIfPresent(join(setAside, name));
      },
      this.#now,
    );
    this.#logger.info(`Ledger: cleared (${held} session(s)).`);
    return held;
  }

  #segments(): string[] {
    return listDirectory(this.#dir)
      .filter((name) => SEGMENT.test(name))
      .sort();
  }

  #compactBefore(current: string): number {
    const byMonth = new Map<string, string[]>();
    for (const name of this.#segments()) {
      const month = name.slice(0, 7);
      if (month < current) byMonth.set(month, [...(byMonth.get(month) ?? []), name]);
    }
    let merged = 0;
    for (const [month, names] of byMonth) {
      if (names.length === 1 && names[0] === archiveOf(month)) continue;
      const byId = new Map<string, T>();
      for (const name of names) {
        const { entries, bad, damaged } = readSegment(join(this.#dir, name), this.#codec);
        if (damaged) this.#setAsideFile(name);
        if (bad.length > 0) this.#setAside(name, bad);
        keepLatest(byId, entries);
      }
      writeSegment(join(this.#dir, archiveOf(month)), [...byId.values()], this.#codec);
      for (const name of names) if (name !== archiveOf(month)) removeIfPresent(join(this.#dir, name));
      merged += names.length;
    }
    return merged;
  }

  /** Rewrites each file that holds a match or an unreadable line; the unreadable lines go to set-aside/. */
  #rewrite(match: (entry: T) => boolean): number {
    let removed = 0;
    for (const name of this.#segments()) {
      const path = join(this.#dir, name);
      const { entries, bad, damaged } = readSegment(path, this.#codec);
      if (damaged) {
        this.#setAsideFile(name);
        continue;
      }
      const kept = entries.filter((entry) => !match(entry));
      if (kept.length === entries.length && bad.length === 0) continue;
      removed += entries.length - kept.length;
      if (bad.length > 0) this.#setAside(name, bad);
      if (kept.length === 0) removeIfPresent(path);
      else writeSegment(path, kept, this.#codec);
    }
    return removed;
  }

  /** A file that cannot be read at all is moved aside whole, as it is. */
  #setAsideFile(segment: string): void {
    const dir = join(this.#dir, SET_ASIDE_DIR);
    ensureDirectory(dir);
    const file = join(dir, `${segment}.${randomFileTag()}`);
    renameRetrying(join(this.#dir, segment), file);
    this.#logger.warn(`Ledger: ${segment} could not be read at all; it was set aside as ${file}.`);
  }

  #setAside(segment: string, lines: readonly string[]): void {
    const dir = join(this.#dir, SET_ASIDE_DIR);
    ensureDirectory(dir);
    const file = join(dir, `${segment}.${randomFileTag()}.txt`);
    writeFileAtomic(file, lines.map((line) => `${line}\n`).join(''));
    this.#logger.warn(`Ledger: ${lines.length} unreadable line(s) of ${segment} set aside in ${file}.`);
  }
}

/** A session written more than once (two windows, a re-recorded crash) counts at its latest state. */
function keepLatest<T extends KeptSession>(byId: Map<string, T>, entries: readonly T[]): void {
  for (const entry of entries) {
    const known = byId.get(entry.id);
    if (!known || entry.lastActiveAt >= known.lastActiveAt) byId.set(entry.id, entry);
  }
}

/** Writes a whole file atomically, compressed when its name says so. */
function writeSegment<T extends KeptSession>(path: string, entries: readonly T[], codec: EntryCodec<T>): void {
  const text = entries.map((entry) => `${codec.encode(entry)}\n`).join('');
  writeFileAtomic(path, path.endsWith('.gz') ? gzipSync(text) : text);
}

interface Segment<T> {
  readonly entries: readonly T[];
  readonly bad: readonly string[];
  readonly damaged?: true;
}

function readSegment<T extends KeptSession>(path: string, codec: EntryCodec<T>): Segment<T> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    // Gone since the listing (another window rewrote or compacted it): its entries are in the file that replaced it.
    return { entries: [], bad: [] };
  }
  let text: string;
  try {
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    return { entries: [], bad: [], damaged: true };
  }
  const entries: T[] = [];
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const entry = codec.decode(line);
    if (entry) entries.push(entry);
    else bad.push(line);
  }
  return { entries, bad };
}

function appendDurably(file: string, text: string): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
