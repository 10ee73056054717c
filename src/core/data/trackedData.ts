/**
 * Everything DVC tracks in one repository, from files alone: the outs of every `.dvc` file and the outputs
 * every dvc.lock records. The Data view and the commands start from this list; DVC's status is laid over it.
 */
import { folderOf, joinPath } from '../pipeline/pipelinePaths';
import type { DvcFile } from './dvcFile';
import type { DvcLockOutsResult } from './dvcLockOuts';

/** Where DVC records a tracked path. */
export type TrackedSource =
  | { readonly kind: 'dvcFile'; readonly file: string; readonly line: number }
  | { readonly kind: 'pipeline'; readonly file: string; readonly stage: string; readonly line: number };

/** One path DVC tracks, relative to the repository root. */
export interface TrackedOut {
  readonly path: string;
  readonly isDirectory: boolean;
  readonly size: number | undefined;
  readonly nfiles: number | undefined;
  readonly source: TrackedSource;
}

/** A `.dvc` or dvc.lock file that could not be read as one, at a 1-based line. */
export interface TrackedDataProblem {
  readonly file: string;
  readonly message: string;
  readonly line: number;
}

export interface TrackedData {
  /** Sorted by path; a path recorded twice is listed once (the `.dvc` file wins, as DVC would complain). */
  readonly outs: readonly TrackedOut[];
  readonly problems: readonly TrackedDataProblem[];
}

export interface ParsedDvcFile {
  /** Relative to the repository root. */
  readonly file: string;
  readonly parsed: DvcFile;
}

export interface ParsedLockFile {
  readonly file: string;
  readonly parsed: DvcLockOutsResult;
}

export function collectTrackedData(
  dvcFiles: readonly ParsedDvcFile[],
  lockFiles: readonly ParsedLockFile[],
): TrackedData {
  const byPath = new Map<string, TrackedOut>();
  const problems: TrackedDataProblem[] = [];
  for (const { file, parsed } of [...dvcFiles].sort(byFile)) {
    for (const problem of parsed.problems) problems.push({ file, ...problem });
    for (const out of parsed.outs) {
      const path = joinPath(folderOf(file), out.path);
      if (byPath.has(path)) continue;
      byPath.set(path, {
        path,
        isDirectory: out.isDirectory,
        size: out.size,
        nfiles: out.nfiles,
        source: { kind: 'dvcFile', file, line: out.line },
      });
    }
  }
  for (const { file, parsed } of [...lockFiles].sort(byFile)) {
    for (const problem of parsed.problems) problems.push({ file, ...problem });
    for (const out of parsed.outs) {
      if (byPath.has(out.path)) continue;
      byPath.set(out.path, {
        path: out.path,
        isDirectory: out.isDirectory,
        size: out.size,
        nfiles: out.nfiles,
        source: { kind: 'pipeline', file, stage: out.stage, line: out.line },
      });
    }
  }
  const outs = [...byPath.values()].sort((a, b) => compareText(a.path, b.path));
  return { outs, problems };
}

/** The tracked out that `path` is, or lies inside; `undefined` when DVC does not track it. */
export function trackedOutOf(outs: readonly TrackedOut[], path: string): TrackedOut | undefined {
  return outs.find((out) => out.path === path || (out.isDirectory && path.startsWith(`${out.path}/`)));
}

/** "data/raw.csv.dvc" or "stage prepare in dvc.lock". */
export function describeSource(source: TrackedSource): string {
  return source.kind === 'dvcFile' ? source.file : `stage ${source.stage} in ${source.file}`;
}

function byFile(a: { file: string }, b: { file: string }): number {
  return compareText(a.file, b.file);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
