/**
 * The `stages:` section: each key is a plain stage, a `foreach`/`do` group or a `matrix` group. Groups are
 * expanded into the stages DVC generates; a group that cannot be expanded (e.g. `foreach: ${missing}`)
 * yields no stages and one error at the place that failed.
 */
import { isMap, type Node, type Scalar, type YAMLMap } from 'yaml';
import { foreachStageKeys } from './dvcYamlSchema';
import { expandForeach, type ExpansionResult } from './foreachExpansion';
import { expandMatrix } from './matrixExpansion';
import type { Stage } from './model';
import { expressionRange } from './scalarResolver';
import { readStage, type PipelineReadState } from './stageReader';
import { placeOf } from './stageItems';
import { describeNode, mapEntries, type YamlEntry } from './yamlNodes';

const matrixKeys: ReadonlySet<string> = new Set(['matrix']);

export function readStageDefinitions(field: YamlEntry, state: PipelineReadState): Stage[] {
  const { source, problems } = state;
  const node = field.valueNode;
  if (!isMap(node)) {
    problems.error(
      `'stages' must be a mapping of stage names to definitions, not ${describeNode(node)}`,
      source.lines.rangeOf(placeOf(field)),
    );
    return [];
  }
  const stages: Stage[] = [];
  for (const entry of mapEntries(node, source.doc)) {
    const keyNode = entry.keyNode;
    if (!keyNode || typeof entry.key !== 'string') {
      problems.error('A stage name must be a string', source.lines.rangeOf(keyNode ?? node));
      continue;
    }
    const name = entry.key;
    if (name.includes('@')) {
      // DVC splits names at the last '@' to find foreach/matrix members, so such a stage cannot be found.
      problems.error(`Stage "${name}": a stage name cannot contain '@'`, source.lines.rangeOf(keyNode));
      continue;
    }
    const body = entry.valueNode;
    if (!isMap(body)) {
      problems.error(
        `Stage "${name}" must be a mapping (cmd, deps, outs...), not ${describeNode(body)}`,
        source.lines.rangeOf(keyNode),
      );
      continue;
    }
    const bodyEntries = mapEntries(body, source.doc);
    const has = (key: string): boolean => bodyEntries.some((bodyEntry) => bodyEntry.key === key);
    if (has('foreach') || has('do')) stages.push(...readForeachGroup(name, keyNode, body, state));
    else if (has('matrix')) stages.push(...readMatrixGroup(name, keyNode, body, state));
    else
      stages.push(
        readStage(
          { name, definitionName: name, keyNode, body, reportSchema: true, reportInterpolation: true },
          state,
        ),
      );
  }
  return stages;
}

function readForeachGroup(name: string, keyNode: Scalar, body: YAMLMap, state: PipelineReadState): Stage[] {
  const { source, problems } = state;
  const entries = new Map(mapEntries(body, source.doc).map((entry) => [entry.key, entry]));
  for (const entry of entries.values()) {
    if (typeof entry.key !== 'string' || !foreachStageKeys.has(entry.key)) {
      problems.error(
        `Stage "${name}": a foreach stage takes only 'foreach' and 'do', not '${String(entry.key)}'`,
        source.lines.rangeOf(entry.keyNode),
      );
    }
  }
  const foreach = entries.get('foreach');
  const template = entries.get('do');
  if (!foreach || !template) {
    problems.error(
      `Stage "${name}": '${foreach ? 'do' : 'foreach'}' is missing`,
      source.lines.rangeOf(keyNode),
    );
    return [];
  }
  if (!isMap(template.valueNode)) {
    problems.error(
      `Stage "${name}": 'do' must be a stage definition (a mapping), not ${describeNode(template.valueNode)}`,
      source.lines.rangeOf(placeOf(template)),
    );
    return [];
  }
  const expansion = expandForeach(foreach.valueNode, source.doc, { variables: state.variables.values });
  return generatedStages(name, keyNode, template.valueNode, expansion, 'foreach', placeOf(foreach), state);
}

function readMatrixGroup(name: string, keyNode: Scalar, body: YAMLMap, state: PipelineReadState): Stage[] {
  const matrix = mapEntries(body, state.source.doc).find((entry) => entry.key === 'matrix');
  const expansion = expandMatrix(matrix?.valueNode ?? null, state.source.doc, {
    variables: state.variables.values,
  });
  return generatedStages(name, keyNode, body, expansion, 'matrix', matrix ? placeOf(matrix) : keyNode, state);
}

function generatedStages(
  name: string,
  keyNode: Scalar,
  template: YAMLMap,
  expansion: ExpansionResult,
  field: 'foreach' | 'matrix',
  place: Node | undefined,
  state: PipelineReadState,
): Stage[] {
  const expansionKeys = field === 'matrix' ? matrixKeys : undefined;
  const common = {
    definitionName: name,
    keyNode,
    body: template,
    ...(expansionKeys ? { expansionKeys } : {}),
  };
  if (!expansion.ok) {
    const where = expansion.match ? `cannot resolve '\${${expansion.match.expression}}' in '${field}': ` : '';
    const failedNode = expansion.node ?? place ?? keyNode;
    state.problems.error(
      `Stage "${name}": ${where}${expansion.message}`,
      expressionRange(state.source, failedNode, expansion.match),
    );
    return [];
  }
  if (expansion.iterations.length === 0) {
    // Nothing is generated, but the template's own mistakes are still worth telling.
    readStage({ ...common, name, reportSchema: true, reportInterpolation: false }, state);
    return [];
  }
  return expansion.iterations.map((iteration, index) =>
    readStage(
      {
        ...common,
        name: `${name}@${iteration.key}`,
        bindings: iteration.bindings,
        reportSchema: index === 0,
        reportInterpolation: true,
      },
      state,
    ),
  );
}
