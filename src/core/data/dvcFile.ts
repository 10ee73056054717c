/**
 * A `.dvc` file as `dvc add` writes it (DVC 3.67.1, test/fixtures/dvc-data-status/images.dvc):
 * `outs:` with one entry per tracked path, `md5` (a `.dir` suffix for directories), `size`, `nfiles` (directories
 * only), `hash: md5` and `path` relative to the `.dvc` file's folder. Read in-process so trees paint without DVC.
 */
import { isMap, isSeq, LineCounter, type Node } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';

/** One tracked output of a `.dvc` file. */
export interface DvcFileOut {
  /** Relative to the folder of the `.dvc` file. */
  readonly path: string;
  readonly md5: string | undefined;
  readonly size: number | undefined;
  /** Number of files, for a directory. */
  readonly nfiles: number | undefined;
  readonly isDirectory: boolean;
  /** 1-based line of the entry. */
  readonly line: number;
}

/** Something in the file that is not a valid `.dvc` file, with its 1-based line. */
export interface DvcFileProblem {
  readonly message: string;
  readonly line: number;
}

export interface DvcFile {
  readonly outs: readonly DvcFileOut[];
  readonly problems: readonly DvcFileProblem[];
}

export function parseDvcFile(text: string): DvcFile {
  const lineCounter = new LineCounter();
  const { doc, breach } = parseYamlWithinLimits('.dvc file', text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined): number => lineCounter.linePos(offset ?? 0).line;
  if (breach) return { outs: [], problems: [{ message: breach.message, line: lineOf(breach.offset) }] };
  const nodeLine = (node: unknown): number => lineOf((node as Node | null)?.range?.[0]);
  const problems: DvcFileProblem[] = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    line: lineOf(error.pos[0]),
  }));
  if (problems.length > 0) return { outs: [], problems };

  const root = doc.contents;
  if (!isMap(root)) return { outs: [], problems: [{ message: 'A .dvc file must be a mapping', line: 1 }] };
  const outsNode = root.get('outs', true);
  if (outsNode === undefined)
    return { outs: [], problems: [{ message: 'The file has no "outs" list', line: 1 }] };
  if (!isSeq(outsNode))
    return { outs: [], problems: [{ message: '"outs" must be a list', line: nodeLine(outsNode) }] };

  const outs: DvcFileOut[] = [];
  for (const item of outsNode.items) {
    const line = nodeLine(item);
    if (!isMap(item)) {
      problems.push({ message: 'Each entry of "outs" must be a mapping', line });
      continue;
    }
    const value = (key: string): unknown => item.get(key);
    const path = value('path');
    if (typeof path !== 'string' || path.length === 0) {
      problems.push({ message: 'An entry of "outs" has no "path"', line });
      continue;
    }
    const md5 = value('md5');
    const size = value('size');
    const nfiles = value('nfiles');
    if (md5 !== undefined && typeof md5 !== 'string')
      problems.push({ message: `"md5" of ${path} must be text`, line: nodeLine(item.get('md5', true)) });
    for (const [key, number] of [
      ['size', size],
      ['nfiles', nfiles],
    ] as const)
      if (number !== undefined && (typeof number !== 'number' || !Number.isInteger(number) || number < 0))
        problems.push({
          message: `"${key}" of ${path} must be a whole number`,
          line: nodeLine(item.get(key, true)),
        });
    const hash = typeof md5 === 'string' ? md5 : undefined;
    outs.push({
      path,
      md5: hash,
      size: typeof size === 'number' ? size : undefined,
      nfiles: typeof nfiles === 'number' ? nfiles : undefined,
      isDirectory: hash?.endsWith('.dir') ?? nfiles !== undefined,
      line,
    });
  }
  return { outs, problems };
}
