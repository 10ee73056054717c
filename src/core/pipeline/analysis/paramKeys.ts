/**
 * The dotted keys of a params file, as a stage's `params:` list names them (`train`, `train.epochs`), and
 * whether a key is present. DVC splits keys at dots, but a key may itself hold a dot, so lookups try the
 * longest written key first.
 */
import { parseParamsFile } from '../paramsFile';
import { isParamList, isParamMap, type ParamMap, type ParamValue } from '../paramValue';
import type { ParamsFormat } from './paramsFormat';

const fileNameOf: Record<ParamsFormat, string> = {
  yaml: 'params.yaml',
  json: 'params.json',
  toml: 'params.toml',
  python: 'params.py',
};

/** The values of a params file, or undefined when it cannot be read (syntax error, not a mapping, Python). */
export function paramValuesOf(text: string, format: ParamsFormat): ParamMap | undefined {
  return parseParamsFile(fileNameOf[format], text).values;
}

/** Every dotted key of a params file, sections included, in file order; empty when it cannot be read. */
export function paramKeysOf(text: string, format: ParamsFormat): string[] {
  const values = paramValuesOf(text, format);
  const keys: string[] = [];
  if (values) collectKeys(values, '', keys);
  return keys;
}

function collectKeys(map: ParamMap, prefix: string, keys: string[]): void {
  for (const [key, value] of map) {
    const dotted = prefix === '' ? key : `${prefix}.${key}`;
    keys.push(dotted);
    if (isParamMap(value)) collectKeys(value, dotted, keys);
  }
}

/** Whether `dottedKey` names a value (or a section) of the params file; list items are reached by index. */
export function hasParamKey(values: ParamMap, dottedKey: string): boolean {
  return lookup(values, dottedKey);
}

function lookup(value: ParamValue, rest: string): boolean {
  if (isParamMap(value)) {
    for (const [key, child] of value) {
      if (key === rest) return true;
      if (rest.startsWith(`${key}.`) && lookup(child, rest.slice(key.length + 1))) return true;
    }
    return false;
  }
  if (isParamList(value)) {
    const [head = '', ...tail] = rest.split('.');
    if (!/^\d+$/.test(head)) return false;
    const item = value[Number(head)];
    if (item === undefined) return false;
    return tail.length === 0 || lookup(item, tail.join('.'));
  }
  return false;
}
