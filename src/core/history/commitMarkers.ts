/**
 * What a commit changed that DVC cares about: params, data (a `.dvc` file, or the outputs a dvc.lock
 * records), the pipeline (a dvc.yaml) or metrics. Read from the files the commit changed and, when DVC
 * reported both the commit and its parent, from the values themselves (a params file rewritten with the
 * same values is not a params change; a metrics file DVC caches never shows up in git's file list).
 */
import type { ExperimentRow, ValuesByFile } from '../experiments/experimentModel';

export type DvcChange = 'params' | 'data' | 'pipeline' | 'metrics';

export const dvcChangeOrder: readonly DvcChange[] = ['params', 'data', 'pipeline', 'metrics'];

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isPipelineFile(path: string): boolean {
  return baseName(path) === 'dvc.yaml';
}

export function isLockFile(path: string): boolean {
  return baseName(path) === 'dvc.lock';
}

/** `data/raw.csv.dvc`, but not DVC's own `.dvc/config` or `.dvcignore`. */
export function isDvcFile(path: string): boolean {
  return path.endsWith('.dvc') && !path.startsWith('.dvc/') && baseName(path) !== '.dvc';
}

export interface MarkerInputs {
  readonly files: readonly string[];
  /** Params files of the project (`params.yaml` and the ones dvc.yaml names). */
  readonly paramsFiles: ReadonlySet<string>;
  /** True when the commit changed the outputs a dvc.lock records (the caller compared both sides). */
  readonly lockOutsChanged: boolean;
  readonly row: ExperimentRow | undefined;
  readonly parentRow: ExperimentRow | undefined;
}

export function commitMarkers(inputs: MarkerInputs): DvcChange[] {
  const { files, row, parentRow } = inputs;
  const markers = new Set<DvcChange>();
  if (files.some(isPipelineFile)) markers.add('pipeline');
  if (files.some(isDvcFile) || inputs.lockOutsChanged) markers.add('data');
  if (row && parentRow) {
    if (valuesDiffer(row.params, parentRow.params)) markers.add('params');
    if (valuesDiffer(row.metrics, parentRow.metrics)) markers.add('metrics');
  } else {
    if (files.some((file) => inputs.paramsFiles.has(file))) markers.add('params');
    if (row && Object.keys(row.metrics).some((file) => files.includes(file))) markers.add('metrics');
  }
  return dvcChangeOrder.filter((change) => markers.has(change));
}

function valuesDiffer(a: ValuesByFile, b: ValuesByFile): boolean {
  const files = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const file of files) {
    const left = a[file] ?? {};
    const right = b[file] ?? {};
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) if (JSON.stringify(left[key]) !== JSON.stringify(right[key])) return true;
  }
  return false;
}
