/**
 * Adds and removes stages of one repository through DVC (DVC writes dvc.yaml and dvc.lock, never us), in the
 * repository's write queue so that neither collides with a running `dvc repro` on DVC's lock.
 */
import type { DvcCli } from '../../repository/processes';
import type { RepositoryScheduler } from '../../repository/processes';
import { stageAddArguments, validateDraft, type StageDraft } from './stageDraft';

/** A draft we refused before DVC ran; the message says what to change. */
export class InvalidStageDraftError extends Error {
  override readonly name = 'InvalidStageDraftError';
}

export class StageEditor {
  /** `cli` and `scheduler`: the repository's own (its DVC, its one write queue). */
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
  ) {}

  /**
   * `dvc stage add` into the repository root's dvc.yaml, after our own checks. `existingNames`: the stages
   * that dvc.yaml has now (DVC would refuse a duplicate too, but only after starting up).
   */
  async add(draft: StageDraft, existingNames: Iterable<string>, signal?: AbortSignal): Promise<void> {
    const problem = validateDraft(draft, existingNames);
    if (problem !== undefined) throw new InvalidStageDraftError(problem);
    await this.cli.stageAdd(stageAddArguments(draft), signal);
  }

  /**
   * `dvc remove <stage>`: DVC deletes the stage from dvc.yaml and its entry from dvc.lock, and drops its
   * outputs from .gitignore; the output files stay in the workspace and in the cache (we never pass `--outs`).
   * `--` keeps a stage named like an option from being read as one.
   */
  async remove(stage: string, signal?: AbortSignal): Promise<void> {
    const { executable } = this.cli;
    await this.scheduler.write(
      { file: executable.command, args: [...executable.prefixArgs, 'remove', '--', stage] },
      { signal, label: `Remove stage ${stage}` },
    );
  }
}
