// Reads what the activity needs about a file's git repository straight from the .git folder: no git process,
// no dependency on the editor's git extension (which may be disabled), and cheap enough to call at publish time.
// The .git folder comes with the repository, so nothing in it is trusted: every file is read through
// readContained (inside the git folders found here, regular files only, size-capped), HEAD's ref name is
// validated before use, and anything unusable leaves its field out instead of throwing.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { GitInfo } from './gitInfo';
import { LIST_CAP, POINTER_CAP, exists, readContained, readContainedBytes, realDirectory, statOrUndefined } from './boundedRead';
import { readRemoteUrl } from './gitConfig';

export { readRemoteUrl };

export interface RepositoryInfo extends GitInfo {
  /** The working tree's root folder. */
  root: string;
}

/** Finds the repository holding `filePath` and reads its remote, branch and commit; undefined outside git. */
export function readRepository(filePath: string): RepositoryInfo | undefined {
  try {
    return readFacts(filePath);
  } catch {
    return undefined;
  }
}

/** Real paths of the folders git facts are read from. */
interface GitDirs {
  /** The folder with HEAD (for a linked worktree, its own folder under .git/worktrees). */
  gitDir: string;
  /** The folder with config, refs and packed-refs (shared by all worktrees). */
  commonDir: string;
}

interface FoundRepository {
  root: string;
  /** Undefined when the .git found is not a usable git folder: the root is known, its facts are not. */
  dirs: GitDirs | undefined;
}

function readFacts(filePath: string): RepositoryInfo | undefined {
  const found = findRepository(dirname(filePath));
  if (!found) return undefined;
  const { root, dirs } = found;
  const { branch, commit } = dirs ? readHead(dirs) : { branch: undefined, commit: undefined };
  const remoteUrl = dirs
    ? readRemoteUrl(readContained(join(dirs.commonDir, 'config'), dirs.commonDir, LIST_CAP) ?? '', branch)
    : undefined;
  const commitSubject = dirs && commit ? readCommitSubject(dirs.commonDir, commit) : undefined;
  return {
    root,
    repoRelativePath: relative(root, filePath).split(sep).join('/'),
    ...(remoteUrl ? { remoteUrl } : {}),
    ...(branch ? { branch } : {}),
    ...(commit ? { commit } : {}),
    ...(commitSubject ? { commitSubject } : {}),
  };
}

function findRepository(start: string): FoundRepository | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const stat = statOrUndefined(dotGit);
    if (stat?.isDirectory()) {
      const gitDir = realDirectory(dotGit);
      return { root: dir, dirs: gitDir ? { gitDir, commonDir: gitDir } : undefined };
    }
    // Worktrees and submodules: ".git" is a file saying "gitdir: <path>".
    const pointer = stat?.isFile() ? gitDirPointer(dir, dotGit) : undefined;
    if (pointer !== undefined) return { root: dir, dirs: linkedGitDirs(resolve(dir, pointer)) };
    if (dirname(dir) === dir) return undefined;
  }
}

/** The path a `.git` file names; like git, only its first line counts. The file must lie inside its folder. */
function gitDirPointer(dir: string, dotGit: string): string | undefined {
  const home = realDirectory(dir);
  const line = firstLine(home === undefined ? undefined : readContained(dotGit, home, POINTER_CAP));
  const pointer = line?.startsWith('gitdir:') ? line.slice('gitdir:'.length).trim() : '';
  return pointer === '' ? undefined : pointer;
}

/**
 * The folders a `.git` file leads to, when they look like git made them:
 * - a gitdir with no `commondir` (a submodule's `.git/modules/<name>`, a `--separate-git-dir`) is a directory
 *   holding HEAD and a refs directory, and is its own common dir;
 * - a linked worktree's gitdir holds HEAD and `commondir`, and is `<common dir>/worktrees/<id>` as `git worktree
 *   add` makes it; the common dir holds a refs directory and HEAD or config.
 */
