/**
 * Which plots the dashboard shows and in what order, as a person chose (kept per workspace in the plots UI
 * state). Plots named in the saved order come first, in that order; plots it does not name (new ones) follow
 * in DVC's order; hidden plots are left out. Ids the workspace no longer has are kept: a plot that comes back
 * takes its place again.
 */

/** The plots to show, ordered, and those hidden. */
export interface ArrangedPlots<T> {
  readonly shown: readonly T[];
  readonly hidden: readonly T[];
}

export function arrangePlots<T extends { readonly id: string }>(
  plots: readonly T[],
  order: readonly string[] = [],
  hidden: readonly string[] = [],
): ArrangedPlots<T> {
  const rank = new Map(order.map((id, index) => [id, index]));
  const ordered = plots
    .map((plot, index) => ({ plot, index }))
    .sort((a, b) => {
      const rankA = rank.get(a.plot.id);
      const rankB = rank.get(b.plot.id);
      if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
      if (rankA !== undefined) return -1;
      if (rankB !== undefined) return 1;
      return a.index - b.index;
    })
    .map(({ plot }) => plot);
  const hiddenIds = new Set(hidden);
  return {
    shown: ordered.filter((plot) => !hiddenIds.has(plot.id)),
    hidden: ordered.filter((plot) => hiddenIds.has(plot.id)),
  };
}

/**
 * The saved order after moving `id` among the plots shown (`shownIds`, in their current order) to `index`
 * (clamped). Ids of the saved order that are not shown keep their relative place after the shown ones.
 */
export function movePlot(
  shownIds: readonly string[],
  id: string,
  index: number,
  order: readonly string[] = [],
): string[] {
  const from = shownIds.indexOf(id);
  if (from < 0) return [...order];
  const moved = shownIds.filter((candidate) => candidate !== id);
  moved.splice(Math.max(0, Math.min(index, moved.length)), 0, id);
  const rest = order.filter((candidate) => !shownIds.includes(candidate));
  return [...moved, ...rest];
}

/** The saved order after moving `id` one place up (-1) or down (+1) among the plots shown. */
export function stepPlot(
  shownIds: readonly string[],
  id: string,
  step: -1 | 1,
  order: readonly string[] = [],
): string[] {
  const from = shownIds.indexOf(id);
  return from < 0 ? [...order] : movePlot(shownIds, id, from + step, order);
}
