/**
 * The workspace's metrics and params next to HEAD's, for the Metrics view: built from the experiments model
 * (`dvc exp show` already reads both the workspace and HEAD), so the view costs no DVC call of its own.
 * Each value carries its change against HEAD and, for metrics with a direction, whether that is good news.
 */
import type { ExperimentRow, ExperimentValue, ExperimentsModel } from '../experiments/experimentModel';
import { deltaOf, type DeltaTrend } from '../experimentsTable/tableDelta';
import { metricDirection } from '../experiments/metricDirection';

export type ValueKind = 'metrics' | 'params';

export interface WorkspaceValue {
  readonly key: string;
  /** Undefined when the workspace no longer has the key. */
  readonly value: ExperimentValue | undefined;
  /** Undefined when HEAD has no such key (new in the workspace) or no HEAD exists. */
  readonly head: ExperimentValue | undefined;
  /** Numbers only: workspace minus HEAD, relative to HEAD's magnitude (undefined when HEAD is 0). */
  readonly absolute: number | undefined;
  readonly relative: number | undefined;
  /** `better`/`worse` for metrics with a direction; `changed` otherwise; `same` when equal. */
  readonly trend: DeltaTrend;
}

export interface WorkspaceFile {
  readonly kind: ValueKind;
  readonly file: string;
  readonly values: readonly WorkspaceValue[];
  /** DVC's message when it could not read this file in the workspace. */
  readonly error: string | undefined;
}

export interface WorkspaceVsHead {
  /** HEAD's short label (branch or sha); undefined in a repository without commits. */
  readonly headLabel: string | undefined;
  readonly files: readonly WorkspaceFile[];
}

function sameValue(a: ExperimentValue | undefined, b: ExperimentValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareValue(
  kind: ValueKind,
  file: string,
  key: string,
  value: ExperimentValue | undefined,
  head: ExperimentValue | undefined,
  directions: Readonly<Record<string, unknown>>,
  hasHead: boolean,
): WorkspaceValue {
  // Without a commit there is nothing to compare with: every value is as it is.
  if (!hasHead)
    return { key, value, head: undefined, absolute: undefined, relative: undefined, trend: 'same' };
  const direction = kind === 'metrics' ? metricDirection(file, key, directions) : undefined;
  const delta =
    typeof value === 'number' && typeof head === 'number' ? deltaOf(value, head, direction) : undefined;
  if (delta)
    return { key, value, head, absolute: delta.absolute, relative: delta.relative, trend: delta.trend };
  return {
    key,
    value,
    head,
    absolute: undefined,
    relative: undefined,
    trend: sameValue(value, head) ? 'same' : 'changed',
  };
}

function filesOf(
  kind: ValueKind,
  workspace: ExperimentRow,
  head: ExperimentRow | undefined,
  directions: Readonly<Record<string, unknown>>,
): WorkspaceFile[] {
  const now = kind === 'metrics' ? workspace.metrics : workspace.params;
  const before = head ? (kind === 'metrics' ? head.metrics : head.params) : {};
  const names = [...new Set([...Object.keys(now), ...Object.keys(before)])];
  return names.map((file) => {
    const current = now[file] ?? {};
    const previous = before[file] ?? {};
    const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])];
    return {
      kind,
      file,
      values: keys.map((key) =>
        compareValue(
          kind,
          file,
          key,
          Object.hasOwn(current, key) ? current[key] : undefined,
          head && Object.hasOwn(previous, key) ? previous[key] : undefined,
          directions,
          head !== undefined,
        ),
      ),
      error: workspace.fileErrors[file],
    };
  });
}

/** Metrics files first (what a person checks before committing), then params files; DVC's order within. */
export function workspaceVsHead(
  model: ExperimentsModel,
  directions: Readonly<Record<string, unknown>> = {},
): WorkspaceVsHead | undefined {
  const workspace = model.workspace;
  if (!workspace) return undefined;
  const head = model.commits[0];
  return workspaceVsRow(workspace, head, head?.label, directions);
}

/**
 * The workspace against any commit's row (the baseline ref of the regression warning); `label` names it
 * (`headLabel` keeps its name for the HEAD case). No row: nothing to compare with, every value is `same`.
 */
export function workspaceVsRow(
  workspace: ExperimentRow,
  base: ExperimentRow | undefined,
  label: string | undefined,
  directions: Readonly<Record<string, unknown>> = {},
): WorkspaceVsHead {
  return {
    headLabel: label,
    files: [
      ...filesOf('metrics', workspace, base, directions),
      ...filesOf('params', workspace, base, directions),
    ],
  };
}

/** Only what differs from HEAD: the "changed only" filter of the view. */
export function changedOnly(comparison: WorkspaceVsHead): WorkspaceVsHead {
  return {
    ...comparison,
    files: comparison.files
      .map((file) => ({ ...file, values: file.values.filter((value) => value.trend !== 'same') }))
      .filter((file) => file.values.length > 0 || file.error !== undefined),
  };
}
