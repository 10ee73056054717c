/**
 * Virtualization: from scroll offsets and viewport size, the slice of rows and columns to render. Only that
 * slice (plus a little overscan, so fast scrolling does not show gaps) is in the DOM.
 */

export interface IndexRange {
  /** First index to render. */
  readonly first: number;
  /** One past the last index to render. */
  readonly end: number;
}

/** Rows of a fixed height. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 4,
): IndexRange {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, end: 0 };
  // A scroll offset past the end (a table that just shrank) still shows the last rows.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, rowCount * rowHeight - viewportHeight));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(rowCount, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, end), end };
}

/** Start offsets of columns of the given widths, with the total width as the last entry. */
export function columnOffsets(widths: readonly number[]): number[] {
  const offsets = new Array<number>(widths.length + 1);
  offsets[0] = 0;
  for (let index = 0; index < widths.length; index++) offsets[index + 1] = offsets[index]! + widths[index]!;
  return offsets;
}

/** The last index whose offset is <= x (binary search over the offsets). */
function columnAt(offsets: readonly number[], x: number): number {
  let low = 0;
  let high = offsets.length - 2;
  if (high < 0) return 0;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= x) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Scrolling columns of variable width. `scrollLeft` is the scroll container's; `pinnedWidth` is the width
 * of the columns stuck on the left, which cover the first part of the viewport.
 */
export function columnWindow(
  offsets: readonly number[],
  scrollLeft: number,
  viewportWidth: number,
  pinnedWidth: number,
  overscan = 2,
): IndexRange {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  const left = Math.max(0, scrollLeft);
  const right = left + Math.max(0, viewportWidth - pinnedWidth);
  const first = Math.max(0, columnAt(offsets, left) - overscan);
  // A column starting exactly at the right edge is not in view.
  const end = Math.min(count, columnAt(offsets, Math.max(left, right - 0.001)) + 1 + overscan);
  return { first, end };
}
