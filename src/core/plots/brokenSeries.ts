/**
 * DVC reads a CSV/TSV series with Python's csv module, which takes every line after an unclosed quote into one
 * field: `dvc plots diff` then answers with fewer rows and no word of why. This finds the workspace series of a
 * plots model whose file has such a quote, so the dashboard shows an error card instead of a short chart.
 */
import { delimiterOf, readDelimited } from './delimitedRows';
import type { PlotsModel } from './plotModel';

/** A workspace file's text, or undefined when it is gone or too large to read in the host. */
export type SeriesTextReader = (relativePath: string) => Promise<string | undefined>;

/** Why each broken series file is broken, by the plot id (its path relative to the repository root). */
export async function brokenSeriesFiles(
  model: PlotsModel,
  readText: SeriesTextReader,
  skip: (relativePath: string) => boolean = () => false,
): Promise<ReadonlyMap<string, string>> {
  const broken = new Map<string, string>();
  for (const plot of model.plots) {
    const delimiter = delimiterOf(plot.id);
    if (delimiter === undefined || skip(plot.id)) continue;
    const text = await readText(plot.id);
    if (text === undefined) continue;
    const read = readDelimited(text, delimiter);
    if ('error' in read) broken.set(plot.id, read.error);
  }
  return broken;
}
