/**
 * Pipelines to Pipeline-view nodes: file → problems and stages → item groups → items. Pure and cheap (one
 * pass, no sorting of stages, strings built once), so a 1,000-stage pipeline builds in a few milliseconds.
 */
import type { Pipeline, PipelineProblem, Stage, StageItem, StageItemKind } from './model';
import { folderOf, joinPath } from './pipelinePaths';
import type {
  ItemGroupNode,
  ItemNode,
  OpenTarget,
  PipelineFileNode,
  PipelineTreeNode,
  PipelineTreeOptions,
  ProblemNode,
  StageNode,
} from './treeNodes';

export type * from './treeNodes';

interface GroupStyle {
  readonly label: string;
  readonly codicon: string;
  readonly itemCodicon: string;
  /** How one item of the group is described in a tooltip. */
  readonly role: string;
}

/** Group order and looks; `Record` makes adding an item kind without a group a compile error. */
const groupStyles: Readonly<Record<StageItemKind, GroupStyle>> = {
  cmd: { label: 'Command', codicon: 'terminal', itemCodicon: 'terminal', role: 'Command' },
  dep: { label: 'Dependencies', codicon: 'references', itemCodicon: 'file', role: 'Dependency' },
  out: { label: 'Outputs', codicon: 'output', itemCodicon: 'output', role: 'Output' },
  param: { label: 'Params', codicon: 'symbol-parameter', itemCodicon: 'symbol-parameter', role: 'Parameter' },
  metric: { label: 'Metrics', codicon: 'dashboard', itemCodicon: 'graph', role: 'Metrics file' },
  plot: { label: 'Plots', codicon: 'graph-line', itemCodicon: 'graph', role: 'Plot' },
};
const groupOrder = Object.keys(groupStyles) as StageItemKind[];
const groupIndex = Object.fromEntries(groupOrder.map((kind, index) => [kind, index])) as Record<
  StageItemKind,
  number
>;

const noChildren: readonly PipelineTreeNode[] = Object.freeze([]);

const remoteOrAbsolute = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-zA-Z]:[\\/])/i;

export function buildPipelineTree(
  pipelines: readonly Pipeline[],
  options: PipelineTreeOptions,
): PipelineTreeNode[] {
  const ordered = [...pipelines].sort((a, b) => sortKey(a.file).localeCompare(sortKey(b.file)));
  return ordered.map((pipeline) => pipelineFileNode(pipeline, options));
}

/** The root dvc.yaml first, then the others by path. */
function sortKey(file: string): string {
  return file === 'dvc.yaml' ? '' : file;
}

function pipelineFileNode(pipeline: Pipeline, options: PipelineTreeOptions): PipelineFileNode {
  const root = options.rootId;
  const folder = folderOf(pipeline.file);
  const errors = pipeline.problems.filter((problem) => problem.severity === 'error').length;
  const stageCount = `${pipeline.stages.length} ${pipeline.stages.length === 1 ? 'stage' : 'stages'}`;
  const problemCount = errors > 0 ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : '';
  const children: PipelineTreeNode[] = problemNodes(pipeline, root, options.maxProblems ?? 3);
  for (const stage of pipeline.stages) children.push(stageNode(stage, pipeline.file, folder, root));
  if (pipeline.plots && pipeline.plots.length > 0) {
    children.push(
      groupNode(
        'plot',
        pipeline.plots,
        pipeline.file,
        folder,
        undefined,
        `${root}|itemGroup|${pipeline.file}|plots`,
      ),
    );
  }
  const where = options.rootLabel ? `${options.rootLabel}: ` : '';
  return {
    kind: 'pipelineFile',
    id: `${root}|pipelineFile|${pipeline.file}`,
    label: pipeline.file,
    description: stageCount + problemCount,
    tooltip: `${where}${pipeline.file}\n${stageCount}${problemCount}`,
    codicon: 'file-code',
    contextValue: 'pipelineFile',
    open: { file: pipeline.file },
    pipeline,
    children,
  };
}

function problemNodes(pipeline: Pipeline, root: string, limit: number): ProblemNode[] {
  const problems = [...pipeline.problems].sort((a, b) => severityRank(a) - severityRank(b));
  const shown = problems.slice(0, Math.max(0, limit));
  const hidden = problems.length - shown.length;
  const seen = new Map<string, number>();
  return shown.map((problem, index) => {
    const occurrence = countOccurrence(seen, problem.message);
    const more = hidden > 0 && index === shown.length - 1 ? ` (+${hidden} more)` : '';
    const line = `${problem.file}:${problem.range.startLine + 1}`;
    return {
      kind: 'problem',
      id: `${root}|problem|${pipeline.file}|${problem.message}|${occurrence}`,
      label: problem.message,
      description: `${line}${more}`,
      tooltip: `${problem.severity === 'error' ? 'Error' : 'Warning'} at ${line}\n${problem.message}`,
      codicon: problem.severity === 'error' ? 'error' : 'warning',
      contextValue: 'problem',
      open: { file: problem.file, range: problem.range },
      problem,
      children: [],
    };
  });
}

