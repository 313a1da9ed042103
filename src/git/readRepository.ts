// Reads what the activity needs about a file's git repository straight from the .git folder: no git process,
// no dependency on the editor's git extension (which may be disabled), and cheap enough to call at publish time.
import { Stats, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { GitInfo } from '../activity/types';

export interface RepositoryInfo extends GitInfo {
  /** The working tree's root folder. */
  root: string;
}

/** Finds the repository holding `filePath` and reads its remote, branch and commit; undefined outside git. */
export function readRepository(filePath: string): RepositoryInfo | undefined {
  const found = findRepositoryRoot(dirname(filePath));
  if (!found) return undefined;
  const { root, gitDir, commonDir } = found;
  const head = readText(join(gitDir, 'HEAD'))?.trim();
  let branch: string | undefined;
  let commit: string | undefined;
  if (head?.startsWith('ref: ')) {
    const ref = head.slice(5).trim();
    branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    commit = resolveRef(commonDir, gitDir, ref);
  } else if (head && /^[0-9a-f]{40,64}$/.test(head)) {
    commit = head;
  }
  const remoteUrl = readRemoteUrl(readText(join(commonDir, 'config')) ?? '', branch);
  return {
    root,
    repoRelativePath: relative(root, filePath).split(sep).join('/'),
    ...(remoteUrl ? { remoteUrl } : {}),
    ...(branch ? { branch } : {}),
    ...(commit ? { commit } : {}),
  };
}

interface FoundRepository {
  root: string;
  /** The folder with HEAD (for a linked worktree, its own folder under .git/worktrees). */
  gitDir: string;
  /** The folder with config, refs and packed-refs (shared by all worktrees). */
  commonDir: string;
}

function findRepositoryRoot(start: string): FoundRepository | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const stat = statOrUndefined(dotGit);
    if (stat?.isDirectory()) return { root: dir, gitDir: dotGit, commonDir: dotGit };
    if (stat?.isFile()) {
      // Worktrees and submodules: ".git" is a file saying "gitdir: <path>".
      const pointer = /^gitdir:\s*(.+)$/m.exec(readText(dotGit) ?? '')?.[1]?.trim();
      if (pointer) {
        const gitDir = resolve(dir, pointer);
        const common = readText(join(gitDir, 'commondir'))?.trim();
        return { root: dir, gitDir, commonDir: common ? resolve(gitDir, common) : gitDir };
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function resolveRef(commonDir: string, gitDir: string, ref: string): string | undefined {
  for (const dir of [gitDir, commonDir]) {
    const loose = readText(join(dir, ref))?.trim();
    if (loose && /^[0-9a-f]{40,64}$/.test(loose)) return loose;
  }
  const packed = readText(join(commonDir, 'packed-refs')) ?? '';
  for (const line of packed.split('\n')) {
    const [hash, name] = line.trim().split(' ');
    if (name === ref && hash && /^[0-9a-f]{40,64}$/.test(hash)) return hash;
  }
  return undefined;
}

/** The URL of the branch's upstream remote, else "origin", else the first remote. */
export function readRemoteUrl(config: string, branch: string | undefined): string | undefined {
  const sections = parseGitConfig(config);
  const upstream = branch ? sections.get(`branch "${branch}"`)?.get('remote') : undefined;
  const remotes = [...sections.keys()].filter((k) => k.startsWith('remote "'));
  const pick = [upstream && `remote "${upstream}"`, 'remote "origin"', remotes[0]].find((k) => k && sections.get(k)?.get('url'));
  return pick ? sections.get(pick)?.get('url') : undefined;
}

function parseGitConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\s\]]+)(?:\s+"((?:[^"\\]|\\.)*)")?\]/.exec(line);
    if (header) {
      const name = header[2] === undefined ? header[1].toLowerCase() : `${header[1].toLowerCase()} "${header[2]}"`;
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const entry = /^([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (entry && current) current.set(entry[1].toLowerCase(), unquote(entry[2].replace(/\s+[#;].*$/, '').trim()));
  }
  return sections;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
