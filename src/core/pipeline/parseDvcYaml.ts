/**
 * Second phase of reading a pipeline: dvc.yaml text plus the params/vars files the caller read (the ones
 * {@link pipelineParamsFiles} named) become a {@link Pipeline}. Never throws: everything wrong becomes a
 * problem at the place it is written, and every stage that can still be read is returned.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { findDuplicateKeys } from './duplicateKeys';
import { topLevelKeys } from './dvcYamlSchema';
import type { Pipeline, SourceRange, StageItem } from './model';
import type { ParamMap } from './paramValue';
import { parseParamsFile } from './paramsFile';
import { pipelineDocument, type PipelineDocument } from './pipelineDocument';
import { joinPath } from './pipelinePaths';
import { ProblemCollector } from './problemCollector';
import { ScalarResolver } from './scalarResolver';
import { reportSelfDependencies } from './selfDependency';
import { readStageDefinitions } from './stageDefinitions';
import { placeOf } from './stageItems';
import type { PipelineReadState } from './stageReader';
import { readTopLevelPlots } from './topLevelPlots';
import { VariablesContext, type VarsFileReader } from './variablesContext';
import { mergeVarsSection } from './varsSection';
import { describeNode, mapEntries, seqItems, type YamlEntry } from './yamlNodes';
import { startOfFile } from './yamlPosition';

export interface ParsePipelineInput {
  /** The dvc.yaml path relative to the repository root, with `/` separators. */
  readonly file: string;
  readonly text: string;
  /**
   * Params/vars files by path relative to the dvc.yaml's folder: their text, undefined if missing, or why
   * they were not read (too large, not UTF-8).
   */
  readonly paramsFiles: ReadonlyMap<string, string | undefined | UnreadableFile>;
}

/** A file that exists but was not read, and why (the message names the file). */
export interface UnreadableFile {
  readonly unreadable: string;
}

export function parsePipeline(input: ParsePipelineInput): Pipeline {
  const source = pipelineDocument(input.file, input.text);
  const problems = new ProblemCollector(source.file);
  if (source.refusal) {
    problems.error(source.refusal.message, source.lines.lineRange(source.refusal.offset));
    return { file: source.file, stages: [], problems: problems.problems };
  }
  for (const error of source.doc.errors) {
    problems.error(`YAML syntax error: ${firstLine(error.message)}`, syntaxErrorRange(source, error.pos));
  }
  for (const key of findDuplicateKeys(source.doc)) {
    problems.error(
      `YAML syntax error: Map keys must be unique ('${String(key.value)}' repeats)`,
      source.lines.rangeOf(key),
    );
  }
  for (const warning of source.doc.warnings) {
    problems.warning(
      `YAML: ${firstLine(warning.message)}`,
      source.lines.range(warning.pos[0], warning.pos[1]),
    );
  }
  const result = (extra: { stages?: Pipeline['stages']; plots?: readonly StageItem[] } = {}): Pipeline => ({
    file: source.file,
    stages: extra.stages ?? [],
    problems: problems.problems,
    ...(extra.plots && extra.plots.length > 0 ? { plots: extra.plots } : {}),
  });

  const root = source.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result();
  if (!isMap(root)) {
    problems.error(
      `dvc.yaml must be a mapping with a 'stages' section, not ${describeNode(root)}`,
      source.lines.rangeOf(root),
    );
    return result();
  }

  const fields = new Map<string, YamlEntry>();
  for (const entry of mapEntries(root, source.doc)) {
    if (typeof entry.key === 'string' && topLevelKeys.has(entry.key)) fields.set(entry.key, entry);
    else
      problems.error(
        `Unknown top-level key '${String(entry.key)}' (dvc.yaml takes ${[...topLevelKeys].join(', ')})`,
        source.lines.rangeOf(entry.keyNode),
      );
  }

  const state: PipelineReadState = {
    source,
    problems,
    variables: VariablesContext.empty(),
    readVarsFile: varsFileReader(input.paramsFiles, source, problems),
  };
  const defaultFailure = state.variables.loadDefaultParams(state.readVarsFile);
  if (defaultFailure) problems.error(`params.yaml: ${defaultFailure}`, source.lines.range(0, 0));
  const vars = fields.get('vars');
  if (vars) {
    mergeVarsSection({
      node: vars.valueNode,
      doc: source.doc,
      variables: state.variables,
      wdir: '',
      readFile: state.readVarsFile,
      sourcePrefix: '',
      report: (message, node) => problems.error(message, source.lines.rangeOf(node ?? placeOf(vars))),
    });
  }

  checkFileList(fields.get('params'), 'params', source, problems);
  checkFileList(fields.get('metrics'), 'metrics', source, problems);
  const stagesField = fields.get('stages');
  const stages = stagesField ? readStageDefinitions(stagesField, state) : [];
  reportSelfDependencies(stages, problems);
  const plotsField = fields.get('plots');
  const plots = plotsField ? readPlotsSection(plotsField, state) : [];
  return result({ stages, plots });
}

