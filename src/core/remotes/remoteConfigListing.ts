/**
 * The options of one remote from `dvc config --list [--local]`, which DVC 3.67.1 prints one per line as
 * `remote.<name>.<option>=<value>` (values as DVC resolved them: a relative folder URL comes out absolute).
 */

/**
 * Option → value of remote `name`. Remote options are plain identifiers (`url`, `password`, `keyfile`), so an
 * option with a dot belongs to another remote whose name starts with `name.` and is skipped.
 */
export function remoteOptionsFromConfigList(text: string, name: string): Map<string, string> {
  const prefix = `remote.${name}.`;
  const options = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith(prefix)) continue;
    const separator = line.indexOf('=', prefix.length);
    if (separator < 0) continue;
    const option = line.slice(prefix.length, separator);
    if (option.length === 0 || option.includes('.')) continue;
    options.set(option, line.slice(separator + 1));
  }
  return options;
}