function linkedGitDirs(target: string): GitDirs | undefined {
  const gitDir = realDirectory(target);
  if (gitDir === undefined || !exists(join(gitDir, 'HEAD'))) return undefined;
  const commondirFile = join(gitDir, 'commondir');
  if (!exists(commondirFile)) return isRepositoryFolder(gitDir) ? { gitDir, commonDir: gitDir } : undefined;
  const common = firstLine(readContained(commondirFile, gitDir, POINTER_CAP))?.trim();
  const commonDir = common ? realDirectory(resolve(gitDir, common)) : undefined;
  if (commonDir === undefined || dirname(gitDir) !== join(commonDir, 'worktrees')) return undefined;
  return isRepositoryFolder(commonDir) ? { gitDir, commonDir } : undefined;
}

function isRepositoryFolder(dir: string): boolean {
  const hasRefs = statOrUndefined(join(dir, 'refs'))?.isDirectory() === true;
  return hasRefs && (exists(join(dir, 'HEAD')) || exists(join(dir, 'config')));
}

function readHead(dirs: GitDirs): { branch: string | undefined; commit: string | undefined } {
  const head = readContained(join(dirs.gitDir, 'HEAD'), dirs.gitDir, POINTER_CAP)?.trim();
  if (head !== undefined && isObjectId(head)) return { branch: undefined, commit: head };
  const ref = head?.startsWith('ref:') ? head.slice('ref:'.length).trim() : undefined;
  if (ref === undefined || !isSafeRefName(ref)) return { branch: undefined, commit: undefined };
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
  return { branch, commit: resolveRef(dirs, ref) };
}

function resolveRef({ gitDir, commonDir }: GitDirs, ref: string): string | undefined {
  for (const dir of new Set([gitDir, commonDir])) {
    const loose = readContained(join(dir, ...ref.split('/')), dir, POINTER_CAP)?.trim();
    if (loose !== undefined && isObjectId(loose)) return loose;
  }
  const packed = readContained(join(commonDir, 'packed-refs'), commonDir, LIST_CAP) ?? '';
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    const hash = line.slice(0, space);
    if (space > 0 && line.slice(space + 1).trim() === ref) return isObjectId(hash) ? hash : undefined;
  }
  return undefined;
}

const MAX_REF_LENGTH = 1024;
const FORBIDDEN_IN_REF = new Set([' ', '~', '^', ':', '?', '*', '[', '\\']);

/**
 * A ref name HEAD may point at, after git's check-ref-format rules (roughly): under `refs/`, bounded length, no
 * empty, `.`-led or `.lock` component, no `..` or `@{`, no control or special characters. A name that fails is
 * never used as a path.
 */
export function isSafeRefName(ref: string): boolean {
  if (ref.length > MAX_REF_LENGTH || !ref.startsWith('refs/') || ref.includes('..') || ref.includes('@{')) return false;
  if (ref.endsWith('.') || [...ref].some((char) => FORBIDDEN_IN_REF.has(char) || isControl(char))) return false;
  return ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** A compressed commit is a few hundred bytes; one with a long message a few kilobytes. */
const OBJECT_CAP = 64 * 1024;
/** What inflating may produce: a crafted object (a "zip bomb") stops here. */
const INFLATED_CAP = 64 * 1024;
export const MAX_COMMIT_SUBJECT = 256;

/**
 * The first line of a commit's message, when the commit is a loose object (as a commit just made is); undefined for
 * a packed one, or for anything that is not a well-formed commit. Bounded at every step: the file's size, what it
 * inflates to, and the line.
 */
export function readCommitSubject(commonDir: string, commit: string): string | undefined {
  if (!isObjectId(commit)) return undefined;
  const objects = join(commonDir, 'objects');
  const bytes = readContainedBytes(join(objects, commit.slice(0, 2), commit.slice(2)), objects, OBJECT_CAP);
  if (bytes === undefined) return undefined;
  let text: string;
  try {
    text = inflateSync(bytes, { maxOutputLength: INFLATED_CAP }).toString('utf8');
  } catch {
    return undefined;
  }
  const header = /^commit \d{1,9}\0/.exec(text);
  if (!header) return undefined;
  const body = text.slice(header[0].length);
  const start = body.indexOf('\n\n');
  if (start < 0) return undefined;
  const subject = body
    .slice(start + 2)
    .split('\n', 1)[0]
    .trim();
  return subject ? [...subject].slice(0, MAX_COMMIT_SUBJECT).join('') : undefined;
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function isObjectId(text: string): boolean {
  return /^[0-9a-f]{40,64}$/.test(text);
}

function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
