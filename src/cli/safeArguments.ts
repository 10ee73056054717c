/**
 * How a value a person or a repository supplies (a name, path, revision, option value) reaches DVC or git so
 * that it is never read as an option. DVC parses its command line with Python's argparse, which takes any
 * word starting with `-` for an option unless it comes after `--` or is glued to its option (`--opt=value`);
 * git's parse-options behaves the same. Where neither form is accepted (DVC stores `--` into a stage's `cmd`;
 * `plots diff --targets` takes one list), the value is refused with a FlagLikeValueError that says why.
 */

/** A supplied value that would be read as an option where it has to go; the message tells the person why. */
export class FlagLikeValueError extends Error {
  override readonly name = 'FlagLikeValueError';
}

/**
 * An option and its value: `--option=value` when the value starts with `-` (argparse and git take everything
 * after the first `=` as the value), `--option value` otherwise, as a person would type it.
 */
export function optionValue(option: `--${string}`, value: string): string[] {
  return looksLikeOption(value) ? [`${option}=${value}`] : [option, value];
}

/** {@link optionValue} when there is a value, nothing otherwise. */
export function optionalValue(option: `--${string}`, value: string | undefined): string[] {
  return value === undefined ? [] : optionValue(option, value);
}

/**
 * Positionals that can never be options: after `--` when one of them starts with `-`. Only then, so that the
 * everyday command line in the log and in messages stays the one a person would type (`dvc repro train`):
 * argparse and git read a word that does not start with `-` as a positional anyway.
 */
export function positionals(values: readonly string[]): string[] {
  return values.some(looksLikeOption) ? ['--', ...values] : [...values];
}

/** True for a value that argparse or git would take for an option if it stood alone. */
export function looksLikeOption(value: string): boolean {
  return value.startsWith('-');
}

/**
 * `value` unchanged, or a FlagLikeValueError for one that starts with `-`, for the few places where neither
 * `--` nor `--opt=value` is accepted. `what` names the value for the message ("The stage command").
 */
export function refuseOptionLike(value: string, what: string, why: string): string {
  if (looksLikeOption(value)) throw new FlagLikeValueError(`${what} '${value}' starts with '-': ${why}`);
  return value;
}
