/**
 * Path arithmetic for repository-relative paths with `/` separators. Core code is platform-free, so this
 * small POSIX normalizer stands in for node:path (DVC normalizes paths the same way before comparing them).
 */

/** Backslashes, empty segments, `.`/`..` segments, or a leading/trailing slash. */
const needsNormalizing = /\\|\/\/|^\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/** Joins and normalizes `/`-separated paths; `..` above the start is kept, `.` segments are dropped. */
export function joinPath(...parts: readonly string[]): string {
  // Most paths are already clean; joining those needs no splitting (the tree joins thousands of them).
  if (parts.every((part) => !needsNormalizing.test(part)))
    return parts.filter((part) => part !== '').join('/');
  const segments: string[] = [];
  for (const part of parts) {
    for (const segment of part.replace(/\\/g, '/').split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
      else segments.push(segment);
    }
  }
  return segments.join('/');
}

/** The folder of a repository-relative file path, '' for the repository root. */
export function folderOf(file: string): string {
  const normalized = joinPath(file);
  const slash = normalized.lastIndexOf('/');
  return slash === -1 ? '' : normalized.slice(0, slash);
}

/**
 * The name `dvc stage list --all` prints (run from the repository root): bare for the root dvc.yaml, and
 * `<dir>/dvc.yaml:<name>` for a pipeline in a subfolder.
 */
export function qualifiedStageName(pipelineFile: string, name: string): string {
  const file = joinPath(pipelineFile);
  return file === 'dvc.yaml' ? name : `${file}:${name}`;
}
