/**
 * Writes an exported plot to a file: the path a command was given (tests, scripts), else the one the person
 * picks in a save dialog. SVG, CSV and JSON are text; PNG arrives as base64.
 */
import * as vscode from 'vscode';
import { plotRows, rowsToCsv, rowsToJson } from '../../core/plots/plotData';
import type { Plot } from '../../core/plots/plotModel';
import type { ExportFormat } from '../../core/protocols/plotsProtocol';

const filters: Record<ExportFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  csv: { CSV: ['csv'] },
  json: { JSON: ['json'] },
};

/** A file name from the plot id: `plots/training_loss.csv` → `training_loss.svg`. */
export function exportFileName(id: string, format: ExportFormat): string {
  const base = id.split(/[\\/]/).pop() ?? 'plot';
  const stem = base.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'plot';
  return `${stem}.${format}`;
}

/** The data rows of a template plot as CSV or JSON text (every row, also when the page shows fewer). */
export function exportedData(plot: Plot, format: 'csv' | 'json'): string | undefined {
  if (plot.kind !== 'template') return undefined;
  const rows = plotRows(plot.spec);
  return format === 'csv' ? rowsToCsv(rows) : rowsToJson(rows);
}

/** Where to write: `path` when given, else a save dialog next to the repository. Undefined: cancelled. */
export async function exportTarget(
  root: vscode.Uri,
  id: string,
  format: ExportFormat,
  path: string | undefined,
): Promise<vscode.Uri | undefined> {
  if (path) return vscode.Uri.file(path);
  return vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(root, exportFileName(id, format)),
    filters: filters[format],
    title: `Export ${id} as ${format.toUpperCase()}`,
  });
}

export async function writeExport(target: vscode.Uri, format: ExportFormat, content: string): Promise<void> {
  const bytes = format === 'png' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
}
