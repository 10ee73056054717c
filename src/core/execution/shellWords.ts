/**
 * Values as words of a POSIX shell (bash, dash, the login shell ssh hands a remote command to). Every supplied
 * value (a path, a URL, an experiment name, a param value) becomes exactly one word whatever it holds: quotes,
 * `$()`, backticks, newlines, a leading `-` (which the shell leaves alone: the program after it decides).
 */

/** Characters no POSIX shell gives a meaning to (`=` and a leading `~` have one, so they are not here). */
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+,-]+$/;

/** One shell word: as is when plain (logs stay readable), else in single quotes, each `'` written `'\''`. */
export function shellWord(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line from an argument array, one word per argument: what ssh's remote shell runs. */
export function shellCommandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('A command line needs a program');
  return argv.map(shellWord).join(' ');
}
