/**
 * What the compare view asks DVC and git, without VS Code: `dvc exp diff --all` (for two commits whose
 * experiment rows the views already hold, built from those rows instead), `dvc diff` and
 * `git diff --name-status` for two revisions, one of which may be the workspace. DVC and git compare a
 * revision with the workspace only one way round (revision first), so "workspace vs X" is asked as
 * "X vs workspace" and turned round in the core.
 */
import type { DvcCli } from '../../repository/processes';
import type { GitCli } from '../../repository/processes';
import { parseDataDiff, parseNameStatus, swapChanges } from '../../core/compare/compareChanges';
import {
  buildCompareModel,
  swapDiffEntries,
  type CompareModel,
  type CompareRevision,
} from '../../core/compare/compareModel';
import { parseExpDiff, type ExperimentDiffEntry } from '../../core/experiments/parseExpDiff';
import { expDiffFromRows } from '../../core/compare/expDiffFromRows';
import type { ExperimentRow } from '../../core/experiments/experimentModel';
import type { FileChange } from '../../core/compare/compareChanges';
import { defineSlice, type RepositorySlice } from '../../repository/repositorySlice';

/** What DVC and git said about a pair of revisions, before the view's model is built from it. */
interface CompareParts {
  readonly entries: ExperimentDiffEntry[];
  readonly data: FileChange[];
  readonly files: FileChange[];
}

/** Pairs of commits kept at most per repository. */
const KEPT_PAIRS = 16;

/**
 * What two commits differ by never changes (unlike the workspace): a repository keeps the answers for pairs of
 * commits, so comparing them again asks neither DVC nor git.
 */
export class CommitPairResults implements RepositorySlice {
  private readonly pairs = new Map<string, Promise<CompareParts>>();

  get(key: string, read: () => Promise<CompareParts>): Promise<CompareParts> {
    let kept = this.pairs.get(key);
    if (!kept) {
      if (this.pairs.size >= KEPT_PAIRS) this.pairs.delete(this.pairs.keys().next().value ?? '');
      kept = read();
      this.pairs.set(key, kept);
      // A failure is not kept: the next compare asks again.
      kept.catch(() => {
        if (this.pairs.get(key) === kept) this.pairs.delete(key);
      });
    }
    return kept;
  }

  dispose(): void {
    this.pairs.clear();
  }
}

export const commitPairResultsKey = defineSlice('commitPairResults', () => new CommitPairResults());

/** The ref that means "the files as they are now". */
export const WORKSPACE_REF = 'workspace';

/** A revision side resolved for git: experiments by name have no ref git knows, so we use their commit. */
export interface ResolvedRevision extends CompareRevision {
  /** The commit git compares; undefined for the workspace. */
  readonly sha: string | undefined;
}

export class CompareService {
  constructor(
    private readonly cli: DvcCli,
    private readonly git: GitCli,
    /** The repository's kept answers for pairs of commits (none: every compare asks). */
    private readonly kept?: CommitPairResults,
    /**
     * The experiment row of a commit or finished experiment the views already read (`dvc exp show`), by sha:
     * when both sides have one, their params and metrics diff is built from the rows instead of `dvc exp diff`.
     */
    private readonly knownRow?: (sha: string) => ExperimentRow | undefined,
  ) {}

  /** The ref with its commit and a label such as `slow (7fee795)`; throws when git knows no such revision. */
  async resolve(ref: string, signal?: AbortSignal): Promise<ResolvedRevision> {
    if (ref === WORKSPACE_REF) return { ref, label: 'workspace', sha: undefined };
    const sha = await this.git.resolveCommit(ref, signal);
    if (!sha) throw new Error(`'${ref}' is neither a git revision nor an experiment of this repository.`);
    const short = sha.slice(0, 7);
    return { ref, label: ref.startsWith(short) ? short : `${ref} (${short})`, sha };
  }

  async compare(
    a: ResolvedRevision,
    b: ResolvedRevision,
    directions: Readonly<Record<string, unknown>>,
    signal?: AbortSignal,
  ): Promise<CompareModel> {
    if (a.sha === undefined && b.sha === undefined)
      throw new Error('Pick two different revisions to compare.');
    // Revisions for DVC by commit: an experiment's name is ambiguous across baselines, its sha is not.
    const swapped = a.sha === undefined;
    const first = (swapped ? b.sha : a.sha) ?? '';
    const second = swapped ? undefined : b.sha;
    const revisions = second === undefined ? [first] : [first, second];
    const read = (readSignal?: AbortSignal): Promise<CompareParts> =>
      this.readParts(revisions, first, second, readSignal);
    // Two commits: kept (shared by later compares, so no single caller's cancel may stop it).
    const parts =
      second !== undefined && this.kept
        ? await this.kept.get(revisions.join('..'), () => read())
        : await read(signal);
    const { entries: diffEntries, data: dataChanges, files: fileChanges } = parts;
    return buildCompareModel({
      a,
      b,
      entries: swapped ? swapDiffEntries(diffEntries) : diffEntries,
      data: swapped ? swapChanges(dataChanges) : dataChanges,
      files: swapped ? swapChanges(fileChanges) : fileChanges,
      directions,
    });
  }

  private async readParts(
    revisions: readonly string[],
    first: string,
    second: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<CompareParts> {
    const slot = `compare:${revisions.join('..')}`;
    const [entries, data, files] = await Promise.all([
      this.fromRows(first, second) ??
        this.cli
          .readJson(['exp', 'diff', '--all', '--json', '--', ...revisions], { signal, slot: `${slot}:exp` })
          .then(parseExpDiff),
      this.cli.readJson(['diff', '--json', '--', ...revisions], { signal, slot: `${slot}:data` }),
      this.git.diffNameStatus(first, second, signal),
    ]);
    return { entries, data: parseDataDiff(data), files: parseNameStatus(files) };
  }

  /** `exp diff --all` of two commits from their rows, when both are known and exact (see expDiffFromRows). */
  private fromRows(first: string, second: string | undefined): Promise<ExperimentDiffEntry[]> | undefined {
    if (second === undefined || !this.knownRow) return undefined;
    const [old, current] = [this.knownRow(first), this.knownRow(second)];
    const entries = old && current ? expDiffFromRows(old, current) : undefined;
    return entries && Promise.resolve(entries);
  }
}
