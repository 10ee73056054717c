/**
 * One repository's History, as a slice of the repository hub: the pages of commits loaded so far (50 at a
 * time; never the whole branch) and, per page, DVC's metrics once `dvc exp show` answers. Commits paint first,
 * from git; metrics and markers fill in when DVC answers. Loads only while the view is visible.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../repository/processes';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import type { LoggedCommit } from '../core/history/gitLogPage';
import { buildHistoryEntries, type HistoryEntry } from '../core/history/historyEntries';
import { expShowReadsKey, metricDirectionsSetting } from '../experiments';
import type { Repository } from '../repository/repository';
import { defineSlice, type RepositorySlice, type SliceKey } from '../repository/repositorySlice';
import { errorText } from '../ui/messages';
import { HISTORY_PAGE_SIZE, type CommitAndParentRows } from './historyService';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';

interface LoadedPage {
  readonly commits: readonly LoggedCommit[];
  rows: ReadonlyMap<string, ExperimentRow> | undefined;
  lockOutsChanged: ReadonlySet<string>;
  failure: string | undefined;
}

/** What the view shows for one repository. */
export interface RepositoryHistory {
  readonly root: vscode.Uri;
  readonly entries: readonly HistoryEntry[];
  readonly hasMore: boolean;
  readonly loading: boolean;
  /** Said above the commits: detached HEAD, shallow clone, no commit yet, a git failure. */
  readonly notes: readonly string[];
}

interface MetricsAnswer {
  readonly rows: Map<string, ExperimentRow> | undefined;
  /** Why DVC could not answer (logged where the answer is used: an empty page ignores it). */
  readonly failure: unknown;
  /** The read was cancelled (a newer reload): nothing to show from it. */
  readonly cancelled: boolean;
}

interface RepositoryState {
  pages: LoadedPage[];
  hasMore: boolean;
  loading: boolean;
  notes: string[];
  generation: number;
  controller: AbortController | undefined;
}

/** The slice's name, for `refreshSlices(['history'])` after a command. */
export const historySliceName = 'history';

/** The history slice key; the face makes it once with the tools' dependencies. */
export function historySliceKey(deps: HistoryToolDependencies): SliceKey<HistorySlice> {
  return defineSlice(historySliceName, (repository) => new HistorySlice(repository, deps));
}

export class HistorySlice implements RepositorySlice {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private state: RepositoryState | undefined;
  private readonly cacheFills: vscode.Disposable;

  constructor(
    readonly repository: Repository,
    private readonly deps: HistoryToolDependencies,
  ) {
    // A pull brought data into the cache (DVC Lens's Pull or one in a terminal): commits whose metrics said
    // "not in the local cache" may have values now, and the answer kept by their sha no longer holds.
    this.cacheFills = repository.onDidFillCache(() => {
      if (!this.state) return;
      this.repository.slice(expShowReadsKey).afterCommand();
      void this.refresh();
    });
  }

  private get root(): vscode.Uri {
    return this.repository.root;
  }

  /** The loaded history (empty until `reload` ran). */
  get history(): RepositoryHistory {
    const root = this.root;
    const state = this.state;
    const directions = metricDirectionsSetting();
    const entries = (state?.pages ?? []).flatMap((page) =>
      buildHistoryEntries(
        page.commits,
        page.rows,
        { paramsFiles: new Set(['params.yaml']), directions, lockOutsChanged: page.lockOutsChanged },
        page.failure,
      ),
    );
    return {
      root,
      entries,
      hasMore: state?.hasMore ?? false,
      loading: state?.loading ?? false,
      notes: state?.notes ?? [],
    };
  }

  /**
   * DVC's rows of a loaded commit and its first parent, when a page already holds them (param blame reuses
   * them instead of asking DVC again); undefined when the commit is not loaded or its metrics are not in yet.
   */
  rowsOf(sha: string): CommitAndParentRows | undefined {
    for (const page of this.state?.pages ?? []) {
      const commit = page.commits.find((candidate) => candidate.sha === sha);
      if (!commit) continue;
      if (!page.rows) return undefined;
      const parent = commit.parents[0];
      return { row: page.rows.get(sha), parentRow: parent ? page.rows.get(parent) : undefined };
    }
    return undefined;
  }

