/**
 * Reads one stage as DVC resolves it: check the keys, resolve `wdir` with the pipeline's variables, load
 * stage-level `vars` (relative to that wdir) on a copy of the context, then read every field. Generated
 * foreach/matrix stages run this once per generated name over the same template.
 */
import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import { stageKeys } from './dvcYamlSchema';
import type { InterpolationScope } from './interpolation';
import type { Stage, StageItem } from './model';
import type { ParamMap } from './paramValue';
import type { PipelineDocument } from './pipelineDocument';
import { qualifiedStageName } from './pipelinePaths';
import type { ProblemCollector } from './problemCollector';
import { ScalarResolver } from './scalarResolver';
import {
  placeOf,
  readCommands,
  readDependencies,
  readOutputs,
  readParams,
  readPlots,
  schemaError,
  type ItemReadContext,
} from './stageItems';
import type { VariablesContext, VarsFileReader } from './variablesContext';
import { mergeVarsSection } from './varsSection';
import { describeNode, mapEntries, type YamlEntry } from './yamlNodes';

/** What the whole pipeline read shares with each stage. */
export interface PipelineReadState {
  readonly source: PipelineDocument;
  readonly problems: ProblemCollector;
  readonly variables: VariablesContext;
  readonly readVarsFile: VarsFileReader;
}

export interface StageInstance {
  /** `train`, or the generated `build@us`. */
  readonly name: string;
  /** The key under `stages:`. */
  readonly definitionName: string;
  readonly keyNode: Scalar;
  /** The stage definition, or the foreach `do` template. */
  readonly body: YAMLMap;
  /** `item` and `key` for generated stages. */
  readonly bindings?: ParamMap;
  /** Keys of the definition that drive the expansion (`matrix`) rather than describe the stage. */
  readonly expansionKeys?: ReadonlySet<string>;
  /** Whether to report schema mistakes (once per template) and failed interpolations (per stage). */
  readonly reportSchema: boolean;
  readonly reportInterpolation: boolean;
}

export function readStage(instance: StageInstance, state: PipelineReadState): Stage {
  const { source, problems } = state;
  const fields = stageFields(instance, state);
  const baseScope: InterpolationScope = scopeOf(state.variables, instance.bindings);
  const schemaContext = (resolver: ScalarResolver, wdir: string): ItemReadContext => ({
    source,
    problems,
    resolver,
    owner: `Stage "${instance.definitionName}"`,
    wdir,
    reportSchema: instance.reportSchema,
  });
  const resolverFor = (scope: InterpolationScope): ScalarResolver =>
    new ScalarResolver(source, problems, scope, `Stage "${instance.name}"`, instance.reportInterpolation);

  const wdirField = fields.get('wdir');
  let wdir = '';
  if (wdirField) {
    const node = wdirField.valueNode;
    if (isScalar(node) && typeof node.value === 'string') wdir = resolverFor(baseScope).text(node, undefined);
    else
      schemaError(
        schemaContext(resolverFor(baseScope), ''),
        `'wdir' must be a path, not ${describeNode(node)}`,
        placeOf(wdirField),
      );
  }

  let variables = state.variables;
  const varsField = fields.get('vars');
  if (varsField) {
    variables = state.variables.clone();
    mergeVarsSection({
      node: varsField.valueNode,
      doc: source.doc,
      variables,
      wdir,
      readFile: state.readVarsFile,
      sourcePrefix: `${instance.name}.`,
      reserved: new Set(instance.bindings?.keys() ?? []),
      report: (message, node) => {
        if (instance.reportInterpolation)
          problems.error(
            `Stage "${instance.name}": ${message}`,
            source.lines.rangeOf(node ?? placeOf(varsField)),
          );
      },
    });
  }

  const resolver = resolverFor(scopeOf(variables, instance.bindings));
  const context = schemaContext(resolver, wdir);
  const items: StageItem[] = [];
  let frozen = false;
  let alwaysChanged = false;
  let description: string | undefined;
  for (const [key, field] of fields) {
    switch (key) {
      case 'cmd':
        items.push(...readCommands(field, context));
        break;
      case 'deps':
        items.push(...readDependencies(field, context));
        break;
      case 'outs':
        items.push(...readOutputs('out', 'outs', field, context));
        break;
      case 'metrics':
        items.push(...readOutputs('metric', 'metrics', field, context));
        break;
      case 'plots':
        items.push(...readPlots(field, context));
        break;
      case 'params':
        items.push(...readParams(field, context));
        break;
      case 'frozen':
        frozen = readFlag(field, context);
        break;
      case 'always_changed':
        alwaysChanged = readFlag(field, context);
        break;
      case 'desc':
        if (isScalar(field.valueNode) && typeof field.valueNode.value === 'string')
          description = resolver.text(field.valueNode, 'desc');
        else
          schemaError(
            context,
            `'desc' must be a string, not ${describeNode(field.valueNode)}`,
            placeOf(field),
          );
        break;
      default:
        // wdir and vars were read above; meta is free-form.
        break;
    }
  }
  if (!fields.has('cmd')) schemaError(context, "'cmd' is missing", instance.keyNode);

  return {
    name: instance.name,
    qualifiedName: qualifiedStageName(source.file, instance.name),
    definitionName: instance.definitionName,
    range: source.lines.rangeOf(instance.keyNode),
    frozen,
    alwaysChanged,
    ...(description === undefined ? {} : { description }),
    items,
  };
}

function scopeOf(variables: VariablesContext, bindings: ParamMap | undefined): InterpolationScope {
  return bindings ? { variables: variables.values, iteration: bindings } : { variables: variables.values };
}

/** The stage's fields by key; unknown keys are reported (DVC rejects the whole file for them). */
function stageFields(instance: StageInstance, state: PipelineReadState): Map<string, YamlEntry> {
  const fields = new Map<string, YamlEntry>();
  for (const entry of mapEntries(instance.body, state.source.doc)) {
    if (typeof entry.key === 'string' && instance.expansionKeys?.has(entry.key)) continue;
    if (typeof entry.key === 'string' && stageKeys.has(entry.key)) {
      fields.set(entry.key, entry);
    } else if (instance.reportSchema) {
      const known = [...stageKeys].filter((key) => !['matrix', 'meta'].includes(key)).join(', ');
      state.problems.error(
        `Stage "${instance.definitionName}": unknown key '${String(entry.key)}' (a stage takes ${known})`,
        state.source.lines.rangeOf(entry.keyNode),
      );
    }
  }
  return fields;
}

function readFlag(field: YamlEntry, context: ItemReadContext): boolean {
  const node = field.valueNode;
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  schemaError(
    context,
    `'${String(field.key)}' must be true or false, not ${describeNode(node)}`,
    placeOf(field),
  );
  return false;
}
