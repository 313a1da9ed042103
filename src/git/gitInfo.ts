// What a repository tells about a file in it, as the activity uses it (read by src/git/readRepository.ts).
export interface GitInfo {
  /** The repository's remote URL as configured (any form; credentials are dropped). */
  remoteUrl?: string;
  branch?: string;
  commit?: string;
  /** The first line of HEAD's commit message, when the commit is a loose object; kept on this machine, never published. */
  commitSubject?: string;
  /** The file's path inside the repository, `/`-separated. */
  repoRelativePath?: string;
}
