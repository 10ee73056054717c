/** Fixed sizes of the grid, in CSS pixels; the stylesheet uses the same numbers. */
export const rowHeight = 24;
export const groupRowHeight = 20;
export const columnRowHeight = 26;
export const headerHeight = groupRowHeight + columnRowHeight;

/** The element id of a rendered cell, for `aria-activedescendant`. */
export function cellId(row: number, column: number): string {
  return `cell-${row}-${column}`;
}

/** `params:params.yaml` reads as `params.yaml`; `deps` as `deps`. */
export function groupLabel(group: string): string {
  const colon = group.indexOf(':');
  return colon < 0 ? group : group.slice(colon + 1);
}
