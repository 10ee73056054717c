import { buildPipelineGraph, graphProblems, type DataSource } from '../../core/dag';
import type { Pipeline, PipelineProblem } from '../../core/pipeline/model';
import type { StageRunRecord, StageRunState, StageStatus } from '../../core/status/stageStatus';
import type {
  DagGroupView,
  DagNodeView,
  DagProblemView,
  DagSnapshot,
} from '../../core/protocols/dagProtocol';

/** One repository as the snapshot needs it; `root` is the root URI as a string. */
export interface SnapshotRepository {
  readonly root: string;
  /** Shown before the dvc.yaml paths when the workspace has several repositories. */
  readonly name: string;
  readonly pipelines: readonly Pipeline[];
  /** Its `.dvc` files, drawn as data sources above the stages that read them. */
  readonly dataSources?: readonly DataSource[];
}

/** Where the run-time facts of a stage come from; each may be absent (the DAG then shows `unknown`). */
export interface StageFacts {
  readonly statusOf?: (root: string, stage: string) => StageStatus | undefined;
  readonly runStateOf?: (root: string, stage: string) => StageRunState | undefined;
  readonly lastRunOf?: (root: string, stage: string) => StageRunRecord | undefined;
}

/** The id of a stage's node in the snapshot, e.g. for a `focus` message. */
export function dagNodeId(root: string, stage: string): string {
  return `${root}\u0000${stage}`;
}

function problemView(problem: PipelineProblem, prefix: string): DagProblemView {
  return { message: problem.message, location: `${prefix}${problem.file}:${problem.range.startLine + 1}` };
}

/** Builds the graph of every repository and joins it with the stages' status into what the webview draws. */
export function buildDagSnapshot(
  repositories: readonly SnapshotRepository[],
  facts: StageFacts = {},
): DagSnapshot {
  const nodes: DagNodeView[] = [];
  const edges: { from: string; to: string }[] = [];
  const groups: DagGroupView[] = [];
  const problems: DagProblemView[] = [];
  const several = repositories.length > 1;
  for (const repository of repositories) {
    const { root } = repository;
    const prefix = several ? `${repository.name}/` : '';
    const graph = buildPipelineGraph(repository.pipelines, { dataSources: repository.dataSources ?? [] });
    const nodeId = (stage: string): string => dagNodeId(root, stage);
    for (const group of graph.groups)
      groups.push({ id: nodeId(group.file), label: `${prefix}${group.file}` });
    for (const node of graph.nodes) {
      const status = facts.statusOf?.(root, node.stage);
      const runState = facts.runStateOf?.(root, node.stage);
      const lastRun = facts.lastRunOf?.(root, node.stage);
      nodes.push({
        id: nodeId(node.id),
        root,
        label: node.label,
        qualifiedName: node.stage,
        file: node.file,
        group: nodeId(node.group ?? node.file),
        status: status?.kind ?? 'unknown',
        ...(runState ? { runState } : {}),
        ...(lastRun ? { lastDurationMs: lastRun.durationMs } : {}),
        ...(node.source ? { source: node.source } : {}),
      });
    }
    for (const edge of graph.edges) edges.push({ from: nodeId(edge.from), to: nodeId(edge.to) });
    for (const pipeline of repository.pipelines)
      for (const problem of pipeline.problems)
        if (problem.severity === 'error') problems.push(problemView(problem, prefix));
    for (const problem of graphProblems(graph)) problems.push(problemView(problem, prefix));
  }
  return { nodes, edges, groups, problems };
}
