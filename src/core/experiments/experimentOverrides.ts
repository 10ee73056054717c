/**
 * Param overrides for `dvc exp run -S`, and grids of them. DVC parses each value as YAML (`0.1`, `true`,
 * `[64, 32]`), so values are passed on as the person typed them.
 */
import { parse as parseYaml } from 'yaml';
import type { ExperimentValue, ValuesByFile } from './experimentModel';

/** One `-S [file:]key=value`. */
export interface ParamOverride {
  /** The params file, relative to the repository root (`params.yaml` is DVC's default and gets no prefix). */
  readonly file: string;
  /** Dotted key, e.g. `train.learning_rate`. */
  readonly key: string;
  /** The value as DVC should read it (YAML). */
  readonly value: string;
}

/** Several values for one param: a grid queues one experiment per combination. */
export interface ParamSweep {
  readonly file: string;
  readonly key: string;
  readonly values: readonly string[];
}

const DEFAULT_PARAMS_FILE = 'params.yaml';

/**
 * The `-S` arguments, in order. An override that starts with `-` (a params file or key named so) is refused:
 * argparse would read it as an option, not as the value of `-S`.
 */
export function overrideArguments(overrides: readonly ParamOverride[]): string[] {
  return overrides.flatMap((override) => {
    const text = overrideText(override);
    if (text.startsWith('-'))
      throw new Error(`The override '${text}' starts with '-': DVC would read it as an option, not a param.`);
    return ['-S', text];
  });
}

export function overrideText(override: ParamOverride): string {
  const prefix = override.file === DEFAULT_PARAMS_FILE ? '' : `${override.file}:`;
  return `${prefix}${override.key}=${override.value}`;
}

/** Every combination of the sweeps' values (the cartesian product), first sweep varying slowest. */
export function expandGrid(sweeps: readonly ParamSweep[]): ParamOverride[][] {
  let combinations: ParamOverride[][] = [[]];
  for (const sweep of sweeps) {
    if (sweep.values.length === 0) continue;
    combinations = combinations.flatMap((combination) =>
      sweep.values.map((value) => [...combination, { file: sweep.file, key: sweep.key, value }]),
    );
  }
  return combinations.filter((combination) => combination.length > 0);
}

/** Names for a grid's experiments: the name alone for one, `name-1`, `name-2`… for several; none without a name. */
export function gridNames(name: string | undefined, count: number): Array<string | undefined> {
  if (!name) return Array.from({ length: count }, () => undefined);
  if (count === 1) return [name];
  return Array.from({ length: count }, (_, index) => `${name}-${index + 1}`);
}

/**
 * Splits `0.1, 0.2, [64, 32]` at the commas that separate values: commas inside brackets, braces or quotes
 * belong to a value. Empty pieces are dropped.
 */
export function splitValueList(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth++;
    else if ((char === ']' || char === '}') && depth > 0) depth--;
    else if (char === ',' && depth === 0) {
      values.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  values.push(current.trim());
  return values.filter((value) => value.length > 0);
}

/**
 * Why DVC would refuse this experiment name (it must be a valid git ref part), or undefined when it is fine.
 * Checked before DVC runs, so the person sees the reason in the input box.
 */
export function experimentNameProblem(name: string): string | undefined {
  if (name.length === 0) return undefined;
  if (/[\s~^:?*[\\]/.test(name) || name.includes('..') || name.includes('@{'))
    return 'A name cannot hold spaces or any of ~ ^ : ? * [ \\ .. @{ (it becomes a git ref).';
  if (name.startsWith('-') || name.startsWith('.') || name.endsWith('.') || name.endsWith('.lock'))
    return 'A name cannot start with - or . nor end with . or .lock.';
  if (name.includes('/')) return 'A name cannot hold /.';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f<>]/.test(name)) return 'A name cannot hold control characters, < or >.';
  return undefined;
}

/**
 * The text that `-S` must carry for DVC to read back exactly `value`: full precision (a view may round), and
 * strings quoted when YAML would read them as something else (`"1.0"`, `"true"`, `""`).
 */
export function overrideInputText(value: ExperimentValue): string {
  if (typeof value === 'string') {
    let read: unknown;
    try {
      read = parseYaml(value);
    } catch {
      read = undefined;
    }
    return read === value ? value : JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  return JSON.stringify(value);
}

/**
 * Overrides DVC would silently drop: DVC 3.67 rewrites a Python params file by replacing ` = <old value>` on
 * the param's line, and for a string the line holds quotes the old value lacks, so nothing changes and the
 * experiment runs with the old string. Returns `file:key` of each such override.
 */
export function ignoredPythonOverrides(overrides: readonly ParamOverride[], params: ValuesByFile): string[] {
  return overrides
    .filter((override) => override.file.endsWith('.py'))
    .filter((override) => typeof params[override.file]?.[override.key] === 'string')
    .map((override) => `${override.file}:${override.key}`);
}

/** A param the run quick pick offers: where it is, its value, and the text its input box starts from. */
export interface OverridableParam {
  readonly file: string;
  readonly key: string;
  readonly value: ExperimentValue;
  readonly inputText: string;
}

/** Every param of every params file DVC read (YAML, JSON, TOML or Python), in DVC's order. */
export function overridableParams(params: ValuesByFile): OverridableParam[] {
  return Object.entries(params).flatMap(([file, values]) =>
    Object.entries(values).map(([key, value]) => ({ file, key, value, inputText: overrideInputText(value) })),
  );
}
