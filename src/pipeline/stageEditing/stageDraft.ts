/**
 * A stage before DVC writes it: what the Add Stage flow collects, and the checks we can make before running
 * `dvc stage add` (so a typo is refused at the input box instead of as a DVC error afterwards).
 */
import { posix } from 'node:path';
import type { StageDefinition } from '../../repository/processes';

/** What the Add Stage flow (or a caller of `dvcLens.addStage`) hands to `dvc stage add`. */
export interface StageDraft {
  readonly name: string;
  readonly command: string;
  readonly deps: readonly string[];
  readonly outs: readonly string[];
  /** `key` (in the default params.yaml) or `file.yaml:key`. */
  readonly params: readonly string[];
  readonly metrics: readonly string[];
  readonly plots: readonly string[];
}

/**
 * DVC 3.67.1 refuses every ASCII punctuation character in a stage name except `-` and `_` ("Stage name cannot
 * contain punctuation characters"): `/`, `:`, `@`, `.`, `,`, `#`… Letters of any script and spaces pass.
 */
const forbiddenNameCharacters = /[!"#$%&'()*+,./:;<=>?@[\\\]^`{|}~]/;

/** Why the name cannot be used, or undefined when it can. `existingNames`: the stages of the target dvc.yaml. */
export function validateStageName(name: string, existingNames: Iterable<string>): string | undefined {
  if (name.trim() === '') return 'A stage needs a name.';
  if (name.trim() !== name) return 'A stage name cannot start or end with a space.';
  // `dvc stage add -n -x` fails: argparse reads a value that starts with '-' as the next option.
  if (name.startsWith('-')) return "A stage name cannot start with '-': DVC would read it as an option.";
  const forbidden = forbiddenNameCharacters.exec(name);
  if (forbidden)
    return `DVC does not accept '${forbidden[0]}' in a stage name: use letters, digits, '-' or '_'.`;
  for (const existing of existingNames)
    if (existing === name) return `dvc.yaml already has a stage named '${name}'.`;
  return undefined;
}

/**
 * Why the command cannot be used, or undefined. A command starting with `-` cannot reach dvc.yaml as written:
 * DVC reads it as one of its own options (`--help` prints help and writes nothing), and after `--` DVC 3.67.1
 * stores the `--` into `cmd`. No shell runs a program named so anyway.
 */
export function validateCommand(command: string): string | undefined {
  if (command.trim() === '') return 'A stage needs a command to run.';
  if (command.trim().startsWith('-'))
    return "A stage command cannot start with '-': DVC would read it as one of its own options.";
  return undefined;
}

/** Why the path cannot be a dependency or output, or undefined: relative, and inside the repository. */
export function validatePath(path: string): string | undefined {
  if (path.trim() === '') return 'The path is empty.';
  if (path.includes('\0')) return `'${path}' contains a NUL character.`;
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.startsWith('~'))
    return `'${path}' is absolute: give the path relative to the repository folder.`;
  const normalized = posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../'))
    return `'${path}' is outside the repository: a stage can only use paths inside it.`;
  if (normalized === '.' || normalized === './') return `'${path}' is the repository folder itself.`;
  return undefined;
}

/** Why the params entry cannot be used, or undefined: `key` or `file:key`. */
export function validateParam(param: string): string | undefined {
  const separator = param.lastIndexOf(':');
  const file = separator < 0 ? undefined : param.slice(0, separator);
  const key = separator < 0 ? param : param.slice(separator + 1);
  if (key.trim() === '') return `'${param}' names no params key.`;
  if (file !== undefined) return validatePath(file);
  return undefined;
}

/** The first problem of a whole draft (what a caller that skips the prompts gets), or undefined. */
export function validateDraft(draft: StageDraft, existingNames: Iterable<string>): string | undefined {
  const pathProblem = [...draft.deps, ...draft.outs, ...draft.metrics, ...draft.plots]
    .map(validatePath)
    .find((problem) => problem !== undefined);
  return (
    validateStageName(draft.name, existingNames) ??
    validateCommand(draft.command) ??
    pathProblem ??
    draft.params.map(validateParam).find((problem) => problem !== undefined)
  );
}

/** "a, b ,c" → ["a", "b", "c"]: the free-text list fields of the flow. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * The draft as `DvcCli.stageAdd` takes it. Keys of one params file are joined into one `file:k1,k2` argument
 * (DVC's own syntax), keys without a file stay as they are (DVC reads them from params.yaml).
 */
export function stageAddArguments(draft: StageDraft): StageDefinition {
  const keysByFile = new Map<string, string[]>();
  const plainKeys: string[] = [];
  for (const param of draft.params) {
    const separator = param.lastIndexOf(':');
    if (separator < 0) {
      plainKeys.push(param.trim());
      continue;
    }
    const file = param.slice(0, separator).trim();
    const keys = keysByFile.get(file) ?? [];
    keys.push(param.slice(separator + 1).trim());
    keysByFile.set(file, keys);
  }
  const params = [
    ...(plainKeys.length > 0 ? [plainKeys.join(',')] : []),
    ...[...keysByFile].map(([file, keys]) => `${file}:${keys.join(',')}`),
  ];
  return {
    name: draft.name,
    command: draft.command.trim(),
    deps: draft.deps,
    outs: draft.outs,
    params,
    metrics: draft.metrics,
    plots: draft.plots,
  };
}

/**
 * Words of a stage command that could be a file of the repository, in order: `python3 src/train.py --x a.csv`
 * → `src/train.py`, `a.csv`. Flags and shell operators are skipped, quotes removed, `--opt=path` split.
 */
export function commandPathCandidates(command: string): string[] {
  const words = command.match(/"[^"]*"|'[^']*'|[^\s]+/g) ?? [];
  const candidates: string[] = [];
  for (const raw of words) {
    let word = raw.replace(/^["']|["']$/g, '');
    if (word.startsWith('-')) {
      const equals = word.indexOf('=');
      if (equals < 0) continue;
      word = word.slice(equals + 1);
    }
    if (word === '' || /^[|&;<>()]+$/.test(word) || word.includes('$')) continue;
    if (validatePath(word) !== undefined) continue;
    candidates.push(word);
  }
  return candidates;
}
