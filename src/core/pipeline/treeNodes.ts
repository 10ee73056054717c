/**
 * The Pipeline view's nodes as plain data, built by {@link buildPipelineTree} and rendered by the tree
 * provider. Ids are stable across re-parses (made of root, kind, file and name/path, never of positions), so
 * VS Code keeps expansion and selection when dvc.yaml changes.
 */
import type { Pipeline, PipelineProblem, SourceRange, Stage, StageItem, StageItemKind } from './model';

/** What clicking a node opens: a file (repository-relative), at a range for places inside dvc.yaml. */
export interface OpenTarget {
  readonly file: string;
  readonly range?: SourceRange;
}

interface TreeNodeBase {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip: string;
  /** A codicon id for `ThemeIcon`. */
  readonly codicon: string;
  /** For `view/item/context` menus: `pipelineFile`, `stage`, `itemGroup`, the item kind (`dep`...), `problem`. */
  readonly contextValue: string;
  readonly open?: OpenTarget;
  readonly children: readonly PipelineTreeNode[];
}

/** One dvc.yaml. */
export interface PipelineFileNode extends TreeNodeBase {
  readonly kind: 'pipelineFile';
  readonly pipeline: Pipeline;
}

/** One stage (after foreach/matrix expansion). */
export interface StageNode extends TreeNodeBase {
  readonly kind: 'stage';
  /** The dvc.yaml, repository-relative. */
  readonly file: string;
  readonly stage: Stage;
}

/** Command, Dependencies, Outputs, Params, Metrics or Plots of a stage (or the top-level plots). */
export interface ItemGroupNode extends TreeNodeBase {
  readonly kind: 'itemGroup';
  readonly file: string;
  /** Undefined for the top-level `plots:` of the dvc.yaml. */
  readonly stageName?: string;
  readonly itemKind: StageItemKind;
}

export interface ItemNode extends TreeNodeBase {
  readonly kind: 'item';
  readonly file: string;
  readonly stageName?: string;
  readonly item: StageItem;
}

export interface ProblemNode extends TreeNodeBase {
  readonly kind: 'problem';
  readonly problem: PipelineProblem;
}

export type PipelineTreeNode = PipelineFileNode | StageNode | ItemGroupNode | ItemNode | ProblemNode;

export interface PipelineTreeOptions {
  /** Identifies the repository (e.g. its URI) so that ids stay unique in a multi-root workspace. */
  readonly rootId: string;
  /** The repository's name, shown in pipeline file tooltips in a multi-root workspace. */
  readonly rootLabel?: string;
  /** How many problems of one pipeline to show as nodes (the last one tells how many more there are). */
  readonly maxProblems?: number;
}
