/**
 * Reads a params or vars file the way DVC loads it for interpolation: by extension, `.toml` as TOML, `.json`
 * as JSON, `.py` (supported by DVC, not by us) reported as a warning, and anything else as YAML. The top
 * level must be a mapping; an empty YAML file is an empty mapping.
 */
import { parse as parseToml, TomlError, type TomlValue } from 'smol-toml';
import { isMap, parseDocument } from 'yaml';
import type { PipelineProblem } from './model';
import { PythonFloat, pythonTypeName, type ParamMap, type ParamValue } from './paramValue';
import { LineIndex, startOfFile } from './yamlPosition';
import { yamlToParamValue } from './yamlToParamValue';

export interface ParamsFileContent {
  /** The loaded mapping, or undefined when the file could not be read as one. */
  readonly values: ParamMap | undefined;
  readonly problems: readonly PipelineProblem[];
}

/** Reads one params file; `file` (repository-relative) is used for problems and picks the format. */
export function parseParamsFile(file: string, text: string): ParamsFileContent {
  const extension = /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? '';
  if (extension === '.py') {
    const message = `Python params file '${file}' is not supported for interpolation; its values are not used`;
    return { values: undefined, problems: [{ severity: 'warning', message, file, range: startOfFile }] };
  }
  if (extension === '.toml') return readToml(file, text);
  return readYamlOrJson(file, text, extension === '.json');
}

function readYamlOrJson(file: string, text: string, isJson: boolean): ParamsFileContent {
  const lines = new LineIndex(text);
  const format = isJson ? 'JSON' : 'YAML';
  if (isJson) {
    const invalid = jsonSyntaxError(text);
    if (invalid) {
      const range = invalid.offset === undefined ? startOfFile : lines.lineRange(invalid.offset);
      const message = `'${file}' is not valid JSON: ${invalid.reason}`;
      return { values: undefined, problems: [{ severity: 'error', message, file, range }] };
    }
  }
  // JSON is read with the YAML 1.2 parser (JSON is a subset of it) so that positions and the int/float
  // distinction come out the same way; Python's json keeps the last of repeated keys, hence no uniqueness.
  const doc = parseDocument(text, { merge: !isJson, uniqueKeys: !isJson, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const message = `'${file}' is not valid ${format}: ${firstLine(firstError.message)}`;
    return {
      values: undefined,
      problems: [{ severity: 'error', message, file, range: lines.lineRange(firstError.pos[0]) }],
    };
  }
  const values = yamlToParamValue(doc.contents, doc, 'skip');
  if (values === null) return { values: new Map(), problems: [] };
  if (!isMap(doc.contents) || !(values instanceof Map)) {
    const message = `'${file}' must hold a mapping of names to values, not a ${pythonTypeName(values)}`;
    return {
      values: undefined,
      problems: [{ severity: 'error', message, file, range: lines.rangeOf(doc.contents) }],
    };
  }
  return { values, problems: [] };
}

function readToml(file: string, text: string): ParamsFileContent {
  try {
    // Integers as BigInt are how TOML's `1` and `1.0` stay apart (Python prints them differently).
    const table = parseToml(text, { integersAsBigInt: true });
    return { values: tomlTable(table), problems: [] };
  } catch (error: unknown) {
    const line = error instanceof TomlError ? Math.max(0, error.line - 1) : 0;
    const character = error instanceof TomlError ? Math.max(0, error.column - 1) : 0;
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    const range = { startLine: line, startCharacter: character, endLine: line, endCharacter: character };
    return {
      values: undefined,
      problems: [{ severity: 'error', message: `'${file}' is not valid TOML: ${reason}`, file, range }],
    };
  }
}

function tomlTable(table: { readonly [key: string]: TomlValue }): ParamMap {
  const result = new Map<string, ParamValue>();
  for (const [key, value] of Object.entries(table)) result.set(key, tomlValue(value));
  return result;
}

function tomlValue(value: TomlValue): ParamValue {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return new PythonFloat(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(tomlValue);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && isPlainTable(value)) return tomlTable(value);
  return String(value);
}

function isPlainTable(value: object): value is { readonly [key: string]: TomlValue } {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The YAML parser accepts more than JSON (`{"a": }`), so JSON is first checked by the strict parser. */
function jsonSyntaxError(text: string): { readonly reason: string; readonly offset?: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    return position === undefined ? { reason } : { reason, offset: Number(position) };
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
