// Crafted .git folders that try to make the git reader hang, flood memory or read outside the repository. Shared
// by the unit test (each must come back fast with no outside facts) and the git reader bench (how fast).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const insideCommit = 'a'.repeat(40);
export const insideUrl = 'https://example.com/inside.git';
/** What the files outside the repository say: none of it may show up in a result. */
export const outside = { commit: 'c'.repeat(40), branch: 'stolen', url: 'https://example.com/stolen.git' };

export interface Facts {
  branch?: string;
  commit?: string;
  remoteUrl?: string;
}

export interface HostileVariant {
  name: string;
  /** Builds the repository under `base` (which already holds `outside/`) and returns the file to read. */
  build: (base: string) => string;
  /** What a safe reader still finds inside the repository. */
  expected: Facts;
  /** Needs mkfifo or symlinks: POSIX only. */
  posix?: boolean;
}

const insideConfig = `[remote "origin"]\n\turl = ${insideUrl}\n`;
const guards: ChildProcess[] = [];

/** Writes `layout` (path → text) under `dir`, returning `dir`. */
export function writeLayout(dir: string, layout: Record<string, string>): string {
  for (const [file, text] of Object.entries(layout)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/**
 * A folder beside the repositories that looks like a repository worth stealing from: a hash file, a config with a
 * remote, a branch. The variants point at it.
 */
export function writeOutside(base: string): string {
  return writeLayout(path.join(base, 'outside'), {
    secret: `${outside.commit}\n`,
    HEAD: `ref: refs/heads/${outside.branch}\n`,
    config: `[remote "origin"]\n\turl = ${outside.url}\n[branch "${outside.branch}"]\n\tremote = origin\n`,
    [`refs/heads/${outside.branch}`]: `${outside.commit}\n`,
    'worktrees/x/HEAD': `ref: refs/heads/${outside.branch}\n`,
  });
}

/** A repository folder `name` under `base` with a plain .git folder; returns the file to read. */
function repo(base: string, name: string, layout: Record<string, string>): string {
  const dir = writeLayout(path.join(base, name), { 'src/file.ts': '', ...layout });
  return path.join(dir, 'src', 'file.ts');
}

/**
 * Makes a FIFO. If a reader ever opened it blocking, a guard process opens it read-write two seconds later, which
 * lets that open return and the read end: a regression fails its time bound instead of hanging the run.
 */
export function makeFifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
  const guard = spawn('sh', ['-c', 'sleep 2; exec 3<>"$1"', 'guard', file], { stdio: 'ignore' });
  guard.unref();
  guards.push(guard);
}

/** Ends the FIFO guards still sleeping (each is a process this module started). */
export function stopFifoGuards(): void {
  for (const guard of guards.splice(0)) {
    if (guard.exitCode === null && guard.signalCode === null) guard.kill();
  }
}

function fifoRepo(base: string, name: string, fifo: string, layout: Record<string, string>): string {
  const file = repo(base, name, layout);
  makeFifo(path.join(base, name, fifo));
  return file;
}

export const hostileVariants: readonly HostileVariant[] = [
  {
    name: 'HEAD says ref: ../../../../../dev/zero',
    build: (base) => repo(base, 'head-dev-zero', { '.git/HEAD': 'ref: ../../../../../dev/zero\n', '.git/config': insideConfig }),
    expected: { remoteUrl: insideUrl },
  },
  {
    name: 'HEAD says ref: refs/heads/../../../../etc/passwd',
    build: (base) =>
      repo(base, 'head-passwd', { '.git/HEAD': 'ref: refs/heads/../../../../etc/passwd\n', '.git/config': insideConfig }),
    expected: { remoteUrl: insideUrl },
  },
  {
    name: 'HEAD names a ref that climbs out to a hash file outside',
    build: (base) =>
      repo(base, 'head-escape', { '.git/HEAD': 'ref: refs/heads/../../../../outside/secret\n', '.git/config': insideConfig }),
    expected: { remoteUrl: insideUrl },
  },
  {
    name: 'HEAD names an absolute ref path',
    build: (base) => repo(base, 'head-absolute', { '.git/HEAD': `ref: ${path.join(base, 'outside', 'secret')}\n` }),
    expected: {},
  },
  {
    name: 'a .git file says gitdir: /dev/zero',
    build: (base) => repo(base, 'gitfile-dev-zero', { '.git': 'gitdir: /dev/zero\n' }),
    expected: {},
  },
  {
    name: 'a .git file names a folder outside whose commondir is /dev/zero',
    build: (base) => {
      writeLayout(path.join(base, 'outside-gitdir'), { HEAD: `ref: refs/heads/${outside.branch}\n`, commondir: '/dev/zero\n' });
      return repo(base, 'gitfile-commondir-zero', { '.git': `gitdir: ${path.join(base, 'outside-gitdir')}\n` });
    },
    expected: {},
  },
  {
    name: 'a .git file names a gitdir whose commondir is a repository it does not belong to',
    build: (base) => {
      writeLayout(path.join(base, 'stray-gitdir'), {
        HEAD: `ref: refs/heads/${outside.branch}\n`,
        commondir: `${path.join(base, 'outside')}\n`,
      });
      return repo(base, 'gitfile-stray', { '.git': `gitdir: ${path.join(base, 'stray-gitdir')}\n` });
    },
    expected: {},
  },
  {
    name: 'a .git file is a symlink to a pointer outside the working tree',
    build: (base) => {
      fs.writeFileSync(path.join(base, 'outside', 'pointer'), `gitdir: ${path.join(base, 'outside', 'worktrees', 'x')}\n`);
      const file = repo(base, 'gitfile-symlink', {});
      fs.symlinkSync(path.join(base, 'outside', 'pointer'), path.join(base, 'gitfile-symlink', '.git'));
      return file;
    },
    expected: {},
    posix: true,
  },
  {
    name: 'HEAD is a FIFO',
    build: (base) => fifoRepo(base, 'fifo-head', '.git/HEAD', { '.git/config': insideConfig }),
    expected: { remoteUrl: insideUrl },
    posix: true,
  },
  {
    name: 'the loose ref HEAD names is a FIFO',
    build: (base) =>
      fifoRepo(base, 'fifo-ref', '.git/refs/heads/main', {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/packed-refs': `${insideCommit} refs/heads/main\n`,
      }),
    expected: { branch: 'main', commit: insideCommit },
    posix: true,
  },
  {
    name: 'packed-refs is a FIFO',
    build: (base) => fifoRepo(base, 'fifo-packed', '.git/packed-refs', { '.git/HEAD': 'ref: refs/heads/main\n' }),
    expected: { branch: 'main' },
    posix: true,
  },
  {
    name: 'config is a FIFO',
    build: (base) => fifoRepo(base, 'fifo-config', '.git/config', { '.git/HEAD': `${insideCommit}\n` }),
    expected: { commit: insideCommit },
    posix: true,
  },
  {
    name: "a linked worktree's commondir is a FIFO",
    build: (base) => {
      writeLayout(path.join(base, 'fifo-common-main'), { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/wt': '' });
      makeFifo(path.join(base, 'fifo-common-main', '.git', 'worktrees', 'wt', 'commondir'));
      fs.writeFileSync(path.join(base, 'fifo-common-main', '.git', 'worktrees', 'wt', 'HEAD'), 'ref: refs/heads/wt\n');
      return repo(base, 'fifo-common-wt', {
        '.git': `gitdir: ${path.join(base, 'fifo-common-main', '.git', 'worktrees', 'wt')}\n`,
      });
    },
    expected: {},
    posix: true,
  },
  {
    name: '.git/HEAD is a symlink to a file outside the repository',
    build: (base) => {
      const file = repo(base, 'symlink-head', { '.git/config': insideConfig });
      fs.symlinkSync(path.join(base, 'outside', 'HEAD'), path.join(base, 'symlink-head', '.git', 'HEAD'));
      return file;
    },
    expected: { remoteUrl: insideUrl },
    posix: true,
  },
  {
    name: 'the loose ref HEAD names is a symlink to a hash file outside',
    build: (base) => {
      const file = repo(base, 'symlink-ref', { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/.keep': '' });
      fs.symlinkSync(path.join(base, 'outside', 'secret'), path.join(base, 'symlink-ref', '.git', 'refs', 'heads', 'main'));
      return file;
    },
    expected: { branch: 'main' },
    posix: true,
  },
  {
    name: 'config and packed-refs are symlinks to /dev/zero',
    build: (base) => {
      const file = repo(base, 'symlink-zero', { '.git/HEAD': 'ref: refs/heads/main\n' });
      fs.symlinkSync('/dev/zero', path.join(base, 'symlink-zero', '.git', 'config'));
      fs.symlinkSync('/dev/zero', path.join(base, 'symlink-zero', '.git', 'packed-refs'));
      return file;
    },
    expected: { branch: 'main' },
    posix: true,
  },
  {
    name: 'config is a 50 MB sparse file (its first lines still count)',
    build: (base) => {
      const file = repo(base, 'sparse-config', { '.git/HEAD': `${insideCommit}\n`, '.git/config': insideConfig });
      fs.truncateSync(path.join(base, 'sparse-config', '.git', 'config'), 50 * 1024 * 1024);
      return file;
    },
    expected: { commit: insideCommit, remoteUrl: insideUrl },
  },
  {
    name: 'packed-refs is a 50 MB sparse file (its first lines still count)',
    build: (base) => {
      const file = repo(base, 'sparse-packed', {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/packed-refs': `${insideCommit} refs/heads/main\n`,
      });
      fs.truncateSync(path.join(base, 'sparse-packed', '.git', 'packed-refs'), 50 * 1024 * 1024);
      return file;
    },
    expected: { branch: 'main', commit: insideCommit },
  },
  {
    name: 'config lines built to make a backtracking parser take hours',
    build: (base) =>
      repo(base, 'backtracking-config', {
        '.git/HEAD': `${insideCommit}\n`,
        '.git/config': [
          insideConfig,
          `[remote "spaces"]\n\turl = x${' '.repeat(300_000)}y\n`,
          `[remote "${'\\a'.repeat(150_000)}\n`,
          `[remote "${'x'.repeat(200_000)}\n`,
          `url=${'\u2028 '.repeat(100_000)}\r\r\n`,
        ].join(''),
      }),
    expected: { commit: insideCommit, remoteUrl: insideUrl },
  },
];
