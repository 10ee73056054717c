import type { PipelineProblem } from '../pipeline/model';
import type { GraphOutput, PipelineGraph } from './graphModel';
import { ancestorsOf } from './repositoryPaths';
import { stronglyConnectedComponents, cycleThrough } from './graphCycles';

/**
 * Problems only the whole graph shows: cycles (reported once, at the first stage of the cycle in file order)
 * and outputs written by two stages (reported at both), which DVC refuses to run.
 */
export function graphProblems(graph: PipelineGraph): PipelineProblem[] {
  return [...cycleProblems(graph), ...overlapProblems(graph.outputs)];
}

function cycleProblems(graph: PipelineGraph): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const order = new Map(graph.nodes.map((node, position) => [node.id, position]));
  for (const component of stronglyConnectedComponents(graph)) {
    if (component.length < 2) continue;
    const sorted = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const first = graph.nodes[order.get(sorted[0] ?? '') ?? -1];
    if (!first) continue;
    const names = cycleThrough(graph, first.id, new Set(component)).map((id) => labelOf(graph, id));
    const what = graph.mode === 'stages' ? 'stages' : 'outputs';
    problems.push({
      severity: 'error',
      message: `Pipeline cycle: ${[...names, names[0]].join(' → ')}. DVC cannot run ${what} that depend on each other; remove one of these dependencies.`,
      file: first.file,
      range: first.range,
    });
  }
  return problems;
}

function labelOf(graph: PipelineGraph, id: string): string {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  return node ? (node.kind === 'stage' ? node.stage : node.label) : id;
}

function overlapProblems(outputs: readonly GraphOutput[]): PipelineProblem[] {
  const byPath = new Map<string, GraphOutput[]>();
  for (const output of outputs) byPath.set(output.path, [...(byPath.get(output.path) ?? []), output]);
  const problems: PipelineProblem[] = [];
  for (const output of outputs) {
    const others = (byPath.get(output.path) ?? []).filter((other) => other.stage !== output.stage);
    if (others.length > 0) {
      const names = [...new Set(others.map((other) => `'${other.stage}'`))].join(', ');
      problems.push({
        severity: 'error',
        message: `'${output.path}' is an output of stage '${output.stage}' and of ${names}. DVC requires each output to have one stage; remove it from all but one.`,
        file: output.file,
        range: output.range,
      });
      continue;
    }
    for (const ancestor of ancestorsOf(output.path)) {
      const holder = (byPath.get(ancestor) ?? []).find((other) => other.stage !== output.stage);
      if (!holder) continue;
      const message = `'${output.path}' (stage '${output.stage}') lies inside '${holder.path}', an output of stage '${holder.stage}'. DVC does not allow overlapping outputs; write it elsewhere or make it part of one stage.`;
      problems.push({ severity: 'error', message, file: output.file, range: output.range });
      problems.push({ severity: 'error', message, file: holder.file, range: holder.range });
      break;
    }
  }
  return problems;
}
