/**
 * What a person asks for when they run or queue an experiment, as plain data every compute target receives,
 * and the few facts read back from DVC's output while it is submitted.
 */
import { splitValueList, type ParamOverride, type ParamSweep } from '../experiments/experimentOverrides';

/** `now`: run and wait for the end (`dvc exp run`); `queue`: hand it over and return (`--queue`, a job). */
export type RunMode = 'now' | 'queue';

/** One Run or Queue Experiment request: the same for every compute target. */
export interface ExperimentRunRequest {
  readonly mode: RunMode;
  /** `-n`: the experiment's name (grids: `name-1`, `name-2`…); DVC makes one up when absent. */
  readonly name: string | undefined;
  /** `-S` values every run of the request gets. */
  readonly overrides: readonly ParamOverride[];
  /** Queue only: one run per combination of these values (a grid); empty for a single run. */
  readonly sweeps: readonly ParamSweep[];
}

/**
 * The request for the overrides a person gave. Queueing reads `a, b` as a sweep of two values; running now
 * passes every value as typed (a grid would need the queue).
 */
export function experimentRunRequest(
  mode: RunMode,
  overrides: readonly ParamOverride[],
  name?: string,
): ExperimentRunRequest {
  const request = { mode, name: name || undefined };
  if (mode === 'now') return { ...request, overrides, sweeps: [] };
  const sweeps: ParamSweep[] = [];
  const fixed: ParamOverride[] = [];
  for (const override of overrides) {
    const values = splitValueList(override.value);
    if (values.length > 1) sweeps.push({ file: override.file, key: override.key, values });
    else fixed.push(override);
  }
  return { ...request, overrides: fixed, sweeps };
}

/**
 * Experiment names in a line DVC prints while submitting: `Queued experiment 'x' for future execution.` (one
 * per queued run, a short rev for an unnamed one) and `Ran experiment(s): a, b` after a run (DVC 3.67.1's
 * `dvc/repo/experiments/run.py` and `__init__.py`).
 */
export function experimentNamesInOutput(line: string): string[] {
  const queued = /^Queued experiment '([^']+)' for future execution\.?\s*$/.exec(line.trim());
  if (queued?.[1]) return [queued[1]];
  const ran = /^Ran experiment\(s\): (.+)$/.exec(line.trim());
  return ran?.[1]
    ? ran[1]
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0)
    : [];
}
