/** The dashboard's revision quick pick: commits and finished experiments from the experiments model. */
import * as vscode from 'vscode';
import { allRows, type ExperimentsModel } from '../core/experiments/experimentModel';
import { plotRevisions, revisionOfRow } from '../core/plots/plotRevisions';

export { revisionsOfRowIds } from '../core/plots/plotRevisions';

export async function pickPlotRevisions(
  model: ExperimentsModel | undefined,
  current: readonly string[],
  max: number,
): Promise<string[] | undefined> {
  const rows = model
    ? allRows(model).filter((row) => row.kind !== 'workspace' && row.state !== 'queued')
    : [];
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('DVC Lens: no commits or experiments to plot yet.');
    return undefined;
  }
  const items = rows.map((row) => {
    const rev = revisionOfRow(row);
    return {
      label: rev,
      description: row.kind === 'experiment' ? `experiment of ${row.baseline?.slice(0, 7) ?? '?'}` : row.kind,
      picked: current.includes(rev),
      rev,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: `Plot which revisions next to the workspace? (up to ${max})`,
  });
  if (!picked) return undefined;
  if (picked.length > max)
    void vscode.window.showInformationMessage(
      `DVC Lens: plotting the first ${max} revisions (setting dvcLens.plots.maxRevisions).`,
    );
  return plotRevisions(
    picked.map((item) => item.rev),
    max,
  );
}