function severityRank(problem: PipelineProblem): number {
  return problem.severity === 'error' ? 0 : 1;
}

function stageNode(stage: Stage, file: string, folder: string, root: string): StageNode {
  // Items come grouped by field in dvc.yaml order; a small fixed array per kind beats a Map per stage.
  const byKind: StageItem[][] = groupOrder.map(() => []);
  for (const item of stage.items) byKind[groupIndex[item.kind]]?.push(item);
  const children: ItemGroupNode[] = [];
  groupOrder.forEach((kind, index) => {
    const items = byKind[index];
    if (items && items.length > 0) {
      children.push(
        groupNode(kind, items, file, folder, stage.name, `${root}|itemGroup|${file}|${stage.name}|${kind}`),
      );
    }
  });
  let description = stage.frozen ? 'frozen' : '';
  if (stage.alwaysChanged) description += description === '' ? 'always changed' : ' · always changed';
  if (stage.description) description += description === '' ? stage.description : ` · ${stage.description}`;
  let tooltip = stage.qualifiedName;
  if (stage.description) tooltip += `\n${stage.description}`;
  if (stage.definitionName !== stage.name)
    tooltip += `\nGenerated by '${stage.definitionName}' (foreach/matrix)`;
  if (stage.frozen) tooltip += '\nFrozen: dvc repro does not run it';
  if (stage.alwaysChanged) tooltip += '\nAlways changed: dvc repro always runs it';
  return {
    kind: 'stage',
    id: `${root}|stage|${file}|${stage.name}`,
    label: stage.name,
    description: description === '' ? undefined : description,
    tooltip,
    codicon: stage.frozen ? 'lock' : 'symbol-event',
    contextValue: 'stage',
    open: { file, range: stage.range },
    file,
    stage,
    children,
  };
}

function groupNode(
  kind: StageItemKind,
  items: readonly StageItem[],
  file: string,
  folder: string,
  stageName: string | undefined,
  id: string,
): ItemGroupNode {
  const style = groupStyles[kind];
  // Only count repeats (the same dep listed twice) in the rare group that has any.
  const seen = hasRepeatedLabel(items) ? new Map<string, number>() : undefined;
  const children = items.map((item) => {
    const repeat = seen ? countOccurrence(seen, item.label) : 0;
    return itemNode(
      item,
      file,
      folder,
      repeat === 0 ? `${id}|${item.label}` : `${id}|${item.label}|${repeat}`,
      stageName,
    );
  });
  const owner = stageName === undefined ? `top-level plots of ${file}` : `stage ${stageName}`;
  return {
    kind: 'itemGroup',
    id,
    label: style.label,
    description: String(items.length),
    tooltip: `${style.label} of ${owner}`,
    codicon: style.codicon,
    contextValue: 'itemGroup',
    open: undefined,
    file,
    stageName,
    itemKind: kind,
    children,
  };
}

function itemNode(
  item: StageItem,
  file: string,
  folder: string,
  id: string,
  stageName: string | undefined,
): ItemNode {
  const style = groupStyles[item.kind];
  const repoPath =
    item.path !== undefined && !remoteOrAbsolute.test(item.path) ? joinPath(folder, item.path) : undefined;
  let open: OpenTarget | undefined;
  if (item.kind === 'cmd') open = { file, range: item.range };
  else if (repoPath !== undefined) open = { file: repoPath };
  // A default-file param reads `lr`; say which file it is in. Other labels already show their path.
  const description = item.kind === 'param' && item.paramKey === item.label ? item.path : undefined;
  let tooltip = item.label;
  if (item.kind !== 'cmd')
    tooltip =
      repoPath && repoPath !== item.label
        ? `${style.role}: ${item.label}\n${repoPath}`
        : `${style.role}: ${item.label}`;
  // Every node gets every property (undefined when absent): one object shape keeps building fast.
  return {
    kind: 'item',
    id,
    label: item.label,
    description,
    tooltip,
    codicon: style.itemCodicon,
    contextValue: item.kind,
    open,
    file,
    stageName,
    item,
    children: noChildren,
  };
}

function hasRepeatedLabel(items: readonly StageItem[]): boolean {
  if (items.length > 12) return new Set(items.map((item) => item.label)).size !== items.length;
  for (let index = 1; index < items.length; index++) {
    const label = items[index]?.label;
    for (let earlier = 0; earlier < index; earlier++) if (items[earlier]?.label === label) return true;
  }
  return false;
}

/** 0 for the first time a key is seen, 1 for the second... (keeps ids of repeated labels apart). */
function countOccurrence(seen: Map<string, number>, key: string): number {
  const count = seen.get(key) ?? 0;
  seen.set(key, count + 1);
  return count;
}
