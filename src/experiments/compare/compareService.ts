/**
 * What the compare view asks DVC and git, without VS Code: `dvc exp diff --all`, `dvc diff` and
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
import { parseExpDiff } from '../../core/experiments/parseExpDiff';

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
    const slot = `compare:${revisions.join('..')}`;
    const [entries, data, files] = await Promise.all([
      this.cli.readJson(['exp', 'diff', '--all', '--json', '--', ...revisions], {
        signal,
        slot: `${slot}:exp`,
      }),
      this.cli.readJson(['diff', '--json', '--', ...revisions], { signal, slot: `${slot}:data` }),
      this.git.diffNameStatus(first, second, signal),
    ]);
    const diffEntries = parseExpDiff(entries);
    const dataChanges = parseDataDiff(data);
    const fileChanges = parseNameStatus(files);
    return buildCompareModel({
      a,
      b,
      entries: swapped ? swapDiffEntries(diffEntries) : diffEntries,
      data: swapped ? swapChanges(dataChanges) : dataChanges,
      files: swapped ? swapChanges(fileChanges) : fileChanges,
      directions,
    });
  }
}
