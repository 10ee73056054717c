/**
 * The pipeline model the trees, diagnostics and DAG render: plain data parsed in-process from dvc.yaml and
 * the params files it interpolates from. Positions are 0-based (line, character), as VS Code counts them.
 */

/** A span in a source file, 0-based, end exclusive. */
export interface SourceRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** What a child of a stage is; one tree group per kind. */
export type StageItemKind = 'cmd' | 'dep' | 'out' | 'param' | 'metric' | 'plot';

/** One command, dependency, output, params key, metrics file or plot of a stage, after interpolation. */
export interface StageItem {
  readonly kind: StageItemKind;
  /** Text shown to the user: the command, the path, or `file:key` for params. */
  readonly label: string;
  /** For files (deps, outs, metrics, plots, params files): the path relative to the dvc.yaml's folder. */
  readonly path?: string;
  /** For params: the key inside the params file (dotted). */
  readonly paramKey?: string;
  /** Where the item is written in dvc.yaml (for foreach/matrix stages: in the template). */
  readonly range: SourceRange;
}

/** One stage as DVC sees it after foreach/matrix expansion. */
export interface Stage {
  /** The name `dvc stage list` prints without the `<file>:` prefix, e.g. `train`, `build@us`, `fit@0-1`. */
  readonly name: string;
  /** The name with the `<dvc.yaml path>:` prefix DVC uses for pipelines outside the repository root. */
  readonly qualifiedName: string;
  /** The key under `stages:` that defines the stage (differs from `name` for foreach/matrix). */
  readonly definitionName: string;
  /** Where the stage's key is written in dvc.yaml. */
  readonly range: SourceRange;
  readonly frozen: boolean;
  readonly alwaysChanged: boolean;
  readonly description?: string;
  readonly items: readonly StageItem[];
}

export type ProblemSeverity = 'error' | 'warning';

/** A problem found while reading a pipeline, reported at a place in a file. */
export interface PipelineProblem {
  readonly severity: ProblemSeverity;
  readonly message: string;
  /** The file the problem is in, relative to the repository root (dvc.yaml or a params file). */
  readonly file: string;
  readonly range: SourceRange;
}

/** One dvc.yaml and what it defines. A pipeline with errors still lists the stages it could read. */
export interface Pipeline {
  /** Path of the dvc.yaml relative to the repository (DVC root) folder, with `/` separators. */
  readonly file: string;
  readonly stages: readonly Stage[];
  readonly problems: readonly PipelineProblem[];
  /**
   * The top-level `plots:` of the dvc.yaml (not a stage), kind `plot`; `path` is set when the plot's id is
   * itself a data file (absent when the plot names its files under `y:`).
   */
  readonly plots?: readonly StageItem[];
}
