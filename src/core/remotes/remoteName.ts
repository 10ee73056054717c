/**
 * Checks a remote name before DVC sees it. DVC stores a remote as the config section `remote "<name>"` and
 * takes the name from the command line, so a name with spaces, quotes or brackets corrupts `.dvc/config` for
 * every later read, and a name starting with `-` reads as a flag. We accept what is safe in all of them.
 */

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_LENGTH = 100;

/** Why `name` cannot be a remote name, or undefined when it can; `taken` lists the names already in use. */
export function remoteNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  if (name.length === 0) return 'A remote needs a name.';
  if (name.length > MAX_LENGTH) return `A remote name has at most ${MAX_LENGTH} characters.`;
  if (/\s/.test(name)) return 'A remote name cannot contain spaces.';
  if (name.startsWith('-')) return 'A remote name cannot start with "-" (DVC would read it as an option).';
  if (!NAME.test(name))
    return 'A remote name may contain only letters, digits, "_", "-" and "." (no quotes, slashes or brackets).';
  if (taken.includes(name)) return `A remote named '${name}' already exists.`;
  return undefined;
}

/** Why `url` cannot be a remote URL (empty, or spaces only), or undefined. DVC judges the rest. */
export function remoteUrlProblem(url: string): string | undefined {
  if (url.trim().length === 0) return 'A remote needs a URL or a folder path.';
  if (url.trim() !== url) return 'The URL starts or ends with spaces.';
  return undefined;
}
