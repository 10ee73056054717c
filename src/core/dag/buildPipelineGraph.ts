import type { Pipeline, Stage } from '../pipeline/model';
import type { DataSource } from './dataSources';
import type { GraphEdge, GraphGroup, GraphMode, GraphNode, GraphOutput, PipelineGraph } from './graphModel';
import { ancestorsOf, repositoryPath } from './repositoryPaths';

/** Item kinds DVC treats as outputs of a stage (metrics and plots are outputs with extra meaning). */
const outputKinds = new Set(['out', 'metric', 'plot']);

export interface BuildGraphOptions {
  readonly mode?: GraphMode;
  /** The repository's `.dvc` files: in stage mode each is a node above the stages that read it, as in `dvc dag`. */
  readonly dataSources?: readonly DataSource[];
}

/** Outputs by exact path and by every folder above them, so each dependency is matched without a scan. */
class OutputIndex {
  private readonly byPath = new Map<string, GraphOutput[]>();
  private readonly byAncestor = new Map<string, GraphOutput[]>();

  add(output: GraphOutput): void {
    push(this.byPath, output.path, output);
    for (const ancestor of ancestorsOf(output.path)) push(this.byAncestor, ancestor, output);
  }

  /** Outputs a dependency on `path` reads: the same path, a folder holding it, or files inside it. */
  matching(path: string): GraphOutput[] {
    const found = [...(this.byPath.get(path) ?? []), ...(this.byAncestor.get(path) ?? [])];
    for (const ancestor of ancestorsOf(path)) found.push(...(this.byPath.get(ancestor) ?? []));
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stageOutputs(pipeline: Pipeline, stage: Stage): GraphOutput[] {
  return stage.items.flatMap((item) => {
    if (!outputKinds.has(item.kind) || item.path === undefined) return [];
    const path = repositoryPath(pipeline.file, item.path);
    return path === undefined
      ? []
      : [{ path, stage: stage.qualifiedName, file: pipeline.file, range: item.range }];
  });
}

function stageDependencies(pipeline: Pipeline, stage: Stage): string[] {
  return stage.items.flatMap((item) => {
    if (item.kind !== 'dep' || item.path === undefined) return [];
    const path = repositoryPath(pipeline.file, item.path);
    return path === undefined ? [] : [path];
  });
}

/** Adds `path` to the edge from → to, creating the edge on first use; keys keep one edge per pair. */
function link(
  edges: Map<string, { from: string; to: string; paths: Set<string> }>,
  from: string,
  to: string,
  path: string,
): void {
  const key = `${from}\u0000${to}`;
  const edge = edges.get(key) ?? { from, to, paths: new Set<string>() };
  edge.paths.add(path);
  edges.set(key, edge);
}

/**
 * Builds the graph of the pipelines of one repository: stage B depends on stage A when a dependency of B is
 * an output of A, lies inside one, or is a folder holding one. Paths are compared repository-relative.
 */
export function buildPipelineGraph(
  pipelines: readonly Pipeline[],
  options: BuildGraphOptions = {},
): PipelineGraph {
  const mode = options.mode ?? 'stages';
  const index = new OutputIndex();
  const outputs: GraphOutput[] = [];
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages)
      for (const output of stageOutputs(pipeline, stage)) {
        outputs.push(output);
        index.add(output);
      }

  const stageEdges = new Map<string, { from: string; to: string; paths: Set<string> }>();
  const dataEdges = new Map<string, { from: string; to: string; paths: Set<string> }>();
  const outputsByStage = new Map<string, GraphOutput[]>();
  for (const output of outputs) push(outputsByStage, output.stage, output);
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages)
      for (const dependency of stageDependencies(pipeline, stage))
        for (const output of index.matching(dependency)) {
          if (output.stage === stage.qualifiedName) continue;
          link(stageEdges, output.stage, stage.qualifiedName, output.path);
          for (const written of outputsByStage.get(stage.qualifiedName) ?? [])
            link(dataEdges, dataId(output.path), dataId(written.path), output.path);
        }

  const nodes: GraphNode[] = [];
  const groups: GraphGroup[] = [];
  const seenData = new Set<string>();
  for (const pipeline of pipelines) {
    const nodeIds: string[] = [];
    for (const stage of pipeline.stages) {
      if (mode === 'stages') {
        nodes.push({
          id: stage.qualifiedName,
          kind: 'stage',
          label: stage.name,
          file: pipeline.file,
          stage: stage.qualifiedName,
          range: stage.range,
        });
        nodeIds.push(stage.qualifiedName);
        continue;
      }
      for (const output of outputsByStage.get(stage.qualifiedName) ?? []) {
        const id = dataId(output.path);
        // Two stages writing one path is a problem reported by graphProblems; the graph keeps one node.
        if (seenData.has(id)) continue;
        seenData.add(id);
        nodes.push({
          id,
          kind: 'data',
          label: output.path,
          file: pipeline.file,
          stage: stage.qualifiedName,
          range: stage.range,
        });
        nodeIds.push(id);
      }
    }
    groups.push({ file: pipeline.file, nodeIds });
  }

  if (mode === 'stages') addDataSources(pipelines, options.dataSources ?? [], nodes, groups, stageEdges);

  const edges: GraphEdge[] = [...(mode === 'stages' ? stageEdges : dataEdges).values()]
    .filter((edge) => edge.from !== edge.to)
    .map((edge) => ({ from: edge.from, to: edge.to, paths: [...edge.paths].sort() }));
  return { mode, nodes, edges, groups, outputs };
}

function dataId(path: string): string {
  return `data:${path}`;
}

const startOfFile = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };

/**
 * One node per `.dvc` file, linked to every stage that reads one of its outputs (same path, inside it, or a
 * folder holding it), drawn in the frame of its first reader's dvc.yaml (or of the first dvc.yaml).
 */
function addDataSources(
  pipelines: readonly Pipeline[],
  sources: readonly DataSource[],
  nodes: GraphNode[],
  groups: GraphGroup[],
  edges: Map<string, { from: string; to: string; paths: Set<string> }>,
): void {
  if (sources.length === 0) return;
  const index = new OutputIndex();
  for (const source of sources)
    for (const path of source.outs)
      index.add({ path, stage: source.file, file: source.file, range: startOfFile });
  const readers = new Map<string, string>();
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages)
      for (const dependency of stageDependencies(pipeline, stage))
        for (const output of index.matching(dependency)) {
          link(edges, output.stage, stage.qualifiedName, output.path);
          if (!readers.has(output.stage)) readers.set(output.stage, pipeline.file);
        }
  for (const source of sources) {
    const group = readers.get(source.file) ?? pipelines[0]?.file ?? source.file;
    nodes.push({
      id: source.file,
      kind: 'source',
      label: source.file,
      file: source.file,
      stage: source.file,
      range: startOfFile,
      group,
      source: { kind: source.kind, frozen: source.frozen },
    });
    const frame = groups.find((candidate) => candidate.file === group);
    if (frame) groups[groups.indexOf(frame)] = { file: group, nodeIds: [...frame.nodeIds, source.file] };
    else groups.push({ file: group, nodeIds: [source.file] });
  }
}
