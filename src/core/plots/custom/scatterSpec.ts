/**
 * The Vega-Lite spec of a custom scatter plot: one filled point per entry in its legend colour (the neutral
 * colour for revisions outside the legend), a tooltip with the experiment's name and both values. Axes do not
 * start at zero: params and metrics often sit in a narrow range far from it.
 */
import type { CustomPlotCard } from './customPlotData';

export function scatterSpec(card: CustomPlotCard, neutralColour: string): Record<string, unknown> {
  const [x, y] = card.axes;
  const xTitle = x?.label ?? 'x';
  const yTitle = y?.label ?? 'y';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 320,
    height: 220,
    data: {
      values: card.entries.map((entry) => ({
        experiment: entry.label,
        rev: entry.rev,
        x: entry.values[0],
        y: entry.values[1],
        colour: entry.colour ?? neutralColour,
      })),
    },
    mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: { zero: false, nice: true } },
      y: { field: 'y', type: 'quantitative', title: yTitle, scale: { zero: false, nice: true } },
      // The colours are ours already: no scale, no Vega legend (the dashboard's legend is the one).
      color: { field: 'colour', type: 'nominal', scale: null, legend: null },
      tooltip: [
        { field: 'experiment', type: 'nominal', title: 'experiment' },
        { field: 'x', type: 'quantitative', title: xTitle },
        { field: 'y', type: 'quantitative', title: yTitle },
      ],
    },
  };
}
