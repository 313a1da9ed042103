// Small synchronous file-system helpers shared by the outbox files.
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns false when the file was already gone. */
export function removeIfPresent(filePath: string): boolean {
  try {
    unlinkSync(filePath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Directory entries, or none when the directory does not exist yet. */
export function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

export function ensureDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Modification time in epoch ms, or undefined when the file is gone. */
export function modifiedAt(filePath: string): number | undefined {
  try {
    return statSync(filePath).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

const TRANSIENT_WINDOWS_ERRORS = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * renameSync that retries for a moment on Windows, where a virus scanner or another window reading the target
 * makes a rename fail briefly.
 */
export function renameRetrying(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const transient = process.platform === 'win32' && TRANSIENT_WINDOWS_ERRORS.has(errorCode(error) ?? '');
      if (!transient || attempt >= 8) throw error;
      sleepSync(attempt * 10);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Twelve random hex digits for a private file name. The global Web Crypto loads on first use: importing node:crypto
 * would cost a fresh process several milliseconds at require(), before anything is written.
 */
export function randomFileTag(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  let tag = '';
  for (const byte of bytes) tag += byte.toString(16).padStart(2, '0');
  return tag;
}
