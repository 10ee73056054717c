/**
 * The experiments of one repository as plain data, built from `dvc exp show --json` (see parseExpShow.ts).
 * Views (the Experiments tree, the experiments table) render from it; it is serializable as it is (no Map, no
 * class), so a webview host can post it unchanged.
 */

/** A param or metric value after flattening: nested objects become dotted keys, lists stay lists. */
export type ExperimentValue = string | number | boolean | null | readonly ExperimentValue[];

/** `key.path -> value` of one params or metrics file (`train.learning_rate -> 0.5`). */
export type FlatValues = Readonly<Record<string, ExperimentValue>>;

/** `file -> key.path -> value`, files in DVC's order (`params.yaml -> train.epochs -> 40`). */
export type ValuesByFile = Readonly<Record<string, FlatValues>>;

/** Where an experiment is: DVC's executor state, or `success` for one that is done and has no executor. */
export type ExperimentState = 'queued' | 'running' | 'success' | 'failed';

/** What DVC knows of the process that runs (or ran) a queued experiment. */
export interface ExperimentExecutor {
  /** The queue task id (`dvc queue logs <taskId>` works with it or the name). */
  readonly taskId: string | undefined;
  /** DVC's own log of the run (`.dvc/tmp/exps/run/<task>/<task>.out`). */
  readonly logFile: string | undefined;
  readonly pid: number | undefined;
  readonly returnCode: number | undefined;
}

/** One row: the workspace, a commit or an experiment. */
export interface ExperimentRow {
  readonly kind: 'workspace' | 'commit' | 'experiment';
  /** Stable within a repository: `workspace`, the commit's sha, or the experiment's sha (queue task id while queued). */
  readonly id: string;
  /** `workspace` or a full sha. */
  readonly rev: string;
  /** An experiment's name; for a commit the branch (or tag) DVC names it by, when it is a tip; else undefined. */
  readonly name: string | undefined;
  /** What a person reads: `workspace`, the branch name or the short sha, the experiment's name. */
  readonly label: string;
  /** Experiments only; undefined for the workspace and commits. */
  readonly state: ExperimentState | undefined;
  /** ISO 8601 without zone as DVC prints it (`2026-11-29T18:33:27`); undefined for the workspace and runs in progress. */
  readonly timestamp: string | undefined;
  readonly params: ValuesByFile;
  readonly metrics: ValuesByFile;
  /** `dep path -> hash` (undefined hash: DVC has none, e.g. the pipeline never ran at that commit). */
  readonly deps: Readonly<Record<string, string | undefined>>;
  /** `file -> DVC's message` for params or metrics files DVC could not read (e.g. a missing metrics file). */
  readonly fileErrors: Readonly<Record<string, string>>;
  /** DVC's message when the whole revision failed (a failed experiment: "Experiment run failed"). */
  readonly error: string | undefined;
  /** Experiments only: the queue executor, when DVC reports one. */
  readonly executor: ExperimentExecutor | undefined;
  /** Experiments only: the sha of the commit they are based on. */
  readonly baseline: string | undefined;
}

/** A commit with the experiments based on it, newest first as DVC lists them. */
export interface CommitRow extends ExperimentRow {
  readonly kind: 'commit';
  readonly experiments: readonly ExperimentRow[];
}

/** Everything `dvc exp show` said, in its order: the workspace first, then commits (HEAD first). */
export interface ExperimentsModel {
  /** Undefined only when the repository has no commit yet (DVC prints `[]`). */
  readonly workspace: ExperimentRow | undefined;
  readonly commits: readonly CommitRow[];
}

/** Every row, depth-first: workspace, then each commit followed by its experiments. */
export function allRows(model: ExperimentsModel): ExperimentRow[] {
  const rows: ExperimentRow[] = model.workspace ? [model.workspace] : [];
  for (const commit of model.commits) rows.push(commit, ...commit.experiments);
  return rows;
}

/** All experiments of all commits. */
export function allExperiments(model: ExperimentsModel): ExperimentRow[] {
  return model.commits.flatMap((commit) => commit.experiments);
}

/** The experiment (by name, sha or task id) or undefined. */
export function findExperiment(model: ExperimentsModel, nameOrId: string): ExperimentRow | undefined {
  return allExperiments(model).find(
    (row) => row.name === nameOrId || row.id === nameOrId || row.executor?.taskId === nameOrId,
  );
}
