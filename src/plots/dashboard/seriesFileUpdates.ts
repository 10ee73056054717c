/**
 * The dashboard's live fast path: when a CSV/TSV series of the workspace changes (a training step), read the
 * file and put its rows into the plot DVC drew last (src/core/plots/workspaceRows.ts), so the chart grows at
 * once instead of after the next `dvc plots diff`. That diff still follows; where it started before a file
 * was read, the file's rows are put into its answer again, so a chart never steps back to older data.
 */
import * as vscode from 'vscode';
import { brokenSeriesFiles } from '../../core/plots/brokenSeries';
import { delimiterOf, readDelimited, type DelimitedTable } from '../../core/plots/delimitedRows';
import { MAX_IN_HOST_FILE_BYTES } from '../../core/parseLimits/parseLimits';
import type { PlotsModel } from '../../core/plots/plotModel';
import { withFileError, withFileRows } from '../../core/plots/workspaceRows';

interface FileRead {
  /** The file's rows, or why the file is broken (shown as an error until the file changes again). */
  readonly table: DelimitedTable | { readonly error: string };
  /** Date.now() when the file was read. */
  readonly at: number;
}

export class SeriesFileUpdates {
  private readonly reads = new Map<string, FileRead>();
  private applied = 0;

  constructor(private readonly root: vscode.Uri) {}

  /** How many times a file's rows updated a chart before DVC answered (tests read it). */
  get count(): number {
    return this.applied;
  }

  /**
   * Reads the changed file; the model with its plot updated, or undefined when nothing applies (no such
   * plot, a shape only DVC knows, a file that does not parse or is gone).
   */
  async update(model: PlotsModel, relative: string): Promise<PlotsModel | undefined> {
    const delimiter = delimiterOf(relative);
    if (delimiter === undefined || !model.plots.some((plot) => plot.id === relative)) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.root, relative)),
      );
    } catch {
      return undefined;
    }
    const read = readDelimited(text, delimiter);
    if ('unusable' in read) return undefined;
    const table = 'table' in read ? read.table : { error: read.error };
    // The file was fixed: its earlier error no longer stands, whether or not its rows fit the chart DVC drew.
    const previous = this.reads.get(relative);
    if ('table' in read && previous && 'error' in previous.table) this.reads.delete(relative);
    const updated = this.apply(model, relative, table);
    if (!updated) return undefined;
    this.reads.set(relative, { table, at: Date.now() });
    this.applied += 1;
    return updated;
  }

  /**
   * DVC's answer with each workspace CSV/TSV series that has an unclosed quote turned into an error card: DVC
   * answers for such a file with the rows before the quote only. Files this class read already are skipped.
   */
  async withBrokenFilesShown(model: PlotsModel): Promise<PlotsModel> {
    const broken = await brokenSeriesFiles(
      model,
      (relative) => this.readSmallText(relative),
      (relative) => this.reads.has(relative),
    );
    let result = model;
    for (const [relative, error] of broken) {
      this.reads.set(relative, { table: { error }, at: Date.now() });
      result = this.apply(result, relative, { error }) ?? result;
    }
    return result;
  }

  private async readSmallText(relative: string): Promise<string | undefined> {
    const uri = vscode.Uri.joinPath(this.root, relative);
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_IN_HOST_FILE_BYTES) return undefined;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /** DVC's answer to a diff started at `startedAt`, with the file reads made since put in again. */
  newerThan(model: PlotsModel, startedAt: number): PlotsModel {
    let result = model;
    for (const [relative, read] of this.reads) {
      // A broken file stays an error: DVC's csv reader would quietly swallow the rows after the bad quote.
      if (read.at < startedAt && !('error' in read.table)) {
        this.reads.delete(relative);
        continue;
      }
      result = this.apply(result, relative, read.table) ?? result;
    }
    return result;
  }

  /** The model with the last read of one file put in (unchanged where it does not apply). */
  withRead(model: PlotsModel, relative: string): PlotsModel {
    const read = this.reads.get(relative);
    return (read && this.apply(model, relative, read.table)) ?? model;
  }

  private apply(model: PlotsModel, relative: string, table: FileRead['table']): PlotsModel | undefined {
    let changed = false;
    const plots = model.plots.map((plot) => {
      if (plot.id !== relative) return plot;
      if ('error' in table) {
        changed = true;
        return withFileError(plot, `'${relative}': ${table.error}`);
      }
      if (plot.kind !== 'template') return plot;
      const updated = withFileRows(plot, table);
      if (!updated) return plot;
      changed = true;
      return updated;
    });
    return changed ? { ...model, plots } : undefined;
  }
}
