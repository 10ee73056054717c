/** Small helpers for pipeline unit tests: inline dvc.yaml text and params files in, a Pipeline out. */
import {
  parsePipeline,
  pipelineParamsFiles,
  type Pipeline,
  type Stage,
  type StageItem,
} from '../../../src/core/pipeline';

/** Removes the common indentation of a template literal, so fixtures can be written indented. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

/**
 * Parses like the extension does: asks which params files are needed and hands over those present in
 * `files` (paths relative to the dvc.yaml's folder).
 */
export function parse(text: string, files: Record<string, string> = {}, file = 'dvc.yaml'): Pipeline {
  const paramsFiles = new Map<string, string | undefined>(
    pipelineParamsFiles(text).map((name) => [name, files[name]]),
  );
  return parsePipeline({ file, text, paramsFiles });
}

export function stageNames(pipeline: Pipeline): string[] {
  return pipeline.stages.map((stage) => stage.name);
}

export function stage(pipeline: Pipeline, name: string): Stage {
  const found = pipeline.stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no stage ${name} in ${stageNames(pipeline).join(', ')}`);
  return found;
}

export function labels(stageOrPipeline: Stage, kind: StageItem['kind']): string[] {
  return stageOrPipeline.items.filter((item) => item.kind === kind).map((item) => item.label);
}

export function commands(pipeline: Pipeline): Record<string, string> {
  return Object.fromEntries(pipeline.stages.map((each) => [each.name, labels(each, 'cmd').join(' && ')]));
}

/** Problems as `line:message` (1-based lines, as an editor shows them) for compact assertions. */
export function problemLines(pipeline: Pipeline): string[] {
  return pipeline.problems.map((problem) => `${problem.range.startLine + 1}:${problem.message}`);
}
