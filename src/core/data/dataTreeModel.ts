/**
 * The Data view as plain rows: tracked paths (with size and status), problems in `.dvc`/dvc.lock files, a
 * failed status read, and the entries of an expanded folder. The VS Code layer only turns rows into items.
 * Ids come from (repository, path), so expansion survives refreshes.
 */
import { describeSize } from './dataSize';
import {
  DATA_STATES,
  describeDataStates,
  explainDataStates,
  primaryDataState,
  type DataState,
} from './dataState';
import type { DataStatusIndex } from './dataStatusIndex';
import type { ListingEntry } from './directoryListing';
import type { TrackedData, TrackedOut } from './trackedData';

/** Context values the menus of package.json match. */
export type DataContextValue = 'dataTracked' | 'dataTrackedDir' | 'dataFile' | 'dataFolder' | 'dataError';

interface RowLook {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly codicon: string;
  /** Theme colour of the icon (the status colour), if any. */
  readonly colorId: string | undefined;
}

export type DataTreeRow =
  | (RowLook & {
      readonly kind: 'tracked';
      readonly contextValue: 'dataTracked' | 'dataTrackedDir';
      readonly path: string;
      readonly isDirectory: boolean;
      readonly states: readonly DataState[] | undefined;
      readonly out: TrackedOut;
    })
  | (RowLook & {
      readonly kind: 'entry';
      readonly contextValue: 'dataFile' | 'dataFolder';
      readonly path: string;
      readonly isDirectory: boolean;
      readonly onDisk: boolean;
      readonly states: readonly DataState[] | undefined;
    })
  | (RowLook & {
      readonly kind: 'problem';
      readonly contextValue: 'dataError';
      readonly file: string;
      readonly line: number;
    })
  | (RowLook & { readonly kind: 'statusError'; readonly contextValue: 'dataError' })
  | (RowLook & { readonly kind: 'more'; readonly contextValue: undefined });

export interface DataTreeInput {
  /** Distinguishes repositories in ids (the root URI string). */
  readonly rootId: string;
  readonly data: TrackedData;
  /** The last successful `dvc data status`, if any. */
  readonly status: DataStatusIndex | undefined;
  /** Why the last `dvc data status` failed (DVC's sentence), until one succeeds. */
  readonly statusError: string | undefined;
}

/** The rows of one repository: the status error first, then file problems, then the tracked paths. */
export function buildDataTreeRows(input: DataTreeInput): DataTreeRow[] {
  const rows: DataTreeRow[] = [];
  if (input.statusError !== undefined)
    rows.push({
      kind: 'statusError',
      id: `dataStatusError:${input.rootId}`,
      label: 'dvc data status failed',
      description: input.statusError,
      tooltip: `${input.statusError}\n\nThe tracked paths below keep their last known status. Click to show the log.`,
      codicon: 'error',
      colorId: 'errorForeground',
      contextValue: 'dataError',
    });
  for (const problem of input.data.problems)
    rows.push({
      kind: 'problem',
      id: `dataProblem:${input.rootId}:${problem.file}:${problem.line}:${problem.message}`,
      label: problem.file,
      description: problem.message,
      tooltip: `${problem.file}, line ${problem.line}: ${problem.message}\n\nDVC cannot read this file. Click to open it.`,
      codicon: 'error',
      colorId: 'errorForeground',
      file: problem.file,
      line: problem.line,
      contextValue: 'dataError',
    });
  for (const out of input.data.outs) rows.push(trackedRow(input.rootId, out, input.status));
  return rows;
}

function trackedRow(rootId: string, out: TrackedOut, status: DataStatusIndex | undefined): DataTreeRow {
  const states = status?.statesOf(out.path);
  // A successful status that does not mention a pipeline output: `cache: false`, so git keeps it, not DVC.
  const uncached = status !== undefined && states === undefined;
  const look = uncached
    ? {
        text: 'not cached (git)',
        explanation: 'DVC does not cache this output (cache: false): git tracks it.',
        colorId: undefined,
      }
    : stateLook(states);
  const size = describeSize(out.size, out.nfiles);
  const recordedBy =
    out.source.kind === 'dvcFile'
      ? `Tracked by ${out.source.file}`
      : `Output of stage ${out.source.stage} (${out.source.file})`;
  return {
    kind: 'tracked',
    id: dataRowId(rootId, out.path),
    label: out.path,
    description: [size, look.text].filter((part) => part !== '').join(' · '),
    tooltip: [out.path, recordedBy, size === '' ? '' : `Recorded size: ${size}`, look.explanation]
      .filter((part) => part !== '')
      .join('\n'),
    codicon: out.isDirectory ? 'folder' : 'file',
    colorId: look.colorId,
    contextValue: out.isDirectory ? 'dataTrackedDir' : 'dataTracked',
    path: out.path,
    isDirectory: out.isDirectory,
    states,
    out,
  };
}

/** A row for one entry of an expanded tracked folder. */
export function entryRow(
  rootId: string,
  folder: string,
  entry: ListingEntry,
  status: DataStatusIndex | undefined,
): DataTreeRow {
  const path = `${folder}/${entry.name}`;
  const states = status?.statesOf(path);
  const look = stateLook(states);
  return {
    kind: 'entry',
    id: dataRowId(rootId, path),
    label: entry.name,
    description: look.text,
    tooltip: [path, entry.onDisk ? '' : 'Not in the workspace.', look.explanation]
      .filter((part) => part !== '')
      .join('\n'),
    codicon: entry.isDirectory ? 'folder' : 'file',
    colorId: look.colorId,
    contextValue: entry.isDirectory ? 'dataFolder' : 'dataFile',
    path,
    isDirectory: entry.isDirectory,
    onDisk: entry.onDisk,
    states,
  };
}

/** "… 9,000 more" at the end of a capped folder. */
export function moreRow(rootId: string, folder: string, more: number): DataTreeRow {
  return {
    kind: 'more',
    id: `dataMore:${rootId}:${folder}`,
    label: `… ${more.toLocaleString('en-US')} more`,
    description: '',
    tooltip: `${folder} holds ${more.toLocaleString('en-US')} more entries than the view shows; open the folder in the Explorer to see them all.`,
    codicon: 'ellipsis',
    colorId: undefined,
    contextValue: undefined,
  };
}

export function dataRowId(rootId: string, path: string): string {
  return `data:${rootId}:${path}`;
}

function stateLook(states: readonly DataState[] | undefined): {
  text: string;
  explanation: string;
  colorId: string | undefined;
} {
  if (!states) return { text: '', explanation: '', colorId: undefined };
  const shown = states.filter((state) => state !== 'unchanged');
  return {
    text: describeDataStates(shown),
    explanation: explainDataStates(states),
    colorId: DATA_STATES[primaryDataState(states)].colorId,
  };
}
