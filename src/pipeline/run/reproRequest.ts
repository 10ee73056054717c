import type { ReproOptions } from '../../repository/processes';

/** Which stages a run covers, besides its targets. */
export type ReproMode =
  /** The targets (stages or dvc.yaml files; none: the root dvc.yaml) and everything they depend on. */
  | 'all'
  /** The target stages and their upstream stages (DVC's default). */
  | 'withUpstream'
  /** Only the target stages (`--single-item`). */
  | 'single'
  /** The target stages and every stage that depends on them (`--downstream`). */
  | 'downstream';

/** A run the user asked for, from a command, CodeLens or the DAG. */
export interface ReproRequest {
  /** Qualified stage names (`train`, `sub/dvc.yaml:train`) or dvc.yaml paths, repository-relative. */
  readonly targets: readonly string[];
  readonly mode: ReproMode;
  readonly force?: boolean;
  readonly pull?: boolean;
  readonly dryRun?: boolean;
}

/** The request as DvcCli.repro arguments. */
export function reproArguments(request: ReproRequest): { targets: string[]; options: ReproOptions } {
  return {
    targets: [...request.targets],
    options: {
      ...(request.mode === 'single' ? { singleItem: true } : {}),
      ...(request.mode === 'downstream' ? { downstream: true } : {}),
      ...(request.force ? { force: true } : {}),
      ...(request.pull ? { pull: true } : {}),
      ...(request.dryRun ? { dryRun: true } : {}),
    },
  };
}

/** The command line a user would type for the request (shown in the terminal and in messages). */
export function reproCommandText(request: ReproRequest): string {
  const { targets, options } = reproArguments(request);
  const flags = [
    options.force ? '--force' : '',
    options.singleItem ? '--single-item' : '',
    options.downstream ? '--downstream' : '',
    options.dryRun ? '--dry' : '',
    options.pull ? '--pull' : '',
  ].filter((flag) => flag.length > 0);
  return ['dvc', 'repro', ...flags, ...targets].join(' ');
}
