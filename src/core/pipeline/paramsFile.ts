/**
 * Reads a params or vars file the way DVC loads it for interpolation: by extension, `.toml` as TOML, `.json`
 * as JSON (Python's, which takes `NaN`, `Infinity` and `-Infinity`), `.py` (supported by DVC, not by us)
 * reported as a warning, and anything else as YAML. The top level must be a mapping; an empty YAML file is an
 * empty mapping. Every read keeps the parse budgets (size, nesting, aliases).
 */
import { parse as parseToml, TomlError, type TomlValue } from 'smol-toml';
import { isMap, isScalar, visit, type Document } from 'yaml';
import { parseCliJson } from '../cliJson';
import { unacceptableCharacterMessage, unacceptableYamlCharacter } from '../fileText/yamlCharacters';
import {
  isTooLargeText,
  MAX_NESTING_DEPTH,
  tooDeepMessage,
  tooLargeMessage,
} from '../parseLimits/parseLimits';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { findDuplicateKeys } from './duplicateKeys';
import type { PipelineProblem } from './model';
import { exactInteger, PythonFloat, pythonTypeName, type ParamMap, type ParamValue } from './paramValue';
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
  if (isTooLargeText(text)) return unreadable(file, tooLargeMessage(file, text.length));
  if (extension === '.toml') return readToml(file, text);
  return readYamlOrJson(file, text, extension === '.json');
}

function unreadable(file: string, message: string, range = startOfFile): ParamsFileContent {
  return { values: undefined, problems: [{ severity: 'error', message, file, range }] };
}

function readYamlOrJson(file: string, text: string, isJson: boolean): ParamsFileContent {
  const lines = new LineIndex(text);
  const format = isJson ? 'JSON' : 'YAML';
  if (isJson) {
    const invalid = jsonSyntaxError(text);
    if (invalid) {
      const range = invalid.offset === undefined ? startOfFile : lines.lineRange(invalid.offset);
      return unreadable(file, `'${file}' is not valid JSON: ${invalid.reason}`, range);
    }
  } else {
    const character = unacceptableYamlCharacter(text);
    if (character)
      return unreadable(
        file,
        unacceptableCharacterMessage(file, character.code),
        lines.lineRange(character.offset),
      );
  }
  // JSON is read with the YAML 1.2 parser (JSON is a subset of it) so that positions and the int/float
  // distinction come out the same way. Repeated keys: Python's json keeps the last one, YAML refuses them
  // (found in one pass: the yaml package's own check is quadratic in the keys of a mapping).
  const { doc, breach } = parseYamlWithinLimits(file, text, {
    merge: !isJson,
    uniqueKeys: false,
    prettyErrors: false,
    intAsBigInt: true,
  });
  if (breach) return unreadable(file, breach.message, lines.lineRange(breach.offset));
  const firstError = doc.errors[0];
  if (firstError)
    return unreadable(
      file,
      `'${file}' is not valid ${format}: ${firstLine(firstError.message)}`,
      lines.lineRange(firstError.pos[0]),
    );
  const repeated = isJson ? undefined : findDuplicateKeys(doc)[0];
  if (repeated)
    return unreadable(file, `'${file}' is not valid YAML: Map keys must be unique`, lines.rangeOf(repeated));
  if (isJson) readPythonJsonConstants(doc);
  const values = yamlToParamValue(doc.contents, doc, 'skip');
  if (values === null) return { values: new Map(), problems: [] };
  if (!isMap(doc.contents) || !(values instanceof Map))
    return unreadable(
      file,
      `'${file}' must hold a mapping of names to values, not a ${pythonTypeName(values)}`,
      lines.rangeOf(doc.contents),
    );
  return { values, problems: [] };
}

/**
 * In JSON every string is quoted, so an unquoted scalar the YAML parser kept as a string can only be one of
 * Python's float constants (the strict check let nothing else through).
 */
function readPythonJsonConstants(doc: Document): void {
  const constants: Readonly<Record<string, number>> = {
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
  };
  visit(doc, {
    Scalar: (_key, node) => {
      if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string') {
        const constant = constants[node.value];
        if (constant !== undefined) node.value = constant;
      }
    },
  });
}

function readToml(file: string, text: string): ParamsFileContent {
  try {
    // Integers as BigInt are how TOML's `1` and `1.0` stay apart (Python prints them differently), and how
    // integers above 2^53 stay exact.
    const table = parseToml(text, { integersAsBigInt: true, maxDepth: MAX_NESTING_DEPTH });
    return { values: tomlTable(table, 1), problems: [] };
  } catch (error: unknown) {
    if (error instanceof TooDeep) return unreadable(file, tooDeepMessage(file));
    const line = error instanceof TomlError ? Math.max(0, error.line - 1) : 0;
    const character = error instanceof TomlError ? Math.max(0, error.column - 1) : 0;
    const reason =
      error instanceof RangeError
        ? 'nested too deeply'
        : error instanceof Error
          ? firstLine(error.message)
          : String(error);
    const range = { startLine: line, startCharacter: character, endLine: line, endCharacter: character };
    return unreadable(file, `'${file}' is not valid TOML: ${reason}`, range);
  }
}

/** Dotted table headers (`[a.b.c]`) nest without the parser's inline-depth limit; the conversion counts. */
class TooDeep extends Error {}

function tomlTable(table: { readonly [key: string]: TomlValue }, depth: number): ParamMap {
  if (depth > MAX_NESTING_DEPTH) throw new TooDeep();
  const result = new Map<string, ParamValue>();
  for (const [key, value] of Object.entries(table)) result.set(key, tomlValue(value, depth + 1));
  return result;
}

function tomlValue(value: TomlValue, depth: number): ParamValue {
  if (typeof value === 'bigint') return exactInteger(value);
  if (typeof value === 'number') return new PythonFloat(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (depth > MAX_NESTING_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return value.map((item) => tomlValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && isPlainTable(value)) return tomlTable(value, depth);
  return String(value);
}

function isPlainTable(value: object): value is { readonly [key: string]: TomlValue } {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The YAML parser accepts more than JSON (`{"a": }`), so JSON is first checked by a strict parser: Python's
 * JSON (DVC loads params with `json.load`), which adds `NaN`, `Infinity` and `-Infinity` to the standard.
 */
function jsonSyntaxError(text: string): { readonly reason: string; readonly offset?: number } | undefined {
  try {
    parseCliJson(text);
    return undefined;
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = (error as { position?: unknown }).position;
    if (typeof offset === 'number') return { reason, offset };
    const position = /at position (\d+)/.exec(reason)?.[1];
    return position === undefined ? { reason } : { reason, offset: Number(position) };
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
