// Session files the outbox could not read are moved to <outbox>/corrupt/<id>.json.<epoch ms> for inspection. They may
// still name a file, so they get a bounded life, and Forget and new exclusions remove the ones that concern them.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { listDirectory, removeIfPresent } from './fileSystem';

const DAY_MS = 86_400_000;
/** A set-aside file older than this is deleted. */
export const SET_ASIDE_MAX_AGE_MS = 7 * DAY_MS;
/** Most set-aside files kept; the oldest go first. */
export const SET_ASIDE_MAX_FILES = 50;

const NAME = /^([A-Za-z0-9-]{1,200})\.json\.(\d{1,16})$/;
/** The documentUri of a damaged entry, when its text still shows one. */
const DOCUMENT_URI = /"documentUri"\s*:\s*("(?:[^"\\]|\\.)*")/;
/** Only the start of a file is searched: a session file is small. */
const READ_LIMIT = 64 * 1024;

export interface SetAsideFile {
  name: string;
  sessionId: string;
  setAsideAt: number;
  /** Undefined when the damaged text does not show it. */
  documentUri?: string;
}

export function listSetAside(dir: string): SetAsideFile[] {
  return listDirectory(dir).flatMap((name) => {
    const match = NAME.exec(name);
    if (!match) return [];
    return [{ name, sessionId: match[1], setAsideAt: Number(match[2]) }];
  });
}

function documentUriOf(filePath: string): string | undefined {
  let text: string;
  try {
    const handle = openSync(filePath, 'r');
    try {
      const buffer = Buffer.alloc(READ_LIMIT);
      text = buffer.subarray(0, readSync(handle, buffer, 0, READ_LIMIT, 0)).toString('utf8');
    } finally {
      closeSync(handle);
    }
  } catch {
    return undefined;
  }
  const literal = DOCUMENT_URI.exec(text)?.[1];
  if (literal === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Deletes set-aside files older than the age bound and beyond the count bound. Returns how many went. */
export function pruneSetAside(dir: string, now: number): number {
  const files = listSetAside(dir).sort((a, b) => b.setAsideAt - a.setAsideAt);
  let removed = 0;
  for (const [index, file] of files.entries()) {
    if (index >= SET_ASIDE_MAX_FILES || now - file.setAsideAt > SET_ASIDE_MAX_AGE_MS) {
      if (removeIfPresent(join(dir, file.name))) removed++;
    }
  }
  return removed;
}

/** Deletes the set-aside files `matches` picks (it sees the session id and, when readable, the document). */
export function discardSetAside(dir: string, matches: (file: SetAsideFile) => boolean): number {
  let removed = 0;
  for (const file of listSetAside(dir)) {
    const filePath = join(dir, file.name);
    const documentUri = documentUriOf(filePath);
    if (matches(documentUri === undefined ? file : { ...file, documentUri }) && removeIfPresent(filePath)) removed++;
  }
  return removed;
}
