/**
 * Starred experiments: a person's marks on rows of the experiments table and view, kept per workspace and
 * repository. Ids are the table's row ids (an experiment's sha, a commit's sha, `workspace`).
 */

/** The starred ids after starring (or unstarring) `ids`; order kept, each id once. */
export function withStars(current: readonly string[], ids: readonly string[], starred: boolean): string[] {
  if (!starred) return current.filter((id) => !ids.includes(id));
  return [...new Set([...current, ...ids])];
}

/** A stored list is trusted only when it is a list of strings of sane size. */
export function isStarList(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length <= 100_000 &&
    value.every((id) => typeof id === 'string' && id.length <= 4096)
  );
}
