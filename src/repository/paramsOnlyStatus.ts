/**
 * Stage status after only params files changed, without DVC (issue 13: each params edit cost a `dvc status`
 * of seconds): the params part judged from the files (src/core/status/paramsStatusFromFiles.ts), everything
 * else from DVC's last answer. Undefined whenever DVC might say something else, and then DVC is asked: a
 * change to any other file, a stage definition that changed since DVC's answer (a params value interpolated
 * into a command), a pipeline with errors, a file that does not parse, a params file that is also a stage's
 * dep or out.
 */
import { join } from 'node:path';
import type { Pipeline } from '../core/pipeline/model';
import { folderOf, joinPath } from '../core/pipeline/pipelinePaths';
import { mergeParamsStatusIntoDvcAnswer } from '../core/status/mergeParamsStatus';
import { pipelineDefinitionDigest } from '../core/status/pipelineDefinitionDigest';
import type { ParamsStatusFiles, ParamsStatusJudgement } from '../core/status/paramsStatusFromFiles';
import { stagesParams, type StageParams } from '../core/status/stageParamsDependencies';

/** DVC's last answer, and the stages it judged. */
export interface DvcStatusAnswer {
  readonly json: Readonly<Record<string, unknown>>;
  /** `pipelineDefinitionDigest` of the pipelines when DVC answered. */
  readonly digest: string;
}

export interface ParamsOnlyStatusInput {
  readonly root: string;
  readonly answer: DvcStatusAnswer;
  readonly pipelines: readonly Pipeline[];
  /** Files changed since DVC's answer was asked, relative to the root. */
  readonly changedPaths: ReadonlySet<string>;
  readonly readTextFile: (path: string) => Promise<string | undefined>;
  /** The judgement, off the extension host's thread where there is a worker. */
  readonly judge: (files: ParamsStatusFiles) => Promise<ParamsStatusJudgement>;
}

/** What `dvc status --json` would print now, or undefined when only DVC can tell. */
export async function paramsOnlyStatus(
  input: ParamsOnlyStatusInput,
): Promise<Record<string, unknown> | undefined> {
  const { pipelines, changedPaths } = input;
  // Nothing noted as changed: whoever asks knows of a change the files do not show.
  if (changedPaths.size === 0) return undefined;
  if (pipelineDefinitionDigest(pipelines) !== input.answer.digest) return undefined;
  if (pipelines.some((pipeline) => pipeline.problems.some((problem) => problem.severity === 'error')))
    return undefined;
  const stages = stagesParams(pipelines);
  if ('unsure' in stages) return undefined;
  if (![...changedPaths].every((path) => isOnlyParams(path, stages, pipelines))) return undefined;
  const lockFiles = [...new Set(stages.map((stage) => stage.lockFile))];
  const paramsFiles = [
    ...new Set(stages.flatMap((stage) => stage.dependencies.map((dependency) => dependency.path))),
  ];
  const read = (path: string): Promise<string | undefined> => input.readTextFile(join(input.root, path));
  const [locks, params] = await Promise.all([
    Promise.all(lockFiles.map(read)),
    Promise.all(paramsFiles.map(read)),
  ]);
  const judgement = await input.judge({
    stages,
    lockTexts: new Map(lockFiles.map((file, index) => [file, locks[index]])),
    paramsTexts: new Map(paramsFiles.map((file, index) => [file, params[index]])),
  });
  if (judgement.kind !== 'judged') return undefined;
  return mergeParamsStatusIntoDvcAnswer(input.answer.json, stages, judgement.stages);
}

/** A params file of some stage (or a params.yaml dvc.yaml reads), and no stage's dep or out. */
function isOnlyParams(path: string, stages: readonly StageParams[], pipelines: readonly Pipeline[]): boolean {
  const isParams =
    stages.some((stage) => stage.dependencies.some((dependency) => dependency.path === path)) ||
    pipelines.some((pipeline) => joinPath(folderOf(pipeline.file), 'params.yaml') === path);
  const isOther = stages.some((stage) =>
    stage.otherPaths.some((other) => other === '' || other === path || path.startsWith(`${other}/`)),
  );
  return isParams && !isOther;
}
