/**
 * DVC's `${...}` templating: finding expressions, parsing their key paths, looking them up and building the
 * resulting value. Behaviour follows DVC 3.x (dvc/parsing): `\${` escapes, `${a.b}`, `${a[0]}` and
 * `${ a }` all work, a string that is exactly one expression keeps the value's type, and a dict may only be
 * spliced into `cmd` (as `--key value` arguments).
 */
import { dictToCommandArguments } from './commandArguments';
import {
  isComposite,
  isParamList,
  isParamMap,
  pythonStr,
  pythonTypeName,
  type ParamMap,
  type ParamValue,
} from './paramValue';

export interface InterpolationMatch {
  /** Offsets of `${...}` in the template. */
  readonly start: number;
  readonly end: number;
  /** The text between the braces. */
  readonly expression: string;
}

/** Variables visible to an expression: the loaded params/vars and, inside foreach/matrix, `item` and `key`. */
export interface InterpolationScope {
  readonly variables: ParamMap;
  readonly iteration?: ParamMap;
}

export type InterpolationResult =
  | { readonly ok: true; readonly value: ParamValue }
  | { readonly ok: false; readonly message: string; readonly match?: InterpolationMatch };

const expressionPattern = /(?<!\\)\$\{(.*?)\}/gs;

export function findInterpolations(template: string): InterpolationMatch[] {
  const matches: InterpolationMatch[] = [];
  for (const match of template.matchAll(expressionPattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length, expression: match[1] ?? '' });
  }
  return matches;
}

export function hasInterpolation(text: string): boolean {
  return text.includes('${') && findInterpolations(text).length > 0;
}

/**
 * Splits `a.b[0].c` into its keys. Like DVC's grammar a key is any run of characters other than `.`, `[`
 * and `]`, surrounding spaces are ignored, and quotes are not special (`${a['b']}` looks up `'b'`).
 */
export function parseKeyPath(
  expression: string,
): { readonly keys: readonly string[] } | { readonly error: string } {
  const keys: string[] = [];
  let position = 0;
  const readKey = (): boolean => {
    let end = position;
    while (end < expression.length && !'.[]'.includes(expression[end] ?? '')) end++;
    const key = expression.slice(position, end).trim();
    position = end;
    if (key === '') return false;
    keys.push(key);
    return true;
  };
  if (!readKey()) return { error: `expected a name at character ${position + 1} of '\${${expression}}'` };
  while (position < expression.length) {
    const separator = expression[position];
    position++;
    if (!readKey()) return { error: `expected a name at character ${position + 1} of '\${${expression}}'` };
    if (separator === '[') {
      if (expression[position] !== ']')
        return { error: `expected ']' at character ${position + 1} of '\${${expression}}'` };
      position++;
    } else if (separator !== '.') {
      return { error: `unexpected '${separator ?? ''}' at character ${position} of '\${${expression}}'` };
    }
  }
  return { keys };
}

/** Python's `int()` on a list index: optional sign, digits, underscores between digits, spaces around. */
const listIndexPattern = /^\s*[-+]?\d+(?:_\d+)*\s*$/;

/** Looks a key path up; undefined when it does not exist (null is a value: YAML `~`). */
export function lookupKeyPath(scope: InterpolationScope, keys: readonly string[]): ParamValue | undefined {
  const [first, ...rest] = keys;
  if (first === undefined) return undefined;
  let current: ParamValue | undefined = scope.iteration?.has(first)
    ? scope.iteration.get(first)
    : scope.variables.get(first);
  for (const key of rest) {
    if (current === undefined) return undefined;
    if (isParamMap(current)) {
      current = current.get(key);
    } else if (isParamList(current)) {
      if (!listIndexPattern.test(key)) return undefined;
      const index = Number(key.replace(/_/g, ''));
      current = current[index < 0 ? current.length + index : index];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Resolves one string. `field` is the stage key being resolved (`cmd`, `deps`, ...); undefined where DVC
 * allows any value (foreach and matrix data, wdir, top-level sections).
 */
export function interpolate(
  template: string,
  scope: InterpolationScope,
  field: string | undefined,
): InterpolationResult {
  const matches = template.includes('${') ? findInterpolations(template) : [];
  const only = matches[0];
  if (matches.length === 1 && only && only.start === 0 && only.end === template.length) {
    const looked = lookUp(only, scope);
    if (!looked.ok) return looked;
    const refused = checkSplice(looked.value, field, only);
    if (refused) return refused;
    if (isParamMap(looked.value) && field === 'cmd') {
      const args = dictAsArguments(looked.value, only);
      return args.ok ? { ok: true, value: args.text } : args;
    }
    return looked;
  }
  let text = '';
  let copied = 0;
  for (const match of matches) {
    const looked = lookUp(match, scope);
    if (!looked.ok) return looked;
    const value = looked.value;
    const refused = checkSplice(value, field, match);
    if (refused) return refused;
    let piece: string;
    if (isParamMap(value)) {
      const args = dictAsArguments(value, match);
      if (!args.ok) return args;
      piece = args.text;
    } else if (isParamList(value)) {
      return { ok: false, message: `cannot put a list into a string in '\${${match.expression}}'`, match };
    } else {
      piece = pythonStr(value);
    }
    text += template.slice(copied, match.start) + piece;
    copied = match.end;
  }
  text += template.slice(copied);
  // DVC unescapes after substituting, so a `\${` coming from a value is unescaped as well.
  return { ok: true, value: text.replaceAll('\\${', '${') };
}

function lookUp(match: InterpolationMatch, scope: InterpolationScope): InterpolationResult {
  const parsed = parseKeyPath(match.expression);
  if ('error' in parsed) return { ok: false, message: `invalid expression: ${parsed.error}`, match };
  const value = lookupKeyPath(scope, parsed.keys);
  if (value === undefined)
    return { ok: false, message: `'${match.expression.trim()}' is not defined`, match };
  return { ok: true, value };
}

/** DVC's `validate_value`: lists and dicts only where the field allows them (dicts in `cmd`). */
function checkSplice(
  value: ParamValue,
  field: string | undefined,
  match: InterpolationMatch,
): InterpolationResult | undefined {
  if (!isComposite(value) || field === undefined || field.includes('foreach')) return undefined;
  if (isParamMap(value) && field === 'cmd') return undefined;
  const where = field === 'cmd' ? 'a command' : `'${field}'`;
  return {
    ok: false,
    message: `cannot interpolate a ${pythonTypeName(value)} ('\${${match.expression}}') into ${where}`,
    match,
  };
}

function dictAsArguments(
  value: ParamMap,
  match: InterpolationMatch,
): { readonly ok: true; readonly text: string } | Extract<InterpolationResult, { ok: false }> {
  const args = dictToCommandArguments(value);
  return 'error' in args ? { ok: false, message: args.error, match } : { ok: true, text: args.text };
}
