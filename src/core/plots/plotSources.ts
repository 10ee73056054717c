/** Which file changes can change what `dvc plots diff` says (for the dashboard's live updates). */

const PLOT_FILE = /\.(csv|tsv|json|ya?ml|png|jpe?g|gif|svg)$/i;

/**
 * `relative`: the changed path relative to the repository root, `/` separators. Data series, images,
 * dvc.yaml and dvc.lock count; so does DVCLive's step signal under `.dvc/tmp/exps/`; the rest of `.dvc/`
 * and `.git/` do not (DVC itself writes there while it reads).
 */
export function affectsPlots(relative: string): boolean {
  if (relative.startsWith('.git/') || relative.startsWith('node_modules/')) return false;
  if (relative.startsWith('.dvc/')) return relative.startsWith('.dvc/tmp/exps/');
  return PLOT_FILE.test(relative) || /(^|\/)dvc\.lock$/.test(relative);
}
