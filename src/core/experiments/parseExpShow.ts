/**
 * `dvc exp show --json` (DVC 3.67.1, recorded in test/fixtures/dvc-exp-show) into an ExperimentsModel.
 *
 * DVC prints a list of revisions: `workspace` first, then commits, each with `data` (params, metrics, deps per
 * file) and `experiments`, a list of `{ name, executor, revs: [revision] }`. A finished experiment has no
 * executor; a queued, running or failed one carries `executor.state`. Any part may be null or missing in
 * another DVC version: the parser keeps what it understands and never throws on shape.
 */
import type {
  CommitRow,
  ExperimentExecutor,
  ExperimentRow,
  ExperimentState,
  ExperimentsModel,
  FlatValues,
  ValuesByFile,
} from './experimentModel';
import { flattenValues } from './flattenValues';

/** Thrown when the output is not a list at all (DVC printed something else). */
export class ExpShowShapeError extends Error {
  override readonly name = 'ExpShowShapeError';
}

export function parseExpShow(json: unknown): ExperimentsModel {
  if (!Array.isArray(json)) throw new ExpShowShapeError('dvc exp show --json did not print a list');
  let workspace: ExperimentRow | undefined;
  const commits: CommitRow[] = [];
  for (const entry of json) {
    if (!isRecord(entry) || typeof entry.rev !== 'string') continue;
    if (entry.rev === 'workspace') {
      workspace = revisionRow(entry, 'workspace', undefined, undefined);
      continue;
    }
    const base = revisionRow(entry, 'commit', undefined, undefined);
    const experiments = (Array.isArray(entry.experiments) ? entry.experiments : []).flatMap(
      (group: unknown) => experimentRow(group, base.rev),
    );
    commits.push({ ...base, kind: 'commit', experiments });
  }
  return { workspace, commits };
}

function experimentRow(group: unknown, baseline: string): ExperimentRow[] {
  if (!isRecord(group) || !Array.isArray(group.revs)) return [];
  // DVC 3 lists one revision per experiment (several were checkpoints, which DVC 3 no longer makes): the
  // first is the experiment's tip.
  const [tip] = group.revs as unknown[];
  if (!isRecord(tip) || typeof tip.rev !== 'string') return [];
  const executor = isRecord(group.executor) ? group.executor : undefined;
  const row = revisionRow(tip, 'experiment', executor, baseline);
  const name = typeof group.name === 'string' ? group.name : row.name;
  return [{ ...row, name, label: name ?? row.rev.slice(0, 7) }];
}

function revisionRow(
  entry: Record<string, unknown>,
  kind: ExperimentRow['kind'],
  executor: Record<string, unknown> | undefined,
  baseline: string | undefined,
): ExperimentRow {
  const rev = String(entry.rev);
  const data = isRecord(entry.data) ? entry.data : {};
  const name = typeof entry.name === 'string' ? entry.name : undefined;
  const error = errorMessage(entry.error);
  const fileErrors: Record<string, string> = {};
  const params = valuesByFile(data.params, fileErrors);
  const metrics = valuesByFile(data.metrics, fileErrors);
  return {
    kind,
    id: rev,
    rev,
    name,
    label: kind === 'workspace' ? 'workspace' : (name ?? rev.slice(0, 7)),
    state: kind === 'experiment' ? experimentState(executor, error) : undefined,
    timestamp: typeof data.timestamp === 'string' ? data.timestamp : undefined,
    params,
    metrics,
    deps: depHashes(data.deps),
    fileErrors,
    error,
    executor: kind === 'experiment' && executor ? executorOf(executor) : undefined,
    baseline,
  };
}

function experimentState(
  executor: Record<string, unknown> | undefined,
  error: string | undefined,
): ExperimentState {
  const state = executor?.state;
  if (state === 'queued' || state === 'running' || state === 'success' || state === 'failed') return state;
  return error === undefined ? 'success' : 'failed';
}

function executorOf(executor: Record<string, unknown>): ExperimentExecutor {
  const local = isRecord(executor.local) ? executor.local : {};
  return {
    taskId: typeof local.task_id === 'string' ? local.task_id : undefined,
    logFile: typeof local.log === 'string' ? local.log : undefined,
    pid: typeof local.pid === 'number' ? local.pid : undefined,
    returnCode: typeof local.returncode === 'number' ? local.returncode : undefined,
  };
}

/** `{ file: { data: {...} } | { error: {...} } }`; files that failed go to `errors` and get no values. */
function valuesByFile(files: unknown, errors: Record<string, string>): ValuesByFile {
  const result: Record<string, FlatValues> = {};
  if (!isRecord(files)) return result;
  for (const [file, content] of Object.entries(files)) {
    if (!isRecord(content)) continue;
    const message = errorMessage(content.error);
    if (message !== undefined) errors[file] = message;
    if (isRecord(content.data)) define(result, file, flattenValues(content.data));
  }
  return result;
}

function depHashes(deps: unknown): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  if (!isRecord(deps)) return result;
  for (const [path, dep] of Object.entries(deps))
    define(result, path, isRecord(dep) && typeof dep.hash === 'string' ? dep.hash : undefined);
  return result;
}

function errorMessage(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.msg === 'string' && error.msg.length > 0) return error.msg;
  return typeof error.type === 'string' && error.type.length > 0 ? error.type : 'error';
}

/** defineProperty: a file or key named `__proto__` stays data. */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
