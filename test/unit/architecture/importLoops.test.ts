/**
 * No import loops between the folders of src/: the folder graph is built from the import statements of every
 * src/**\/*.ts (type-only imports and re-exports included: a type loop is still a loop for whoever moves a
 * file). Granularity: `src/<name>` per top-level folder, src/core as one node (its own folders are checked
 * apart), a file directly in src/ as its own node.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '..', '..', '..');

/** One import of a file, both as repository-relative posix paths (the target without guessing an extension). */
interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

function posix(absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => posix(join(entry.parentPath, entry.name)));
}

/** The file a relative specifier names: `x.ts`, else the folder's `index.ts`. */
function resolveImport(from: string, specifier: string): string | undefined {
  const target = resolve(root, dirname(from), specifier);
  for (const candidate of [`${target}.ts`, join(target, 'index.ts'), target]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return posix(candidate);
  }
  return undefined;
}

function importsOf(files: readonly string[]): ImportEdge[] {
  return files.flatMap((from) => {
    const text = readFileSync(join(root, from), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return importedFiles
      .filter((imported) => imported.fileName.startsWith('.'))
      .flatMap((imported) => {
        const to = resolveImport(from, imported.fileName);
        return to ? [{ from, to }] : [];
      });
  });
}

/** The graph's node of a file under `parent` (e.g. `src`): its top-level folder, or the file itself. */
function nodeOf(file: string, parent: string): string | undefined {
  if (!file.startsWith(`${parent}/`)) return undefined;
  const segments = file.slice(parent.length + 1).split('/');
  return segments.length > 1 ? `${parent}/${segments[0]!}` : file;
}

/** Every import between two different nodes, grouped by (from node, to node). */
function folderGraph(edges: readonly ImportEdge[], node: (file: string) => string | undefined) {
  const graph = new Map<string, Map<string, ImportEdge[]>>();
  for (const edge of edges) {
    const from = node(edge.from);
    const to = node(edge.to);
    if (!from || !to || from === to) continue;
    const targets = graph.get(from) ?? new Map<string, ImportEdge[]>();
    graph.set(from, targets.set(to, [...(targets.get(to) ?? []), edge]));
  }
  return graph;
}

/** The strongly connected components with more than one node (Tarjan): each is one or more import loops. */
function loops(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest loop through `start` inside `component` (breadth first), as `a -> b -> a`. */
function shortestLoop(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>, component: string[]): string {
  const start = component[0]!;
  const inside = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!inside.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  const path = [start];
  for (let node = cameFrom.get(start); node !== undefined && node !== start; node = cameFrom.get(node)) {
    path.unshift(node);
  }
  return [start, ...path].join(' -> ');
}

/** A readable report of each loop: a shortest cycle, then per edge inside it one import that makes it. */
function describe(graph: ReadonlyMap<string, ReadonlyMap<string, ImportEdge[]>>, components: string[][]) {
  return components
    .map((component) => {
      const inside = new Set(component);
      const lines = component.flatMap((from) =>
        [...(graph.get(from) ?? new Map<string, ImportEdge[]>())]
          .filter(([to]) => inside.has(to))
          .map(([to, edges]) => `  ${from} -> ${to}: ${edges[0]!.from} imports ${edges[0]!.to}`),
      );
      return [`loop between ${component.join(', ')}: ${shortestLoop(graph, component)}`, ...lines].join('\n');
    })
    .join('\n');
}

const edges = importsOf(sourceFiles('src'));

void test('the import graph is read (a broken reader would find no loops trivially)', () => {
  assert.ok(edges.length > 500, `${edges.length} imports`);
  const graph = folderGraph(edges, (file) => nodeOf(file, 'src'));
  assert.ok(graph.get('src/experiments')?.has('src/core'), 'src/experiments imports src/core');
  assert.deepEqual(
    loops(
      new Map([
        ['a', new Map([['b', []]])],
        ['b', new Map([['a', []]])],
      ]),
    ),
    [['a', 'b']],
    'a two-folder loop is found',
  );
});

void test('no import loops between the top-level folders of src/', () => {
  const graph = folderGraph(edges, (file) => nodeOf(file, 'src'));
  const found = loops(graph);
  assert.equal(found.length, 0, `\n${describe(graph, found)}`);
});

void test('no import loops between the folders of src/core', () => {
  const graph = folderGraph(edges, (file) => nodeOf(file, 'src/core'));
  const found = loops(graph);
  assert.equal(found.length, 0, `\n${describe(graph, found)}`);
});
