/**
 * What the stages of some pipelines define, positions aside: two equal digests mean DVC would judge the same
 * stages with the same commands, deps, outs and params keys. A params file that dvc.yaml interpolates from
 * (`${train.lr}` in a command) changes the digest when its value changes, and then DVC is asked, not the
 * files (see pipelineStatusService.ts).
 */
import type { Pipeline } from '../pipeline/model';

export function pipelineDefinitionDigest(pipelines: readonly Pipeline[]): string {
  return JSON.stringify(
    pipelines.map((pipeline) => [
      pipeline.file,
      pipeline.stages.map((stage) => [
        stage.qualifiedName,
        stage.frozen,
        stage.alwaysChanged,
        stage.items.map((item) => [item.kind, item.label, item.path ?? null, item.paramKey ?? null]),
      ]),
    ]),
  );
}
