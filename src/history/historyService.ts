/**
 * The branch's history with metrics, without VS Code: commits from `git log` one page at a time (never the
 * whole history), metrics for that page from one `dvc exp show --rev <newest> -n <page + 1>` (the extra
 * commit is the oldest one's parent, for its deltas; the first page asks with `--rev HEAD`, in parallel with git), and param blame from the commits that touched a
 * params file. Every process goes through GitCli and DvcCli (the repository's scheduler).
 */
import type { GitCli } from '../repository/processes';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import { parseDvcLockOuts } from '../core/data/dvcLockOuts';
import { isLockFile } from '../core/history/commitMarkers';
import { flattenParamMap, type FlatParams } from '../core/history/flatParams';
import { HISTORY_LOG_FORMAT, parseGitLogPage, type LoggedCommit } from '../core/history/gitLogPage';
import { blameParams, type ParamBlame, type ParamsFileStep } from '../core/history/paramBlame';
import { parseParamsFile } from '../core/pipeline/paramsFile';
import type { ExperimentsService } from '../experiments';

export const HISTORY_PAGE_SIZE = 50;
/** How many commits that touched a params file blame reads at most (two small `git show` each). */
export const BLAME_COMMIT_CAP = 200;

export interface HistoryPage {
  readonly commits: readonly LoggedCommit[];
  /** More commits follow this page. */
  readonly hasMore: boolean;
}

export interface ParamsBlameResult {
  /** The file's values at HEAD (undefined: not committed, or not readable there). */
  readonly head: FlatParams | undefined;
  readonly blame: ReadonlyMap<string, ParamBlame>;
}

/** DVC's rows of a commit and of its first parent (undefined: DVC did not report it). */
export interface CommitAndParentRows {
  readonly row: ExperimentRow | undefined;
  readonly parentRow: ExperimentRow | undefined;
}

export class HistoryService {
  constructor(
    private readonly git: GitCli,
    private readonly experiments: Pick<ExperimentsService, 'show'>,
  ) {}

  /** Commits `skip … skip + count - 1` of the current branch (first parents), HEAD first. */
  async page(skip: number, count = HISTORY_PAGE_SIZE, signal?: AbortSignal): Promise<HistoryPage> {
    if (!(await this.git.resolveCommit('HEAD', signal))) return { commits: [], hasMore: false };
    const text = await this.git.logPage(
      { rev: 'HEAD', skip, count: count + 1, format: HISTORY_LOG_FORMAT },
      signal,
    );
    const commits = parseGitLogPage(text);
    return { commits: commits.slice(0, count), hasMore: commits.length > count };
  }

  /**
   * The first page and its metrics, asked of git and DVC at once: DVC's `exp show --rev HEAD -n <page + 1>`
   * names the same first-parent commits `git log --first-parent HEAD` lists, so it need not wait for git's
   * shas. DVC takes seconds where git takes milliseconds, so the page costs what DVC alone costs. Rows are
   * keyed by sha: if HEAD moved between the two answers, the commits DVC did not report say so.
   */
  firstPage(
    count = HISTORY_PAGE_SIZE,
    signal?: AbortSignal,
  ): { readonly page: Promise<HistoryPage>; readonly metrics: Promise<Map<string, ExperimentRow>> } {
    const metrics = this.experiments
      .show({ revs: ['HEAD'], commits: count + 1 }, { signal, slot: 'history-metrics' })
      .then((model) => new Map(model.commits.map((row) => [row.rev, row])));
    return { page: this.page(0, count, signal), metrics };
  }

  /** DVC's rows for the page's commits and the parent of its oldest one, by sha. */
  async metricsFor(
    commits: readonly LoggedCommit[],
    signal?: AbortSignal,
  ): Promise<Map<string, ExperimentRow>> {
    const newest = commits[0];
    if (!newest) return new Map();
    const model = await this.experiments.show(
      { revs: [newest.sha], commits: commits.length + 1 },
      { signal, slot: 'history-metrics' },
    );
    return new Map(model.commits.map((row) => [row.rev, row]));
  }

  /**
   * DVC's rows of one commit and its first parent (param blame's "how the metrics moved"): one bounded read,
   * `exp show --rev <sha> -n 2` (`-n 1` for a root commit), in its own slot so it never cancels the view's.
   */
  async commitAndParentRows(
    sha: string,
    parent: string | undefined,
    signal?: AbortSignal,
  ): Promise<CommitAndParentRows> {
    const model = await this.experiments.show(
      { revs: [sha], commits: parent ? 2 : 1 },
      { signal, slot: `blame-metrics:${sha}` },
    );
    const byRev = new Map(model.commits.map((row) => [row.rev, row]));
    return { row: byRev.get(sha), parentRow: parent ? byRev.get(parent) : undefined };
  }

  /** The commits of the page that changed the outputs a dvc.lock records (not only its params or deps). */
  async lockOutsChanged(commits: readonly LoggedCommit[], signal?: AbortSignal): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const commit of commits) {
      for (const lock of commit.files.filter(isLockFile)) {
        const after = await this.git.fileAt(commit.sha, lock, signal);
        const parent = commit.parents[0];
        const before = parent ? await this.git.fileAt(parent, lock, signal) : undefined;
        if (outsSignature(before, lock) !== outsSignature(after, lock)) {
          changed.add(commit.sha);
          break;
        }
      }
    }
    return changed;
  }

  /** `key -> commit that last changed its value` for one params file (path relative to the repository folder). */
  async blame(file: string, signal?: AbortSignal, cap = BLAME_COMMIT_CAP): Promise<ParamsBlameResult> {
    const head = readParams(file, await this.git.fileAt('HEAD', file, signal).catch(() => undefined));
    if (!head) return { head: undefined, blame: new Map() };
    const touching = await this.git.commitsTouching(file, cap, signal);
    const steps: ParamsFileStep[] = [];
    const open = new Set(Object.keys(head));
    for (const sha of touching) {
      const after = readParams(file, await this.git.fileAt(sha, file, signal));
      const before = readParams(file, await this.git.fileAt(`${sha}^`, file, signal).catch(() => undefined));
      steps.push({ sha, before, after });
      // Stop reading as soon as every key found its commit: most params settle within a few commits.
      const resolved = blameParams(head, steps);
      for (const [key, blame] of resolved) if (blame.kind === 'commit') open.delete(key);
      if (open.size === 0) break;
    }
    return { head, blame: blameParams(head, steps) };
  }
}

function readParams(file: string, text: string | undefined): FlatParams | undefined {
  if (text === undefined) return undefined;
  const { values } = parseParamsFile(file, text);
  return values ? flattenParamMap(values) : undefined;
}

/** The outputs and their hashes, as one comparable text (order-independent). */
function outsSignature(text: string | undefined, lockFile: string): string {
  if (text === undefined) return '';
  return parseDvcLockOuts(text, lockFile)
    .outs.map((out) => `${out.stage}\0${out.path}\0${out.md5 ?? ''}`)
    .sort()
    .join('\n');
}
