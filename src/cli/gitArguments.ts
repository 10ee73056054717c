/**
 * Values a person, a setting or a repository supplies that go where git takes no `--` (revisions, remote
 * names): refused when git would read them as an option (see safeArguments.ts for the general rule).
 */
import { FlagLikeValueError } from './safeArguments';

/** Refuses a revision that git would read as an option. */
export function asGitRevision(value: string): string {
  if (value.startsWith('-'))
    throw new FlagLikeValueError(`'${value}' is not a valid git revision: git would read it as an option.`);
  return value;
}

/** Refuses a remote name git would read as an option (names come from settings). */
export function asGitRemote(value: string): string {
  if (value.startsWith('-') || value.length === 0)
    throw new FlagLikeValueError(
      `'${value}' is not a valid git remote name: git would read it as an option.`,
    );
  return value;
}
