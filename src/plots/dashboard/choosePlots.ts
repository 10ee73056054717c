/**
 * Choose Plots: a quick pick of every plot of the dashboard, the shown ones ticked. What is unticked is
 * hidden; the order stays the page's (drag a card, or Alt+Up/Down on it).
 */
import * as vscode from 'vscode';

interface PlotChoice extends vscode.QuickPickItem {
  readonly id: string;
}

/** The new list of hidden plot ids, or undefined when the pick was closed. */
export async function choosePlots(
  plots: readonly { readonly id: string; readonly title: string }[],
  hidden: readonly string[],
): Promise<string[] | undefined> {
  if (plots.length === 0) {
    void vscode.window.showInformationMessage('DVC Lens: the dashboard has no plots to choose from yet.');
    return undefined;
  }
  const items: PlotChoice[] = plots.map((plot) => ({
    id: plot.id,
    label: plot.title,
    description: plot.title === plot.id ? undefined : plot.id,
    picked: !hidden.includes(plot.id),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Choose Plots: the ticked plots show on the dashboard',
    placeHolder: 'Untick a plot to hide it (drag a card, or Alt+Up/Down on it, to reorder)',
  });
  if (!picked) return undefined;
  const shown = new Set(picked.map((item) => item.id));
  // Hidden plots the dashboard does not have now (another revision set) stay hidden.
  const known = new Set(plots.map((plot) => plot.id));
  return [
    ...hidden.filter((id) => !known.has(id)),
    ...plots.filter((plot) => !shown.has(plot.id)).map((plot) => plot.id),
  ];
}
