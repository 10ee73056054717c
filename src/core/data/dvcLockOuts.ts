/**
 * The outputs a dvc.lock records per stage (`stages.<name>.outs[]`: `path`, `md5` with a `.dir` suffix for
 * folders, `size`, `nfiles`), read in-process so that the Data view paints without DVC. Paths in a lock file
 * are relative to its folder; they are returned relative to the repository root.
 */
import { isMap, isSeq, LineCounter, type Node } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { folderOf, joinPath } from '../pipeline/pipelinePaths';

/** One output of one stage, as the last run (or `dvc commit`) recorded it. */
export interface DvcLockOut {
  /** Relative to the repository root, `/`-separated. */
  readonly path: string;
  readonly stage: string;
  readonly md5: string | undefined;
  readonly size: number | undefined;
  readonly nfiles: number | undefined;
  readonly isDirectory: boolean;
  /** 1-based line of the entry in the lock file. */
  readonly line: number;
}

export interface DvcLockOutsResult {
  readonly outs: readonly DvcLockOut[];
  /** YAML errors, with their 1-based lines; a lock file DVC wrote has none. */
  readonly problems: ReadonlyArray<{ readonly message: string; readonly line: number }>;
}

/** `lockFile` is the lock file's path relative to the repository root (`dvc.lock`, `sub/dvc.lock`). */
export function parseDvcLockOuts(text: string, lockFile = 'dvc.lock'): DvcLockOutsResult {
  const lineCounter = new LineCounter();
  const { doc, breach } = parseYamlWithinLimits(lockFile, text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const lineOf = (node: unknown): number => lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0).line;
  if (breach)
    return {
      outs: [],
      problems: [{ message: breach.message, line: lineCounter.linePos(breach.offset).line }],
    };
  if (doc.errors.length > 0)
    return {
      outs: [],
      problems: doc.errors.map((error) => ({
        message: error.message.split('\n')[0] ?? error.message,
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    };
  const root = doc.contents;
  const stages = isMap(root) ? root.get('stages', true) : undefined;
  if (!isMap(stages)) return { outs: [], problems: [] };
  const folder = folderOf(lockFile);
  const outs: DvcLockOut[] = [];
  for (const pair of stages.items) {
    const stage = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const stageNode = pair.value;
    const outsNode = isMap(stageNode) ? stageNode.get('outs', true) : undefined;
    if (!isSeq(outsNode)) continue;
    for (const item of outsNode.items) {
      if (!isMap(item)) continue;
      const path = item.get('path');
      if (typeof path !== 'string' || path.length === 0) continue;
      const md5 = item.get('md5');
      const size = item.get('size');
      const nfiles = item.get('nfiles');
      const hash = typeof md5 === 'string' ? md5 : undefined;
      outs.push({
        path: joinPath(folder, path),
        stage,
        md5: hash,
        size: wholeNumber(size),
        nfiles: wholeNumber(nfiles),
        isDirectory: hash?.endsWith('.dir') ?? nfiles !== undefined,
        line: lineOf(item),
      });
    }
  }
  return { outs, problems: [] };
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
