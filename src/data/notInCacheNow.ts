/**
 * What the data slice's last `dvc data status` says is not in the local cache, while that answer is current:
 * a run's check of its inputs (src/pipeline/run/runInputsCheck.ts) asks DVC only when it is not (issue 13:
 * one change, one read).
 */
import type { Repository } from '../repository/repository';
import { defineSlice } from '../repository/repositorySlice';
import { dataSliceName, type DataSlice } from './dataSlice';

/** Finds the slice the data view made; never makes one (that needs the view's context). */
const lookup = defineSlice<DataSlice>(dataSliceName, () => {
  throw new Error('the data slice is made by the Data view');
});

/** Paths not in the local cache, or undefined when DVC must be asked (no current answer). */
export function notInCacheNow(repository: Repository): readonly string[] | undefined {
  const status = repository.existingSlice(lookup)?.currentStatus;
  return status?.entries.filter((entry) => entry.notInCache).map((entry) => entry.path);
}
