/**
 * A command as a person reads it in the log or an error message. Display only: processes are always started
 * with argument arrays, never from this text.
 */

const PLAIN_ARGUMENT = /^[\w@%+=:,./-]+$/;

/** POSIX-shell quoting of one argument, so that a copied log line can be pasted into a terminal. */
export function quoteArgument(argument: string): string {
  if (PLAIN_ARGUMENT.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

export function formatCommandLine(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteArgument).join(' ');
}
