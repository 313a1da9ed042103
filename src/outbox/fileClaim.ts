// Changing or removing a file that another window may rewrite at any moment, without ever destroying the newer
// content. The file is first renamed to a private claim name (atomic), so a concurrent writer just creates a fresh
// target. The claimed copy is then deleted, moved, or put back with link(), which fails when a newer target exists:
// the newer file always wins.
import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './atomicFile';
import { errorCode, listDirectory, removeIfPresent, randomFileTag, renameRetrying } from './fileSystem';

export type ClaimDecision<T> =
  | { action: 'remove'; result: T }
  | { action: 'restore'; result: T }
  | { action: 'replace'; data: string; result: T }
  | { action: 'moveTo'; destination: string; result: T };

/** What happened to the claimed file. 'superseded': a newer file appeared meanwhile and the claimed copy was dropped. */
export type ClaimOutcome = 'removed' | 'restored' | 'superseded' | 'moved';

const CLAIM_FILE = /^\.(.+)\.\d+-[0-9a-f]{12}-(\d+)\.claim$/;

/**
 * Renames `target` away, lets `decide` inspect the claimed copy, then applies the decision. Returns undefined when
 * the target does not exist. If anything throws, the claimed copy is put back.
 */
export function withClaimedFile<T>(
  target: string,
  now: number,
  decide: (claimPath: string) => ClaimDecision<T>,
): { result: T; outcome: ClaimOutcome } | undefined {
  const name = `.${basename(target)}.${process.pid}-${randomFileTag()}-${Math.max(0, Math.floor(now))}.claim`;
  const claim = join(dirname(target), name);
  try {
    renameRetrying(target, claim);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const decision = decide(claim);
    switch (decision.action) {
      case 'remove':
        removeIfPresent(claim);
        return { result: decision.result, outcome: 'removed' };
      case 'restore':
        return { result: decision.result, outcome: restoreClaim(claim, target) };
      case 'replace':
        writeFileAtomic(claim, decision.data);
        return { result: decision.result, outcome: restoreClaim(claim, target) };
      case 'moveTo':
        mkdirSync(dirname(decision.destination), { recursive: true, mode: 0o700 });
        renameRetrying(claim, decision.destination);
        return { result: decision.result, outcome: 'moved' };
    }
  } catch (error) {
    if (existsSync(claim)) restoreClaim(claim, target);
    throw error;
  }
}

/** Puts a claimed copy back unless a newer target exists. 'superseded' also covers a claim that is already gone. */
export function restoreClaim(claim: string, target: string): 'restored' | 'superseded' {
  let restored: boolean;
  try {
    linkSync(claim, target);
    restored = true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST' || code === 'ENOENT') {
      restored = false;
    } else if (existsSync(target)) {
      restored = false;
    } else {
      // No hard links on this file system: a plain rename, with a tiny window in which a newer file could be replaced.
      renameRetrying(claim, target);
      return 'restored';
    }
  }
  removeIfPresent(claim);
  return restored ? 'restored' : 'superseded';
}

/** For a claim file's name: the file it was claimed from and when (epoch ms); undefined for other names. */
export function parseClaimName(name: string): { targetName: string; claimedAt: number } | undefined {
  const match = CLAIM_FILE.exec(name);
  if (!match) return undefined;
  return { targetName: match[1], claimedAt: Number(match[2]) };
}

/** Deletes every claimed copy of `target`, so that nothing can put it back. */
export function discardClaimsOf(target: string): void {
  const dir = dirname(target);
  const targetName = basename(target);
  for (const name of listDirectory(dir)) {
    if (parseClaimName(name)?.targetName === targetName) removeIfPresent(join(dir, name));
  }
}
