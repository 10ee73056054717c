/**
 * The baseline commit's metrics for the regression warning when `dvcLens.metrics.baselineRef` names a branch,
 * tag or sha other than HEAD. The ref is resolved with git on every ask (milliseconds; a moved branch is seen
 * at once); DVC is asked only for a sha it was not asked about before: the row comes from the experiments
 * store's model when it lists that commit, else from one `dvc exp show --rev <sha> -n 1`, kept per sha (a
 * commit's metrics do not change). No vscode import: the integration floor drives it with real DVC and git.
 */
import type { GitCli } from '../repository/processes';
import { isCancellation } from '../repository/processes';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import type { ExperimentsService } from '../experiments';

export type BaselineRead =
  /** `row` undefined: DVC did not report the commit (nothing to compare with, said in the tooltip). */
  | {
      readonly kind: 'row';
      readonly ref: string;
      readonly sha: string;
      readonly row: ExperimentRow | undefined;
    }
  /** The ref names no commit of this repository. */
  | { readonly kind: 'invalid'; readonly ref: string; readonly message: string }
  /** git or DVC failed (DVC missing, a broken cache): the message says what. */
  | { readonly kind: 'failed'; readonly ref: string; readonly message: string };

/** Shas remembered at most per repository. */
const CACHE_LIMIT = 20;

export class BaselineReader {
  private readonly rows = new Map<string, Promise<ExperimentRow | undefined>>();

  constructor(
    private readonly git: Pick<GitCli, 'resolveCommit'>,
    private readonly experiments: Pick<ExperimentsService, 'show'>,
  ) {}

  /** Never throws: a bad ref or a failing DVC comes back as `invalid` or `failed`. */
  async read(ref: string, known: readonly ExperimentRow[] = [], signal?: AbortSignal): Promise<BaselineRead> {
    let sha: string | undefined;
    try {
      sha = await this.git.resolveCommit(ref, signal);
    } catch (error) {
      return { kind: 'failed', ref, message: `git could not resolve '${ref}': ${messageOf(error)}` };
    }
    if (!sha)
      return { kind: 'invalid', ref, message: `'${ref}' is not a branch, tag or commit of this repository.` };
    const listed = known.find((row) => row.kind === 'commit' && row.rev === sha);
    if (listed) return { kind: 'row', ref, sha, row: listed };
    try {
      return { kind: 'row', ref, sha, row: await this.rowOf(sha, signal) };
    } catch (error) {
      if (isCancellation(error)) throw error;
      return {
        kind: 'failed',
        ref,
        message: `DVC could not read the metrics of '${ref}': ${messageOf(error)}`,
      };
    }
  }

  private rowOf(sha: string, signal: AbortSignal | undefined): Promise<ExperimentRow | undefined> {
    let pending = this.rows.get(sha);
    if (!pending) {
      if (this.rows.size >= CACHE_LIMIT) this.rows.clear();
      pending = this.experiments
        .show({ revs: [sha], commits: 1 }, { signal, slot: 'baseline-metrics' })
        .then((model) => model.commits.find((row) => row.rev === sha));
      // A failure is not kept: the next ask tries again (DVC may have been fixed or found meanwhile).
      pending.catch(() => this.rows.delete(sha));
      this.rows.set(sha, pending);
    }
    return pending;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
