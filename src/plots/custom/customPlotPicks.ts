/** The quick picks of the custom plots commands: kind, columns, title, and which plot to edit or remove. */
import * as vscode from 'vscode';
import type { CustomPlotDefinition } from '../../core/plots/custom/customPlotDefinition';
import type { DraftRequest } from '../../core/plots/custom/customPlotDrafts';
import type { ColumnSource, ExperimentColumn } from '../../core/plots/custom/experimentColumns';

interface KindItem extends vscode.QuickPickItem {
  readonly plotKind: DraftRequest['kind'];
  /** Where x comes from for a scatter (y is always a metric). */
  readonly xSource?: ColumnSource;
}

const kindItems: readonly KindItem[] = [
  {
    label: 'Metric vs param',
    description: 'scatter: one point per experiment',
    plotKind: 'scatter',
    xSource: 'params',
  },
  {
    label: 'Metric vs metric',
    description: 'scatter: one point per experiment',
    plotKind: 'scatter',
    xSource: 'metrics',
  },
  {
    label: 'Parallel coordinates',
    description: 'one line per experiment across chosen params and metrics',
    plotKind: 'parallel',
  },
];

interface ColumnItem extends vscode.QuickPickItem {
  readonly column: ExperimentColumn;
}

function columnItem(column: ExperimentColumn, picked = false): ColumnItem {
  return { label: column.label, description: `${column.source} · ${column.file}`, picked, column };
}

export async function pickKind(): Promise<KindItem | undefined> {
  return vscode.window.showQuickPick(kindItems, { title: 'Add Custom Plot: which kind?' });
}

export async function pickColumn(
  columns: readonly ExperimentColumn[],
  title: string,
  current?: string,
): Promise<string | undefined> {
  const items = columns.map((column) => columnItem(column));
  const quickPick = vscode.window.createQuickPick<ColumnItem>();
  quickPick.title = title;
  quickPick.items = items;
  const active = items.find((item) => item.column.id === current);
  if (active) quickPick.activeItems = [active];
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.column.id);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** Several columns, in the order listed (params first); asks again while fewer than two are picked. */
export async function pickColumns(
  columns: readonly ExperimentColumn[],
  current: readonly string[] = [],
): Promise<string[] | undefined> {
  for (;;) {
    const picked = await vscode.window.showQuickPick(
      columns.map((column) => columnItem(column, current.includes(column.id))),
      { title: 'Parallel coordinates: which params and metrics (two or more)?', canPickMany: true },
    );
    if (!picked) return undefined;
    if (picked.length >= 2) return picked.map((item) => item.column.id);
    void vscode.window.showInformationMessage(
      'DVC Lens: pick at least two columns for parallel coordinates.',
    );
  }
}

export async function inputTitle(suggested: string): Promise<string | undefined> {
  return vscode.window.showInputBox({ title: 'Title of the custom plot', value: suggested });
}

export async function pickCustomPlot(
  plots: readonly CustomPlotDefinition[],
  title: string,
): Promise<CustomPlotDefinition | undefined> {
  const picked = await vscode.window.showQuickPick(
    plots.map((plot) => ({
      label: plot.title,
      description: plot.kind === 'scatter' ? 'scatter' : 'parallel coordinates',
      plot,
    })),
    { title },
  );
  return picked?.plot;
}

/** Columns offered for a scatter's x or y: one source, or all of them. */
export function columnsOf(
  columns: readonly ExperimentColumn[],
  source: ColumnSource | undefined,
): ExperimentColumn[] {
  return columns.filter((column) => source === undefined || column.source === source);
}
