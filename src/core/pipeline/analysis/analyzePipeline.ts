/**
 * Checks of a pipeline against the rest of the repository, which parsing one dvc.yaml cannot do: deps that
 * nothing provides, params files that are missing and params keys they do not hold. Pure: the caller
 * gathers which paths exist and the params files' text (cycles and duplicate outs live in the DAG code).
 * Linear in the stages: produced paths are looked up in an index, each params file is parsed once.
 */
import type { Pipeline, PipelineProblem, SourceRange, StageItem } from '../model';
import type { ParamMap } from '../paramValue';
import { folderOf, joinPath } from '../pipelinePaths';
import { hasParamKey, paramValuesOf } from './paramKeys';
import { paramsFormatOf, type ParamsFormat } from './paramsFormat';
import { producedIndexOf } from './producedIndex';

export interface PipelineAnalysisInput {
  /** Repository-relative paths that exist (files or folders); only the deps' paths need to be in it. */
  readonly existingPaths: ReadonlySet<string>;
  /** Params files by repository-relative path: their text, or undefined when the file is missing. */
  readonly paramsFiles: ReadonlyMap<string, string | undefined>;
  /** Repository-relative outs, metrics and plots of every stage of the repository ({@link producedPaths}). */
  readonly producedPaths: readonly string[];
}

const remoteOrAbsolute = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-zA-Z]:[\\/])/i;

/** An item's path relative to the repository, or undefined for URLs and absolute paths. */
export function repositoryPath(pipeline: Pipeline, item: StageItem): string | undefined {
  if (item.path === undefined || remoteOrAbsolute.test(item.path)) return undefined;
  return joinPath(folderOf(pipeline.file), item.path);
}

/** What the stages of these pipelines write (outs, metrics, plots), repository-relative. */
export function producedPaths(pipelines: readonly Pipeline[]): string[] {
  const paths: string[] = [];
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages)
      for (const item of stage.items)
        if (item.kind === 'out' || item.kind === 'metric' || item.kind === 'plot') {
          const path = repositoryPath(pipeline, item);
          if (path !== undefined) paths.push(path);
        }
  return paths;
}

/** Whether a stage writes `path`, a file inside it or (for a folder dep) a file below it. */
export function isProduced(path: string, produced: readonly string[]): boolean {
  return producedIndexOf(produced).has(path);
}

/** The deps of the pipeline whose existence the caller must check (repository-relative, no duplicates). */
export function dependencyPaths(pipeline: Pipeline): string[] {
  const paths = new Set<string>();
  for (const stage of pipeline.stages)
    for (const item of stage.items) {
      const path = item.kind === 'dep' ? repositoryPath(pipeline, item) : undefined;
      if (path !== undefined && !path.includes('${')) paths.add(path);
    }
  return [...paths];
}

/** The params files the pipeline's stages name (repository-relative, no duplicates). */
export function stageParamsFiles(pipeline: Pipeline): string[] {
  const paths = new Set<string>();
  for (const stage of pipeline.stages)
    for (const item of stage.items) {
      const path = item.kind === 'param' ? repositoryPath(pipeline, item) : undefined;
      if (path !== undefined) paths.add(path);
    }
  return [...paths];
}

export function analyzePipeline(pipeline: Pipeline, input: PipelineAnalysisInput): PipelineProblem[] {
  const problems = new ProblemList(pipeline.file);
  for (const stage of pipeline.stages) {
    for (const item of stage.items) {
      if (item.kind === 'dep') checkDependency(pipeline, item, input, problems);
      else if (item.kind === 'param') checkParam(pipeline, item, input, problems);
    }
  }
  return problems.problems;
}

function checkDependency(
  pipeline: Pipeline,
  item: StageItem,
  input: PipelineAnalysisInput,
  problems: ProblemList,
): void {
  const path = repositoryPath(pipeline, item);
  if (path === undefined || path.includes('${') || input.existingPaths.has(path)) return;
  if (isProduced(path, input.producedPaths)) return;
  problems.add(
    'warning',
    `Dependency '${item.label}' does not exist yet; no stage produces it (add the file, or a stage with it in 'outs')`,
    item.range,
  );
}

function checkParam(
  pipeline: Pipeline,
  item: StageItem,
  input: PipelineAnalysisInput,
  problems: ProblemList,
): void {
  const path = repositoryPath(pipeline, item);
  if (path === undefined) return;
  const format = paramsFormatOf(path);
  const text = input.paramsFiles.get(path);
  if (!input.paramsFiles.has(path) || format === 'python') return;
  if (text === undefined) {
    problems.add('error', `Params file '${path}' does not exist`, item.range);
    return;
  }
  if (item.paramKey === undefined) return;
  // A file that cannot be read is reported by the parser or by the file's own language; keys are not checked.
  const values = parsedParams(input, path, text, format);
  if (values && !hasParamKey(values, item.paramKey))
    problems.add('error', `Params key '${item.paramKey}' is not in '${path}'`, item.range);
}

/** Each params file is parsed once per analysis input, however many stages name its keys. */
const parsedParamsByInput = new WeakMap<PipelineAnalysisInput, Map<string, ParamMap | undefined>>();

function parsedParams(
  input: PipelineAnalysisInput,
  path: string,
  text: string,
  format: ParamsFormat,
): ParamMap | undefined {
  let parsed = parsedParamsByInput.get(input);
  if (!parsed) {
    parsed = new Map();
    parsedParamsByInput.set(input, parsed);
  }
  if (!parsed.has(path)) parsed.set(path, paramValuesOf(text, format));
  return parsed.get(path);
}

/** Problems without repeats: the stages generated from one foreach/matrix template share its ranges. */
class ProblemList {
  readonly problems: PipelineProblem[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly file: string) {}

  add(severity: PipelineProblem['severity'], message: string, range: SourceRange): void {
    const key = `${range.startLine}:${range.startCharacter}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ severity, message, file: this.file, range });
  }
}
