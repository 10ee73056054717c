/**
 * One page of the branch's history as `git log` prints it with {@link HISTORY_LOG_FORMAT} and `--name-only`:
 * each commit starts with a record separator (0x1e), then sha, parents, author, ISO date and subject
 * separated by 0x1f on one line, then the changed files one per line. Control characters cannot appear in
 * those fields, so subjects with any punctuation parse safely.
 */

/** `%x1e` starts a commit; fields are separated by `%x1f`. */
export const HISTORY_LOG_FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s';

/** A commit of the current branch with the files it changed against its first parent. */
export interface LoggedCommit {
  readonly sha: string;
  /** First parent first; empty for a root commit. */
  readonly parents: readonly string[];
  readonly author: string;
  /** ISO 8601 with zone, as git prints `%aI`. */
  readonly date: string;
  readonly subject: string;
  /** Relative to the repository's folder, `/`-separated. */
  readonly files: readonly string[];
}

export function parseGitLogPage(text: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of text.split('\x1e')) {
    const [header = '', ...rest] = record.split(/\r?\n/);
    const [sha = '', parents = '', author = '', date = '', subject = ''] = header.split('\x1f');
    if (!/^[0-9a-f]{40}$/.test(sha)) continue;
    commits.push({
      sha,
      parents: parents.split(' ').filter((parent) => parent.length > 0),
      author,
      date,
      subject,
      files: rest.map((line) => line.trim()).filter((line) => line.length > 0),
    });
  }
  return commits;
}
