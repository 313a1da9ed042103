// Reads git's small files without trusting them: a cloned repository's .git is input its author controls. A file
// is read only when its real path (symlinks resolved) lies inside an allowed folder, it is a regular file (never a
// FIFO, device or socket that could block or never end) and only up to a cap, so no git fact can hang or flood the
// extension host.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';

/** HEAD, loose refs and the gitdir/commondir pointers: a few dozen bytes in any real repository. */
export const POINTER_CAP = 64 * 1024;
/** config and packed-refs. */
export const LIST_CAP = 1024 * 1024;

// O_NONBLOCK: a FIFO swapped in after the checks opens at once instead of waiting for a writer (fstat then refuses
// it). O_NOFOLLOW: a symlink swapped in for the checked real path fails to open. Both are 0 where they don't exist.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Up to `cap` bytes of `file` as UTF-8, when its real path is inside `folder` (itself a real path) and it is a
 * regular file; undefined otherwise. A longer file is cut after its last whole line within the cap.
 */
export function readContained(file: string, folder: string, cap: number): string | undefined {
  const real = realPath(file);
  if (real === undefined || !isInside(folder, real) || !lstatOrUndefined(real)?.isFile()) return undefined;
  return readStart(real, cap);
}

/**
 * The whole of `file` as bytes, when it passes the same checks and is at most `cap` bytes long (a compressed git
 * object is useless cut short, so a longer one is not read at all); undefined otherwise.
 */
export function readContainedBytes(file: string, folder: string, cap: number): Buffer | undefined {
  const real = realPath(file);
  if (real === undefined || !isInside(folder, real) || !lstatOrUndefined(real)?.isFile()) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(real, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > cap) return undefined;
    const buffer = Buffer.allocUnsafe(stat.size);
    return buffer.subarray(0, fill(fd, buffer));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** The real path of `path` when it is a directory. */
export function realDirectory(path: string): string | undefined {
  const real = realPath(path);
  return real !== undefined && statOrUndefined(real)?.isDirectory() ? real : undefined;
}

/** Whether `path` is `folder` or below it; both are real paths. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function exists(path: string): boolean {
  return lstatOrUndefined(path) !== undefined;
}

export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function readStart(file: string, cap: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, cap));
    const length = fill(fd, buffer);
    // Cut before decoding: a huge sparse file then costs the read, not the decoding of a megabyte of zeros.
    const end = stat.size > cap ? buffer.lastIndexOf(0x0a, length - 1) + 1 : length;
    return buffer.toString('utf8', 0, end);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Reads from the start until the buffer is full or the file ends (it may have shrunk since the fstat). */
function fill(fd: number, buffer: Buffer): number {
  let length = 0;
  while (length < buffer.length) {
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return length;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do: the descriptor is gone either way.
  }
}
