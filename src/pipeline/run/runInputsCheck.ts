/**
 * Before a run: the inputs not in the local cache (one `dvc data status --json`, which reads no remote), and a
 * question when there are some: pull first (`--pull`), run anyway, or not at all. On a fresh clone this is
 * the difference between "stage failed: fix the command or its inputs" and "pull first".
 */
import * as vscode from 'vscode';
import { parseDataStatus } from '../../core/data/dataStatus';
import { inputsNotInCache } from '../../core/dag/inputsNotInCache';
import type { DvcCli } from '../../repository/processes';
import { notInCacheNow } from '../../data';
import type { Repository } from '../../repository/repository';

/** What to do: run as asked, run with `--pull`, or nothing (the person cancelled). */
export type InputsDecision = 'run' | 'pullAndRun' | 'cancel';

export async function checkRunInputs(
  repository: Repository,
  stages: readonly string[],
  withUpstream: boolean,
): Promise<InputsDecision> {
  const dvc = await repository.dvc();
  if (!dvc) return 'run';
  let missing: string[];
  try {
    // The Data view's status, when nothing changed since it was read, says the same: no second DVC call.
    const notInCache = notInCacheNow(repository) ?? (await readNotInCache(dvc));
    missing = inputsNotInCache(repository.pipelines, stages, withUpstream, notInCache);
  } catch (error) {
    // The check helps; it never stands in the way of the run (DVC will say what is wrong).
    repository.log.error('Checking the run inputs failed; running as asked', error);
    return 'run';
  }
  if (missing.length === 0) return 'run';
  const shown =
    missing.slice(0, 4).join(', ') + (missing.length > 4 ? `, and ${missing.length - 4} more` : '');
  const picked = await vscode.window.showWarningMessage(
    `DVC Lens: ${missing.length === 1 ? 'an input is' : `${missing.length} inputs are`} not in the local cache: ${shown}. Pull them first (dvc repro --pull), or run as it is?`,
    {
      modal: true,
      detail: 'Data that was never pushed, or an import whose source is gone, cannot be pulled.',
    },
    'Pull and Run',
    'Run Anyway',
  );
  return picked === 'Pull and Run' ? 'pullAndRun' : picked === 'Run Anyway' ? 'run' : 'cancel';
}

async function readNotInCache(dvc: DvcCli): Promise<string[]> {
  const status = parseDataStatus(await dvc.readJson(['data', 'status', '--json'], { slot: 'run-inputs' }));
  return status.entries.filter((entry) => entry.notInCache).map((entry) => entry.path);
}
