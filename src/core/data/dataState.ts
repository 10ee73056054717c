/**
 * What one tracked path's status means to a person: a primary state (the one to act on first), a badge
 * letter, a theme colour id and sentences for tooltips. Shared by the Data view and Explorer decorations.
 */
import type { DataPathStatus } from './dataStatus';

/** The states, most urgent first: the first that applies is the one shown. */
export type DataState =
  'deleted' | 'modified' | 'new' | 'notInCache' | 'recorded' | 'notInRemote' | 'unchanged';

/** How a state is shown; `colorId` is a VS Code theme colour id. */
export interface DataStatePresentation {
  readonly state: DataState;
  /** Lower case, for descriptions: "modified", "not in cache". */
  readonly label: string;
  /** One letter for Explorer badges; empty for unchanged (nothing to point at). */
  readonly badge: string;
  readonly colorId: string | undefined;
  /** A sentence saying what it means and what to do. */
  readonly meaning: string;
}

export const DATA_STATES: Readonly<Record<DataState, DataStatePresentation>> = {
  deleted: {
    state: 'deleted',
    label: 'deleted',
    badge: 'D',
    colorId: 'gitDecoration.deletedResourceForeground',
    meaning: 'Deleted from the workspace; DVC still records it (Check Out restores it).',
  },
  modified: {
    state: 'modified',
    label: 'modified',
    badge: 'M',
    colorId: 'gitDecoration.modifiedResourceForeground',
    meaning:
      'Modified: differs from the version DVC records (Commit to Cache records it, Check Out discards it).',
  },
  new: {
    state: 'new',
    label: 'new',
    badge: 'A',
    colorId: 'gitDecoration.addedResourceForeground',
    meaning: 'New: not yet recorded by DVC (Commit to Cache records it).',
  },
  notInCache: {
    state: 'notInCache',
    label: 'not in cache',
    badge: 'C',
    colorId: 'list.warningForeground',
    meaning: 'Not in the local DVC cache: pull or fetch it from a remote.',
  },
  recorded: {
    state: 'recorded',
    label: 'not committed to git',
    badge: 'S',
    colorId: 'gitDecoration.stageModifiedResourceForeground',
    meaning:
      'Recorded by DVC, but the .dvc or dvc.lock change is not committed to git yet (Commit Data Changes).',
  },
  notInRemote: {
    state: 'notInRemote',
    label: 'not in remote',
    badge: 'R',
    colorId: 'gitDecoration.untrackedResourceForeground',
    meaning: 'Not in the default remote: push it to share it.',
  },
  unchanged: {
    state: 'unchanged',
    label: 'unchanged',
    badge: '',
    colorId: undefined,
    meaning: 'Tracked by DVC and unchanged.',
  },
};

/** Every state that applies to one path, most urgent first (`unchanged` only when nothing else does). */
export function dataStatesOf(status: DataPathStatus): DataState[] {
  const states: DataState[] = [];
  if (status.uncommitted === 'deleted') states.push('deleted');
  if (status.uncommitted === 'modified') states.push('modified');
  if (status.uncommitted === 'new') states.push('new');
  if (status.notInCache) states.push('notInCache');
  if (status.committed !== undefined) states.push('recorded');
  if (status.notInRemote) states.push('notInRemote');
  if (states.length === 0) states.push('unchanged');
  return states;
}

/** The state to show for a path: the most urgent of its states. */
export function primaryDataState(states: readonly DataState[]): DataState {
  const order = Object.keys(DATA_STATES) as DataState[];
  return order.find((state) => states.includes(state)) ?? 'unchanged';
}

/** "modified · not in cache" */
export function describeDataStates(states: readonly DataState[]): string {
  return states.map((state) => DATA_STATES[state].label).join(' · ');
}

/** One line per state, for tooltips. */
export function explainDataStates(states: readonly DataState[]): string {
  return states.map((state) => DATA_STATES[state].meaning).join('\n');
}

/** True when the workspace has changes DVC has not recorded (a checkout would overwrite them). */
export function hasUncommittedChange(states: readonly DataState[]): boolean {
  return states.some((state) => state === 'modified' || state === 'new' || state === 'deleted');
}
