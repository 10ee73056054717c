/** Row selection as in a file list: click selects one, Ctrl/Cmd toggles, Shift extends from the anchor. */

export interface RowSelection {
  readonly selected: ReadonlySet<string>;
  readonly anchor?: string;
}

export function selectRow(
  current: RowSelection,
  visibleOrder: readonly string[],
  id: string,
  modifiers: { readonly range: boolean; readonly toggle: boolean },
): RowSelection {
  if (modifiers.range && current.anchor !== undefined) {
    const from = visibleOrder.indexOf(current.anchor);
    const to = visibleOrder.indexOf(id);
    if (from >= 0 && to >= 0) {
      const range = visibleOrder.slice(Math.min(from, to), Math.max(from, to) + 1);
      const selected = new Set(modifiers.toggle ? current.selected : []);
      for (const rowId of range) selected.add(rowId);
      return { selected, anchor: current.anchor };
    }
  }
  if (modifiers.toggle) {
    const selected = new Set(current.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id };
  }
  return { selected: new Set([id]), anchor: id };
}

/** Keeps only ids still shown (after a new snapshot or a filter change). */
export function pruneSelection(current: RowSelection, existing: ReadonlySet<string>): RowSelection {
  const selected = new Set([...current.selected].filter((id) => existing.has(id)));
  const anchor = current.anchor !== undefined && existing.has(current.anchor) ? current.anchor : undefined;
  return anchor === undefined ? { selected } : { selected, anchor };
}
