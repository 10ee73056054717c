/** What makes the Experiments view ask DVC again, and how DVC's failure is told. */
import { isProcessError } from '../repository/processes';

/** Files whose change can change what `dvc exp show` says (paths relative to the repository root). */
export function affectsExperiments(path: string): boolean {
  // `dvc exp show` writes its own results under .dvc/tmp/exps/cache: taking that for a change made every first
  // read of a repository trigger (and supersede) itself.
  if (path.startsWith('.dvc/tmp/exps/cache/') || path === '.dvc/tmp/exps/cache') return false;
  // A queue worker runs the experiment in its own copy of the repository (.dvc/tmp/exps/tmp<random>/) and
  // writes its output to .dvc/tmp/exps/run/<task>/<task>.out: both change on every step of the training, and
  // taken as changes they superseded every read while a queued run ran (the view never showed it running).
  // The run's state changes reach us through its info file (run/<task>/<task>.json), refs and polling.
  if (/^\.dvc\/tmp\/exps\/tmp[^/]*(\/|$)/.test(path) || /^\.dvc\/tmp\/exps\/run\/.*\.out$/.test(path))
    return false;
  return (
    path.startsWith('.git/refs/exps') ||
    path === '.git/HEAD' ||
    path.startsWith('.git/refs/heads') ||
    path.startsWith('.dvc/tmp/exps') ||
    /(^|\/)(dvc\.lock|dvc\.yaml|params\.(yaml|yml|json|toml|py))$/.test(path) ||
    /(^|\/)[^/]*metrics[^/]*\.(json|yaml|yml|toml)$/.test(path)
  );
}

/** DVC's own words: its `ERROR:` line when there is one, else the error's message. */
export function dvcMessage(error: unknown): string {
  if (isProcessError(error)) {
    const line = `${error.stderr}\n${error.stdout}`.split(/\r?\n/).find((text) => text.startsWith('ERROR'));
    if (line) return line.replace(/^ERROR:\s*/, '');
  }
  return error instanceof Error ? error.message : String(error);
}