function readPlotsSection(field: YamlEntry, state: PipelineReadState): StageItem[] {
  const owner = "Top-level 'plots'";
  const resolver = new ScalarResolver(
    state.source,
    state.problems,
    { variables: state.variables.values },
    owner,
    true,
  );
  return readTopLevelPlots(field, {
    source: state.source,
    problems: state.problems,
    resolver,
    owner,
    wdir: '',
    reportSchema: true,
  });
}

/** Top-level `params:` and `metrics:` are lists of file paths. */
function checkFileList(
  field: YamlEntry | undefined,
  name: string,
  source: PipelineDocument,
  problems: ProblemCollector,
): void {
  if (!field) return;
  const node = field.valueNode;
  if (!isSeq(node)) {
    problems.error(
      `Top-level '${name}' must be a list of file paths, not ${describeNode(node)}`,
      source.lines.rangeOf(placeOf(field)),
    );
    return;
  }
  for (const entry of seqItems(node.items, source.doc)) {
    if (!(isScalar(entry) && typeof entry.value === 'string'))
      problems.error(
        `Top-level '${name}': each entry must be a file path, not ${describeNode(entry)}`,
        source.lines.rangeOf(entry ?? node),
      );
  }
}

/** Reads each params file once per parse, reporting its own problems (syntax, not a mapping) once. */
function varsFileReader(
  files: ReadonlyMap<string, string | undefined | UnreadableFile>,
  source: PipelineDocument,
  problems: ProblemCollector,
): VarsFileReader {
  const texts = new Map<string, string | undefined | UnreadableFile>();
  for (const [path, text] of files) texts.set(joinPath(path), text);
  const loaded = new Map<string, ParamMap | undefined | 'missing'>();
  return (path) => {
    const key = joinPath(path);
    if (loaded.has(key)) return loaded.get(key);
    const text = texts.get(key);
    let content: ParamMap | undefined | 'missing' = 'missing';
    if (typeof text === 'object') {
      problems.error(text.unreadable, startOfFile, { file: joinPath(source.folder, key) });
      content = undefined;
    } else if (text !== undefined) {
      const parsed = parseParamsFile(joinPath(source.folder, key), text);
      for (const problem of parsed.problems) {
        if (problem.severity === 'error')
          problems.error(problem.message, problem.range, { file: problem.file });
        else problems.warning(problem.message, problem.range, { file: problem.file });
      }
      content = parsed.values;
    }
    loaded.set(key, content);
    return content;
  };
}

/**
 * Where to show a syntax error. An unclosed quote or bracket is only noticed at the end of the text, which
 * may be an empty line after everything written; the last written line is where the mistake is.
 */
function syntaxErrorRange(source: PipelineDocument, [start, end]: readonly [number, number]): SourceRange {
  const written = source.text.trimEnd().length;
  return start >= written && written > 0
    ? source.lines.lineRange(written - 1)
    : source.lines.range(start, end);
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
