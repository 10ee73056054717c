/**
 * What both remote targets do before they hand runs over: read where the runs start from (baseline, git
 * remote URL, identity), expand a grid into one run per combination, and give each its experiment name base
 * (the run id is added once the target knows it). Plain decisions, no process of the far side.
 */
import type { ExperimentRunRequest } from '../core/execution/runRequest';
import type { RemoteTargetSettings } from '../core/execution/computeTargetSettings';
import type { RemoteJobScriptInput } from '../core/execution/remoteJobScript';
import {
  expandGrid,
  experimentNameProblem,
  gridNames,
  overrideText,
  type ParamOverride,
} from '../core/experiments/experimentOverrides';
import type { SubmitContext } from './computeTarget';

/** The git remote a target uses when its setting names none. */
export const DEFAULT_GIT_REMOTE = 'origin';

/** One run to hand over: its script input but for the run id, and what its record keeps. */
export interface PlannedRemoteRun {
  readonly script: Omit<RemoteJobScriptInput, 'runId' | 'header' | 'workFolder'>;
  readonly baseline: string;
  /** `-S` texts for the record. */
  readonly overrides: readonly string[];
}

export function gitRemoteOf(settings: RemoteTargetSettings): string {
  return settings.gitRemote ?? DEFAULT_GIT_REMOTE;
}

/** A name base from the target's name when the person gave none: letters, digits and `-` only. */
function defaultBase(settings: RemoteTargetSettings): string {
  const base = settings.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'remote';
}

export async function planRemoteRuns(
  settings: RemoteTargetSettings,
  request: ExperimentRunRequest,
  context: SubmitContext,
): Promise<PlannedRemoteRun[]> {
  if (request.name !== undefined) {
    const problem = experimentNameProblem(request.name);
    if (problem) throw new Error(`The experiment name '${request.name}' cannot be used: ${problem}`);
  }
  const combinations: ParamOverride[][] =
    request.sweeps.length > 0
      ? expandGrid(request.sweeps).map((combination) => [...request.overrides, ...combination])
      : [[...request.overrides]];
  const source = await context.experiments.remoteRunSource(gitRemoteOf(settings), context.signal);
  const names = gridNames(request.name ?? defaultBase(settings), combinations.length);
  return combinations.map((overrides, index) => ({
    baseline: source.baseline,
    overrides: overrides.map(overrideText),
    script: {
      experimentBase: names[index] ?? `${defaultBase(settings)}-${index + 1}`,
      repositoryUrl: source.url,
      baseline: source.baseline,
      overrides,
      dvcCommand: settings.dvcCommand ?? 'dvc',
      setup: settings.setup ?? [],
      identity: {
        name: source.identity.name?.trim() || 'DVC Lens',
        email: source.identity.email?.trim() || 'dvc-lens@localhost',
      },
    },
  }));
}
