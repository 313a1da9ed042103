// One line of the ledger: a finished session with what only this machine knows of it (the file's place in its
// workspace, the workspace's name, the language and the git branch). Kept at every privacy level, and never
// published: the privacy level decides only what goes to Graph. Pure.
import { isFiniteNumber, isRecord } from '../text/jsonShape';

/** What every kind of kept session has: the ledger keeps the latest line of an id, by its last activity. */
export interface KeptSession {
  id: string;
  startedAt: number;
  lastActiveAt: number;
}

/** One kind of kept session written as one line of text and read back; `decode` refuses what it cannot trust. */
export interface EntryCodec<T extends KeptSession> {
  encode(entry: T): string;
  decode(line: string): T | undefined;
}

export interface LedgerEntry extends KeptSession {
  /** The session's GUID, which is also the id of the history item it becomes. */
  id: string;
  documentUri: string;
  /** Epoch ms. */
  startedAt: number;
  lastActiveAt: number;
  activeSeconds: number;
  languageId: string;
  workspaceFolderName?: string;
  /** `/`-separated, inside the workspace folder. */
  relativePath?: string;
  branch?: string;
  /** The first line of the commit message at the session's end, only when the person asked for it (the timesheet's
   * ticket fallback). */
  commitSubject?: string;
}

/** The format's version, written in every line so that a later format can read this one. */
const VERSION = 1;
const MAX_TEXT = 2_048;
const GUID_LIKE = /^[A-Za-z0-9-]{1,200}$/;

/** One line (no newline): short keys keep a year of sessions in a few megabytes. */
export function encodeEntry(entry: LedgerEntry): string {
  return JSON.stringify({
    v: VERSION,
    id: entry.id,
    u: entry.documentUri,
    s: entry.startedAt,
    e: entry.lastActiveAt,
    a: entry.activeSeconds,
    g: entry.languageId,
    ...(entry.workspaceFolderName !== undefined ? { w: entry.workspaceFolderName } : {}),
    ...(entry.relativePath !== undefined ? { r: entry.relativePath } : {}),
    ...(entry.branch !== undefined ? { b: entry.branch } : {}),
    ...(entry.commitSubject !== undefined ? { m: entry.commitSubject } : {}),
  });
}

/** The entry a line holds, or undefined for anything else (a torn write, a stray edit, a later version's line). */
export function decodeEntry(line: string): LedgerEntry | undefined {
  const fields = lineFields(line, VERSION);
  const times = fields && sessionTimes(fields);
  if (!fields || !times) return undefined;
  const { u, g, w, r, b, m } = fields;
  const text = (value: unknown) => isTextUpTo(value, MAX_TEXT);
  const optional = (value: unknown) => value === undefined || text(value);
  if (!text(u) || !text(g) || !optional(w) || !optional(r) || !optional(b) || !optional(m)) return undefined;
  const entry: LedgerEntry = { ...times, documentUri: u, languageId: g };
  // Set one by one rather than spread: a year's read decodes tens of thousands of lines.
  if (w !== undefined) entry.workspaceFolderName = w;
  if (r !== undefined) entry.relativePath = r;
  if (b !== undefined) entry.branch = b;
  if (m !== undefined) entry.commitSubject = m;
  return entry;
}

/** The fields of a line written by this version of a format; undefined for a torn write, a stray edit, another version. */
export function lineFields(line: string, version: number): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isRecord(value) && value.v === version ? value : undefined;
}

/** What every kind of kept line holds the same way (`id`, `s`, `e`, `a`), checked: a GUID-like id, consistent times. */
export function sessionTimes(
  fields: Record<string, unknown>,
): { id: string; startedAt: number; lastActiveAt: number; activeSeconds: number } | undefined {
  const { id, s, e, a } = fields;
  if (typeof id !== 'string' || !GUID_LIKE.test(id)) return undefined;
  if (!isFiniteNumber(s) || !isFiniteNumber(e) || !isFiniteNumber(a) || e < s || a < 0) return undefined;
  return { id, startedAt: s, lastActiveAt: e, activeSeconds: a };
}

export function isTextUpTo(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** This machine's sessions. */
export const LEDGER_ENTRY: EntryCodec<LedgerEntry> = { encode: encodeEntry, decode: decodeEntry };
