/**
 * Loads a state recorded from the pinned DVC under test/fixtures/dvc-status/<state>/: the dvc.yaml files
 * parsed into the model, the dvc.lock stage names, and `dvc status --json` as DVC printed it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCliJson } from '../../../src/core/cliJson';
import { parsePipeline, pipelineParamsFiles, type Pipeline } from '../../../src/core/pipeline';
import { dvcLockFileOf, parseDvcLockStageNames } from '../../../src/core/status/dvcLockStages';
import { parseDvcStatus } from '../../../src/core/status/dvcStatusJson';
import type { StageStatus } from '../../../src/core/status/stageStatus';

const fixtures = resolve(__dirname, '..', '..', 'fixtures', 'dvc-status');

export interface RecordedState {
  readonly pipelines: Pipeline[];
  readonly lockedStages: Set<string>;
  readonly json: unknown;
}

function readIfPresent(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function recordedState(state: string): RecordedState {
  const folder = join(fixtures, state);
  const pipelineFiles = ['dvc.yaml', 'sub/dvc.yaml'].filter((file) => existsSync(join(folder, file)));
  const pipelines = pipelineFiles.map((file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const dir = join(folder, file, '..');
    const paramsFiles = new Map(
      pipelineParamsFiles(text).map((name) => [name, readIfPresent(join(dir, name))] as const),
    );
    return parsePipeline({ file, text, paramsFiles });
  });
  const lockedStages = new Set(
    pipelineFiles.flatMap((file) => {
      const lock = readIfPresent(join(folder, dvcLockFileOf(file)));
      return lock === undefined ? [] : parseDvcLockStageNames(lock, file);
    }),
  );
  return { pipelines, lockedStages, json: parseCliJson(readFileSync(join(folder, 'status.json'), 'utf8')) };
}

/** The parsed statuses of a recorded state, as a plain object for deepEqual. */
export function statusesOf(state: string): Record<string, StageStatus> {
  const { pipelines, lockedStages, json } = recordedState(state);
  return Object.fromEntries(parseDvcStatus(json, pipelines, lockedStages));
}
