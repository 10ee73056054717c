/**
 * `cmd: python train.py ${train}` with a dict: DVC flattens the dict with dotted keys and writes each entry
 * as command-line arguments (its default `parsing` config: booleans as store_true flags, lists as nargs),
 * quoting strings for a POSIX shell.
 */
import { isParamList, isParamMap, pythonStr, type ParamMap, type ParamValue } from './paramValue';

export function dictToCommandArguments(
  dict: ParamMap,
): { readonly text: string } | { readonly error: string } {
  let text = '';
  for (const [key, value] of flattenDict(dict)) {
    if (typeof value === 'boolean') {
      if (value) text += `--${key} `;
    } else if (typeof value === 'string') {
      text += `--${key} ${shellQuote(value)} `;
    } else if (isParamList(value)) {
      for (const [index, element] of value.entries()) {
        if (isParamList(element) || isParamMap(element))
          return { error: `cannot put the nested list '${key}' into a command` };
        // List elements that are not strings are written with plain Python str() (True, not true).
        const written = typeof element === 'string' ? shellQuote(element) : pythonStr(element, true);
        text += index > 0 ? `${written} ` : `--${key} ${written} `;
      }
    } else if (!isParamMap(value)) {
      text += `--${key} ${pythonStr(value, true)} `;
    }
  }
  return { text: text.trimEnd() };
}

/** flatten_dict with the dot reducer: nested dicts become `a.b` keys; lists stay values. */
function flattenDict(dict: ParamMap, prefix = ''): [string, ParamValue][] {
  const entries: [string, ParamValue][] = [];
  for (const [key, value] of dict) {
    const dotted = prefix === '' ? key : `${prefix}.${key}`;
    if (isParamMap(value) && value.size > 0) entries.push(...flattenDict(value, dotted));
    else if (!isParamMap(value)) entries.push([dotted, value]);
  }
  return entries;
}

// Without the `u` flag `\w` is ASCII-only, as in Python's `re.ASCII` pattern that shlex uses.
const shellSafe = /^[\w@%+=:,./-]+$/;

/** Python's `shlex.quote`. */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if (shellSafe.test(text)) return text;
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}
