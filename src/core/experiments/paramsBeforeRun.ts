/**
 * `dvc exp run -S` writes the overrides into the params files before the stage runs, and DVC rewrites the
 * whole file (YAML comments and formatting go). When the run then fails or is stopped, the person is left
 * with params files they did not write. DVC Lens keeps the files' bytes before it starts and, after a run that
 * did not finish, says which files DVC changed and offers to put the kept bytes back (issue 13 item 5).
 */
import type { ParamOverride } from './experimentOverrides';

/** One params file's bytes at one moment; `undefined` when the file did not exist. */
export interface FileBytes {
  /** Relative to the repository root, as in the override (`params.yaml`, `conf/train.yaml`). */
  readonly path: string;
  readonly bytes: Uint8Array | undefined;
}

/** How the run ended without finishing. */
export type UnfinishedRun = 'failed' | 'cancelled';

/** The params files the overrides write into: each once, in the overrides' order. */
export function paramsFilesOf(overrides: readonly ParamOverride[]): string[] {
  return [...new Set(overrides.map((override) => override.file))];
}

/** The kept files whose bytes are not the same now (a file that appeared or went away counts as changed). */
export function filesChangedSince(kept: readonly FileBytes[], now: readonly FileBytes[]): string[] {
  const current = new Map(now.map((file) => [file.path, file.bytes]));
  return kept.filter((file) => !sameBytes(file.bytes, current.get(file.path))).map((file) => file.path);
}

/** Only files that existed before the run can be restored: DVC Lens never deletes a file on someone's behalf. */
export function restorableFiles(kept: readonly FileBytes[], changed: readonly string[]): FileBytes[] {
  return kept.filter((file) => file.bytes !== undefined && changed.includes(file.path));
}

export interface ParamsChangedWording {
  /** One sentence: "params.yaml was changed by DVC before it failed." */
  readonly sentence: string;
  /** The button: "Restore params.yaml". */
  readonly action: string;
}

/** What the error says about the changed files, and the button that restores them. */
export function paramsChangedWording(files: readonly string[], ending: UnfinishedRun): ParamsChangedWording {
  const named = namedList(files);
  const verb = files.length === 1 ? 'was' : 'were';
  const when = ending === 'failed' ? 'before it failed' : 'before the run was stopped';
  const action = files.length <= 2 ? `Restore ${named}` : `Restore ${files.length} params files`;
  return { sentence: `${named} ${verb} changed by DVC ${when}.`, action };
}

function namedList(files: readonly string[]): string {
  if (files.length <= 1) return files[0] ?? '';
  return `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  return a.every((byte, index) => byte === b[index]);
}

/**
 * The notification: the command's failure (its first two lines; the terminal has the rest), then which params
 * files DVC left changed. Three lines at most, as every notification.
 */
export function paramsChangedMessage(failure: string, wording: ParamsChangedWording): string {
  const lines = failure.split(/\r?\n/).filter((line) => line.trim().length > 0);
  return [...lines.slice(0, 2), wording.sentence].join('\n');
}
