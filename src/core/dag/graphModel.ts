/**
 * The pipeline as a graph: stages (or, in data mode, the files stages write) as nodes and "B reads what A
 * writes" as edges. Plain data built from the parsed `Pipeline`s, shared by the DAG panel and diagnostics.
 */
import type { SourceRange } from '../pipeline/model';

/** Stage mode draws one node per stage; data mode one node per output file, linked through the stages. */
export type GraphMode = 'stages' | 'data';

/** A stage node (stage mode), an output node (data mode), or a `.dvc` file (data source, stage mode). */
export interface GraphNode {
  /** Unique in the graph: the stage's qualified name, `data:<path>` for an output, the `.dvc` file's path. */
  readonly id: string;
  readonly kind: 'stage' | 'data' | 'source';
  /** Stage name, or the output's repository-relative path. */
  readonly label: string;
  /** The dvc.yaml (repository-relative) the node belongs to: the producing stage's file for an output. */
  readonly file: string;
  /** The qualified name of the stage (for an output: of the stage that writes it). */
  readonly stage: string;
  /** Where the stage is written in its dvc.yaml. */
  readonly range: SourceRange;
  /** The dvc.yaml whose frame the node is drawn in, when not `file` (a data source: its first reader's). */
  readonly group?: string;
  /** A data source: how it came (`dvc add`, `dvc import`, `dvc import-url`) and whether it is frozen. */
  readonly source?: { readonly kind: 'tracked' | 'import' | 'importUrl'; readonly frozen: boolean };
}

/** `to` reads what `from` writes; `paths` are the repository-relative outputs that make the link. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly paths: readonly string[];
}

/** The nodes of one dvc.yaml, in file order. */
export interface GraphGroup {
  readonly file: string;
  readonly nodeIds: readonly string[];
}

/** One output as written in a stage, with its path made repository-relative. */
export interface GraphOutput {
  readonly path: string;
  readonly stage: string;
  readonly file: string;
  readonly range: SourceRange;
}

export interface PipelineGraph {
  readonly mode: GraphMode;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  /** Every output of every stage (metrics and plots included, as DVC treats them as outputs). */
  readonly outputs: readonly GraphOutput[];
}
