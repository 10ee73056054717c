/**
 * The experiments feature: the Experiments view, running and queueing experiments, managing them, and the
 * experiments table and compare panels.
 */
import type { DataFeatureDependencies } from '../data/registerDataFeatures';

/** The experiment commands; package.json contributes them with these ids. */
export const experimentCommandIds = {} as const;

export type ExperimentFeatureDependencies = DataFeatureDependencies;

/** What the extension-host suite reads of the experiments feature. */
export type ExperimentFeatures = Record<string, never>;

export function registerExperimentFeatures(_deps: ExperimentFeatureDependencies): ExperimentFeatures {
  return {};
}
