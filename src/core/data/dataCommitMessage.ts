/**
 * "Commit Data Changes": which changed files are DVC metadata (`.dvc` files, dvc.lock, .gitignore) and the
 * commit message offered for them.
 */

/** A path `git status` reports, relative to the repository root, with its two-letter code. */
export interface ChangedFile {
  readonly path: string;
  readonly code: string;
}

/** True for the files DVC writes for the user to commit. */
export function isDataMetadataFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.dvc') || name === 'dvc.lock' || name === '.gitignore';
}

/** The metadata files among git's changes (ignored files excluded), sorted. */
export function dataMetadataChanges(changed: readonly ChangedFile[]): string[] {
  return changed
    .filter((file) => file.code !== '!!' && isDataMetadataFile(file.path))
    .map((file) => file.path)
    .sort();
}

/**
 * "Update data: data/raw.csv.dvc, dvc.lock". .gitignore files only follow the `.dvc` files DVC wrote them
 * for, so they are named only when nothing else changed; long lists end in "and N more".
 */
export function dataCommitMessage(paths: readonly string[], shown = 3): string {
  const named = paths.filter((path) => !path.endsWith('.gitignore'));
  const list = named.length > 0 ? named : [...paths];
  if (list.length === 0) return 'Update data';
  const head = list.slice(0, shown).join(', ');
  const rest = list.length - shown;
  return `Update data: ${head}${rest > 0 ? ` and ${rest} more` : ''}`;
}
