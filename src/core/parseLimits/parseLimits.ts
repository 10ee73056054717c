/**
 * The budgets every in-process parse of a workspace file keeps, so that a file nobody here wrote (an alias
 * bomb, nesting thousands deep, a 50 MB params file) ends in a clear error at the file instead of a frozen or
 * crashed extension host. DVC itself still reads such files; DVC Lens then shows what DVC's CLI reports.
 */

/** Files above this size are not parsed in-process: their content is only seen through DVC's CLI. */
export const MAX_IN_HOST_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Deeper nesting (mappings and lists inside each other, aliases expanded) is refused. Real params and
 * pipelines nest a handful of levels; the yaml package's own parser overflows its stack near 1,000.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * How many values aliases may add when expanded. A few aliases to shared defaults add hundreds; nine levels
 * of nine aliases (the classic "billion laughs") would add 387 million.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

export function tooLargeMessage(file: string, bytes: number): string {
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  const limit = MAX_IN_HOST_FILE_BYTES / (1024 * 1024);
  return `'${file}' is larger than ${limit} MB (${megabytes} MB): DVC Lens reads it through DVC only`;
}

export function tooDeepMessage(file: string): string {
  return `'${file}' is nested deeper than ${MAX_NESTING_DEPTH} levels: DVC Lens does not read it`;
}

export function tooManyAliasesMessage(file: string): string {
  return `'${file}' has too many aliases: expanded, they would add more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} values (an alias bomb?); DVC Lens does not read it`;
}

export function aliasLoopMessage(file: string, alias: string): string {
  return `'${file}': the alias *${alias} refers to a node that contains it; DVC Lens does not read it`;
}

/** Whether a text (counted in UTF-16 units, at least its UTF-8 size in bytes / 3) is above the size budget. */
export function isTooLargeText(text: string): boolean {
  return text.length > MAX_IN_HOST_FILE_BYTES;
}
