import type { PipelineGraph } from './graphModel';

function successorsOf(graph: PipelineGraph): Map<string, string[]> {
  const successors = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) successors.get(edge.from)?.push(edge.to);
  return successors;
}

/** Tarjan's algorithm, iterative so that a long chain of stages cannot overflow the stack. */
export function stronglyConnectedComponents(graph: PipelineGraph): string[][] {
  const successors = successorsOf(graph);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of graph.nodes) {
    if (index.has(start.id)) continue;
    const frames: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    index.set(start.id, counter);
    low.set(start.id, counter++);
    stack.push(start.id);
    onStack.add(start.id);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const next = successors.get(frame.id)?.[frame.next++];
      if (next !== undefined) {
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          frames.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle from `start` back to itself inside `component` (breadth-first), as node ids. */
export function cycleThrough(graph: PipelineGraph, start: string, component: ReadonlySet<string>): string[] {
  const successors = successorsOf(graph);
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of successors.get(id) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [id];
        for (let step = id; step !== start;) {
          step = parent.get(step)!;
          path.push(step);
        }
        return path.reverse();
      }
      if (parent.has(next)) continue;
      parent.set(next, id);
      queue.push(next);
    }
  }
  return [start];
}
