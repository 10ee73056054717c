/**
 * DVC's changes as Source Control groups: what `dvc data status` says, sorted by what a person does about it
 * (commit to the cache, check out, pull, commit the metadata to git, push). One path may sit in several
 * groups (a file can be modified and missing from the cache). A folder is listed only where none of its
 * files is listed in the same group: the files say more.
 */
import type { DataStatus } from './dataStatus';
import { dataStatesOf, type DataState } from './dataState';
import { trackedOutOf, type TrackedOut } from './trackedData';

/** The groups, in the order Source Control shows them. */
export type DataChangeGroupId = 'modified' | 'untracked' | 'notInCache' | 'notCommitted' | 'notInRemote';

/** One path in a group. */
export interface DataChangeResource {
  /** Relative to the repository root, `/`-separated. */
  readonly path: string;
  readonly isDirectory: boolean;
  /** Every state of the path, most urgent first. */
  readonly states: readonly DataState[];
  /** The tracked path DVC acts on for it (the folder DVC tracks when `path` is a file inside it). */
  readonly target: string;
}

export interface DataChangeGroup {
  readonly id: DataChangeGroupId;
  readonly label: string;
  readonly resources: readonly DataChangeResource[];
}

const GROUP_LABELS: Readonly<Record<DataChangeGroupId, string>> = {
  modified: 'Modified (not in the cache yet)',
  untracked: 'Untracked (new, not recorded by DVC)',
  notInCache: 'Not in Cache',
  notCommitted: 'Not Committed to Git',
  notInRemote: 'Not in Remote',
};

const GROUP_OF_STATE: Readonly<Partial<Record<DataState, DataChangeGroupId>>> = {
  modified: 'modified',
  deleted: 'modified',
  new: 'untracked',
  notInCache: 'notInCache',
  recorded: 'notCommitted',
  notInRemote: 'notInRemote',
};

export const DATA_CHANGE_GROUP_IDS: readonly DataChangeGroupId[] = [
  'modified',
  'untracked',
  'notInCache',
  'notCommitted',
  'notInRemote',
];

/** Every group, empty ones included (Source Control hides those itself when asked to). */
export function dataChangeGroups(status: DataStatus, outs: readonly TrackedOut[]): DataChangeGroup[] {
  const members = new Map<DataChangeGroupId, DataChangeResource[]>(
    DATA_CHANGE_GROUP_IDS.map((id) => [id, []]),
  );
  for (const entry of status.entries) {
    const states = dataStatesOf(entry);
    const resource: DataChangeResource = {
      path: entry.path,
      isDirectory: entry.isDirectory,
      states,
      target: trackedOutOf(outs, entry.path)?.path ?? entry.path,
    };
    const groups = new Set(states.flatMap((state) => GROUP_OF_STATE[state] ?? []));
    for (const group of groups) members.get(group)?.push(resource);
  }
  return DATA_CHANGE_GROUP_IDS.map((id) => ({
    id,
    label: GROUP_LABELS[id],
    resources: withoutCoveredFolders(members.get(id) ?? []),
  }));
}

/** The distinct tracked paths DVC should act on for some resources, in order. */
export function dataChangeTargets(resources: readonly DataChangeResource[]): string[] {
  return [...new Set(resources.map((resource) => resource.target))];
}

function withoutCoveredFolders(resources: readonly DataChangeResource[]): DataChangeResource[] {
  return resources.filter(
    (resource) =>
      !resource.isDirectory ||
      !resources.some((other) => other !== resource && other.path.startsWith(`${resource.path}/`)),
  );
}
