/** What makes the Experiments view ask DVC again, and how DVC's failure is told. */
import { isProcessError } from '../repository/processes';

/** Files whose change can change what `dvc exp show` says (paths relative to the repository root). */
export function affectsExperiments(path: string): boolean {
  if (isDvcOwnWrite(path)) return false;
  return (
    path.startsWith('.git/refs/exps') ||
    path === '.git/HEAD' ||
    path.startsWith('.git/refs/heads') ||
    path.startsWith('.dvc/tmp/exps') ||
    /(^|\/)(dvc\.lock|dvc\.yaml|params\.(yaml|yml|json|toml|py))$/.test(path) ||
    /(^|\/)[^/]*metrics[^/]*\.(json|yaml|yml|toml)$/.test(path)
  );
}

/**
 * Changes after which a commit's results may say something else: git's refs (a new commit, a moved branch,
 * an experiment made or removed under `refs/exps`), HEAD, and DVC's experiment queue and running experiments
 * (`.dvc/tmp/exps`, its own results cache excepted). Kept answers about commits end with them.
 */
export function changesCommitResults(path: string): boolean {
  if (isDvcOwnWrite(path)) return false;
  return (
    path === '.git/HEAD' ||
    path === '.git/packed-refs' ||
    path.startsWith('.git/refs/') ||
    path.startsWith('.dvc/tmp/exps') ||
    /(^|\/)dvc\.yaml$/.test(path)
  );
}

/** Changes that alter only the workspace row (params, metrics, dvc.lock): read from files, not from DVC. */
export function changesWorkspaceOnly(path: string): boolean {
  return affectsExperiments(path) && !changesCommitResults(path);
}

/**
 * The folders the first `dvc exp show` of a repository makes for itself (checked with DVC 3.67.1: `exps`,
 * its results cache and the empty queue folders), and that cache's files. Taking them for a change made every
 * first read of a repository trigger (and, before reads were coalesced, supersede) itself. A queued
 * experiment's message under `celery/broker/in/` is a file in those folders and still counts.
 */
const DVC_OWN_FOLDERS = new Set([
  '.dvc/tmp/exps',
  '.dvc/tmp/exps/cache',
  '.dvc/tmp/exps/celery',
  '.dvc/tmp/exps/celery/broker',
  '.dvc/tmp/exps/celery/broker/control',
  '.dvc/tmp/exps/celery/broker/in',
  '.dvc/tmp/exps/celery/broker/processed',
  '.dvc/tmp/exps/celery/result',
]);

/**
 * A queue worker runs the experiment in its own copy of the repository (.dvc/tmp/exps/tmp<random>/) and
 * writes its output to .dvc/tmp/exps/run/<task>/<task>.out: both change on every step of the training, and
 * taken as changes they superseded every read while a queued run ran (the view never showed it running). The
 * run's state changes reach us through its info file (run/<task>/<task>.json), refs and polling.
 */
function isQueueWorkerWrite(path: string): boolean {
  return /^\.dvc\/tmp\/exps\/tmp[^/]*(\/|$)/.test(path) || /^\.dvc\/tmp\/exps\/run\/.*\.out$/.test(path);
}

function isDvcOwnWrite(path: string): boolean {
  return DVC_OWN_FOLDERS.has(path) || path.startsWith('.dvc/tmp/exps/cache/') || isQueueWorkerWrite(path);
}

/** DVC's own words: its `ERROR:` line when there is one, else the error's message. */
export function dvcMessage(error: unknown): string {
  if (isProcessError(error)) {
    const line = `${error.stderr}\n${error.stdout}`.split(/\r?\n/).find((text) => text.startsWith('ERROR'));
    if (line) return line.replace(/^ERROR:\s*/, '');
  }
  return error instanceof Error ? error.message : String(error);
}
