/**
 * What DVC Lens knows about a stage besides its definition: whether it is up to date (from `dvc status
 * --json`) and what a run started from DVC Lens is doing with it. Shared by the tree, the DAG, CodeLens and
 * hovers, so that every view says the same thing in the same words.
 */

/** From `dvc status --json` and dvc.yaml: is the stage's last result still valid? */
export type StageStatusKind = 'upToDate' | 'changed' | 'alwaysChanged' | 'frozen' | 'neverRun' | 'unknown';

export interface StageStatus {
  readonly kind: StageStatusKind;
  /** Why, in words a user reads: e.g. `params changed: train.epochs`, `deps modified: data/raw.csv`. */
  readonly reasons: readonly string[];
}

/** What a run started from DVC Lens is doing with a stage right now (absent: no run involves it). */
export type StageRunState = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped';

/** One finished run of a stage started from DVC Lens, kept in the extension's workspace storage. */
export interface StageRunRecord {
  /** The stage's qualified name (`name`, or `dir/dvc.yaml:name`), as DVC prints it. */
  readonly stage: string;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly outcome: 'succeeded' | 'failed' | 'cancelled';
  readonly exitCode?: number;
  /** Absolute path of the log file holding this run's output. */
  readonly logFile: string;
}
