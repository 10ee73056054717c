/**
 * The rows the grid shows, in order: the tree of workspace, commits and experiments flattened, siblings
 * sorted, filtered (a parent stays when a child matches, so nesting still reads), collapsed parents folded.
 */
import type { TableRow, TableRowState } from '../protocols/experimentsTableProtocol';
import type { ColumnCells } from './tableValues';
import { rowMatches, type TableFilter } from './tableFilter';
import { sortRowIndexes, type ResolvedSortKey } from './tableSort';

/** One visible row: `index` into the snapshot's rows. */
export interface FlatRow {
  readonly index: number;
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** False for a parent kept only because a child matched the filters. */
  readonly matched: boolean;
}

export interface RowQuery {
  readonly filters: readonly TableFilter[];
  readonly states: readonly TableRowState[];
  readonly sort: readonly ResolvedSortKey[];
  readonly collapsed: ReadonlySet<string>;
  /** Only starred rows match (their parents stay, as for any filter). */
  readonly starredOnly?: boolean;
}

/** Children by parent index; top level under -1. A parent id the snapshot lacks makes the row top level. */
function childrenOf(rows: readonly TableRow[]): Map<number, number[]> {
  const indexById = new Map<string, number>();
  rows.forEach((row, index) => indexById.set(row.id, index));
  const children = new Map<number, number[]>();
  rows.forEach((row, index) => {
    const parent = row.parentId === undefined ? -1 : (indexById.get(row.parentId) ?? -1);
    const list = children.get(parent === index ? -1 : parent);
    if (list) list.push(index);
    else children.set(parent === index ? -1 : parent, [index]);
  });
  return children;
}

export function flattenRows(rows: readonly TableRow[], cells: ColumnCells, query: RowQuery): FlatRow[] {
  const children = childrenOf(rows);
  const filtering = query.filters.length > 0 || query.states.length > 0 || query.starredOnly === true;
  const matched = rows.map(
    (row, index) =>
      (query.starredOnly !== true || row.starred === true) &&
      (filtering ? rowMatches(row, index, cells, query.filters, query.states) : true),
  );
  // Post-order: a row is kept when it matches or keeps a descendant. Depth is small (commit > experiment),
  // but an explicit stack keeps hostile parent chains from overflowing the call stack.
  const kept = new Array<boolean>(rows.length).fill(false);
  const visited = new Array<boolean>(rows.length).fill(false);
  const stack: { index: number; expanded: boolean }[] = (children.get(-1) ?? []).map((index) => ({
    index,
    expanded: false,
  }));
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (!top.expanded) {
      top.expanded = true;
      if (visited[top.index]) {
        stack.pop();
        continue;
      }
      visited[top.index] = true;
      for (const child of children.get(top.index) ?? []) stack.push({ index: child, expanded: false });
      continue;
    }
    stack.pop();
    kept[top.index] =
      matched[top.index] === true || (children.get(top.index) ?? []).some((child) => kept[child]);
  }

  const output: FlatRow[] = [];
  const emit = (parent: number, depth: number): void => {
    const siblings = (children.get(parent) ?? []).filter((index) => kept[index]);
    const ordered = sortRowIndexes(siblings, cells, query.sort);
    if (parent === -1) {
      // The workspace reads best on top whatever the sort.
      const workspace = ordered.findIndex((index) => rows[index]?.kind === 'workspace');
      if (workspace > 0) ordered.unshift(...ordered.splice(workspace, 1));
    }
    for (const index of ordered) {
      const row = rows[index]!;
      const hasChildren = (children.get(index) ?? []).some((child) => kept[child]);
      const expanded = hasChildren && !query.collapsed.has(row.id);
      output.push({ index, depth, hasChildren, expanded, matched: matched[index] === true });
      if (expanded && depth < 16) emit(index, depth + 1);
    }
  };
  emit(-1, 0);
  return output;
}