  /** Drops what was loaded and reads the first page again (a newer reload cancels an older one). */
  async reload(): Promise<void> {
    const root = this.root;
    // Every `exp show` of HEAD's branch asks for History's first page too, so one read serves both views.
    this.repository.slice(expShowReadsKey).setStandingNeed('history', HISTORY_PAGE_SIZE + 1);
    const previous = this.state;
    previous?.controller?.abort();
    const state: RepositoryState = {
      pages: [],
      hasMore: false,
      loading: true,
      notes: [],
      generation: (previous?.generation ?? 0) + 1,
      controller: new AbortController(),
    };
    this.state = state;
    this.changed.fire();
    const tools = await repositoryTools(this.deps, root);
    const signal = state.controller?.signal;
    // The notes come from two quick git reads, beside the page rather than before it.
    const notes = (async (): Promise<void> => {
      try {
        const [shallow, branch] = await Promise.all([
          tools.git.isShallow(signal),
          tools.git.currentBranch(signal),
        ]);
        if (shallow)
          state.notes.push(
            'Shallow clone: history ends early; fetch with full history to see older commits.',
          );
        if (!branch) state.notes.push('Detached HEAD: showing the history of the checked-out commit.');
      } catch (error) {
        if (!isCancellation(error))
          state.notes.push(`git could not read this repository: ${errorText(error)}`);
      }
    })();
    await Promise.all([notes, this.loadPage(state)]);
    this.changed.fire();
  }

  /** The next 50 commits. */
  async loadMore(): Promise<void> {
    const state = this.state;
    if (!state) return this.reload();
    if (state.loading || !state.hasMore) return;
    state.loading = true;
    this.changed.fire();
    await this.loadPage(state);
  }

  /** Reads the first page again when the history was loaded (the view loads it only while visible). */
  async refresh(): Promise<void> {
    if (this.state) await this.reload();
  }

  dispose(): void {
    this.cacheFills.dispose();
    this.state?.controller?.abort();
    this.changed.dispose();
  }

  private async loadPage(state: RepositoryState): Promise<void> {
    const root = this.root;
    const signal = state.controller?.signal;
    const current = (): boolean => this.state?.generation === state.generation;
    try {
      const tools = await repositoryTools(this.deps, root);
      const skip = state.pages.reduce((count, page) => count + page.commits.length, 0);
      // The first page asks DVC at once, alongside git (DVC's seconds are the whole wait); later pages ask
      // DVC for the shas git listed, so a branch that moved meanwhile cannot shift them.
      const first = skip === 0 ? tools.history.firstPage(undefined, signal) : undefined;
      const early = first ? this.settled(first.metrics) : undefined;
      const page = await (first?.page ?? tools.history.page(skip, undefined, signal));
      if (!current()) return;
      if (skip === 0 && page.commits.length === 0)
        state.notes.push('No commits yet: commit to start a history.');
      const loaded: LoadedPage = {
        commits: page.commits,
        rows: undefined,
        lockOutsChanged: new Set(),
        failure: undefined,
      };
      state.pages.push(loaded);
      state.hasMore = page.hasMore;
      this.changed.fire();
      if (page.commits.length === 0) return;
      // git's small reads for the markers run while DVC collects the metrics (seconds).
      const metrics = early ?? this.settled(tools.history.metricsFor(page.commits, signal));
      const lockOuts = tools.history.lockOutsChanged(page.commits, signal).catch((error: unknown) => {
        if (isCancellation(error)) throw error;
        return new Set<string>();
      });
      const [answer, lockOutsChanged] = await Promise.all([metrics, lockOuts]);
      if (answer.cancelled) return;
      loaded.lockOutsChanged = lockOutsChanged;
      loaded.rows = answer.rows;
      if (answer.failure !== undefined) {
        this.deps.log.error('DVC Lens: history metrics could not be read', answer.failure);
        loaded.failure = `Metrics not available: ${errorText(answer.failure)}`;
      }
    } catch (error) {
      if (!isCancellation(error) && current())
        state.notes.push(`History could not be read: ${errorText(error)}`);
    } finally {
      if (current()) {
        state.loading = false;
        this.changed.fire();
      }
    }
  }

  /** DVC's answer as data: never rejects, so a read started early cannot go unheard when git fails first. */
  private settled(rows: Promise<Map<string, ExperimentRow>>): Promise<MetricsAnswer> {
    return rows.then(
      (answer) => ({ rows: answer, failure: undefined, cancelled: false }),
      (error: unknown) => ({ rows: undefined, failure: error, cancelled: isCancellation(error) }),
    );
  }
}
