/**
 * `dvc data status` answers, looked up by path: the tracked paths DVC lists, the files it lists inside
 * tracked folders, and (aggregated) the sub-folders in between, which DVC does not list itself.
 */
import type { DataStatus } from './dataStatus';
import { dataStatesOf, hasUncommittedChange, type DataState } from './dataState';

/** A path DVC knows that differs from what it records (for checkout confirmations). */
export interface ChangedDataPath {
  readonly path: string;
  readonly states: readonly DataState[];
}

export class DataStatusIndex {
  private readonly exact = new Map<string, readonly DataState[]>();
  private readonly folders = new Map<string, Set<DataState>>();
  private readonly directories = new Set<string>();
  private readonly children = new Map<string, Map<string, boolean>>();

  constructor(readonly status: DataStatus) {
    for (const entry of status.entries) {
      this.exact.set(entry.path, dataStatesOf(entry));
      if (entry.isDirectory) this.directories.add(entry.path);
    }
    for (const entry of status.entries) this.indexInsideTrackedFolder(entry.path, entry.isDirectory);
  }

  /** The states of a path, or `undefined` when DVC said nothing about it. */
  statesOf(path: string): readonly DataState[] | undefined {
    const exact = this.exact.get(path);
    if (exact) return exact;
    const folder = this.folders.get(path);
    if (!folder) return undefined;
    const states = [...folder].filter((state) => state !== 'unchanged');
    return states.length > 0 ? sortStates(states) : ['unchanged'];
  }

  /** Paths at or under `path` with changes DVC has not recorded, sorted. */
  uncommittedAtOrUnder(path: string): ChangedDataPath[] {
    const prefix = path === '' ? '' : `${path}/`;
    const changed: ChangedDataPath[] = [];
    for (const entry of this.status.entries) {
      if (entry.path !== path && !entry.path.startsWith(prefix)) continue;
      const states = this.exact.get(entry.path) ?? [];
      if (hasUncommittedChange(states)) changed.push({ path: entry.path, states });
    }
    return changed;
  }

  /** Direct children of a folder inside a tracked folder that DVC lists (deleted ones included). */
  childrenOf(folder: string): ReadonlyMap<string, boolean> {
    return this.children.get(folder) ?? new Map();
  }

  /** Sub-folders of tracked folders get the union of what is inside them; names are kept per folder. */
  private indexInsideTrackedFolder(path: string, isDirectory: boolean): void {
    const ancestors: string[] = [];
    let current = path;
    let trackedFolder: string | undefined;
    for (let slash = current.lastIndexOf('/'); slash > 0; slash = current.lastIndexOf('/')) {
      current = current.slice(0, slash);
      if (this.directories.has(current)) {
        trackedFolder = current;
        break;
      }
      ancestors.push(current);
    }
    if (trackedFolder === undefined) return;
    const states = this.exact.get(path) ?? [];
    for (const folder of ancestors) {
      const set = this.folders.get(folder) ?? new Set<DataState>();
      for (const state of states) set.add(state);
      this.folders.set(folder, set);
    }
    // Each step from the tracked folder down to the path is a child of the step above it.
    const chain = [trackedFolder, ...ancestors.reverse(), path];
    for (let index = 1; index < chain.length; index++) {
      const parent = chain[index - 1] ?? '';
      const child = chain[index] ?? '';
      const names = this.children.get(parent) ?? new Map<string, boolean>();
      names.set(child.slice(parent.length + 1), index < chain.length - 1 || isDirectory);
      this.children.set(parent, names);
    }
  }
}

function sortStates(states: DataState[]): DataState[] {
  const order: DataState[] = ['deleted', 'modified', 'new', 'notInCache', 'recorded', 'notInRemote'];
  return states.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
