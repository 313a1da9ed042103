// Whole-file writes that a crash can never leave half done, and reads that say why a file is unusable.
import { closeSync, fsyncSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode, errorMessage, removeIfPresent, randomFileTag, renameRetrying } from './fileSystem';

const TEMP_FILE = /^\..+\.\d+-[0-9a-f]{12}\.tmp$/;

/** True for the temporary files writeFileAtomic creates (and a crash may leave behind). */
export function isAtomicTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

/**
 * Replaces `filePath` with `data` (mode 0600): readers see either the old or the new content, never a mix, and
 * after a crash the old content is still there.
 */
export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  const temp = join(dirname(filePath), `.${basename(filePath)}.${process.pid}-${randomFileTag()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeFileSync(fd, data, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameRetrying(temp, filePath);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    try {
      removeIfPresent(temp);
    } catch {
      // The original error matters more than a temp file that the next listing removes anyway.
    }
    throw error;
  }
}

export type JsonReadResult =
  { ok: true; value: unknown } | { ok: false; kind: 'missing' | 'unreadable' | 'invalid'; reason: string };

/** 'invalid' means the content is not JSON (typically a truncated file); 'unreadable' is an I/O error. */
export function readJsonFile(filePath: string): JsonReadResult {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { ok: false, kind: 'missing', reason: 'the file does not exist' };
    return { ok: false, kind: 'unreadable', reason: `could not read the file: ${errorMessage(error)}` };
  }
  if (text.trim() === '') return { ok: false, kind: 'invalid', reason: 'the file is empty (an interrupted write?)' };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, kind: 'invalid', reason: `not valid JSON, the file may be truncated (${errorMessage(error)})` };
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the descriptor is released when the process ends at the latest.
  }
}
