/**
 * The plots feature: `DVC Lens: Show Plots` opens one dashboard per repository (workspace + selected
 * revisions), fed by `dvc plots diff` and refreshed live while a dashboard is open; `dvcLens.exportPlot`
 * writes a plot of an open dashboard to a file.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { plotRevisions } from '../core/plots/plotRevisions';
import type { DataFeatureDependencies } from '../data';
import type { ExperimentsStore } from '../experiments';
import type { Repository } from '../repository/repository';
import { isTrusted, restrictedModeMessage } from '../trust/workspaceTrust';
import { errorText } from '../ui/messages';
import { pickRepository } from '../ui/pickRepository';
import { registerCustomPlots, type CustomPlotFeatures } from './custom/registerCustomPlots';
import { PlotsDashboard } from './dashboard/plotsDashboard';
import { exportPlotArgument, showPlotsArgument, type ShowPlotsArgument } from './plotsArguments';
import { plotsCommandIds } from './plotsCommandIds';
import { PlotsService } from './plotsService';
import { plotsMaxRevisions } from './plotsSettings';
import { plotsSlice } from './plotsSlice';
import { watchPlotSources } from './plotsWatcher';
import { pickPlotRevisions, revisionsOfRowIds } from './revisionPick';

export { plotsCommandIds } from './plotsCommandIds';

/** What the extension-host suite reads of the plots feature. */
export interface PlotFeatures {
  /** The open dashboards, one per repository. */
  dashboards(): readonly PlotsDashboard[];
  /** The open dashboard of a repository (root URI string), if any. */
  dashboardFor(root: string): PlotsDashboard | undefined;
  /** Custom plots: definitions and what each dashboard's Custom section drew. */
  readonly custom: CustomPlotFeatures;
}

export function registerPlotFeatures(
  deps: DataFeatureDependencies,
  experiments: ExperimentsStore,
): PlotFeatures {
  const { disposables, context, repositories, log } = deps;
  /** The open dashboards: each repository's plots slice holds its own. */
  const dashboards = (): PlotsDashboard[] =>
    repositories.repositories.flatMap((repository) => repository.existingSlice(plotsSlice)?.dashboard ?? []);
  const dashboardFor = (root: string): PlotsDashboard | undefined =>
    repositories.repositoryAt(root)?.existingSlice(plotsSlice)?.dashboard;
  disposables.register({
    dispose: () => {
      for (const dashboard of dashboards()) dashboard.panel.dispose();
    },
  });
  const storage = context.storageUri ?? context.globalStorageUri;
  const custom = registerCustomPlots(deps, experiments);

  const imagesFolderOf = (repository: Repository): vscode.Uri => {
    const key = createHash('sha256').update(repository.root.toString()).digest('hex').slice(0, 16);
    return vscode.Uri.joinPath(storage, 'plots-images', key);
  };

  const serviceFor = (repository: Repository): PlotsService | undefined => {
    const cli = repository.dvcIfReady;
    return cli ? new PlotsService(cli, imagesFolderOf(repository).fsPath) : undefined;
  };

  const dashboardOf = (repository: Repository, revisions: readonly string[]): PlotsDashboard => {
    const key = repository.root.toString();
    const dashboard = new PlotsDashboard(
      {
        extensionUri: context.extensionUri,
        workspaceState: context.workspaceState,
        root: repository.root,
        title: repositories.repositories.length > 1 ? `Plots: ${repository.workspaceFolder.name}` : 'Plots',
        service: () => serviceFor(repository),
        imagesFolder: imagesFolderOf(repository),
        maxRevisions: plotsMaxRevisions,
        pickRevisions: (current) =>
          pickPlotRevisions(experiments.get(key)?.model, current, plotsMaxRevisions()),
        log: (line) => log.append(line),
        custom: custom.hostFor(key),
      },
      revisions,
    );
    const customAttachment = custom.hostFor(key).attach(dashboard.panel);
    const watcher = watchPlotSources(
      repository,
      () => {
        if (dashboard.panel.visible) void dashboard.refreshLive();
      },
      undefined,
      undefined,
      (relative) => {
        if (dashboard.panel.visible) void dashboard.updateFromFile(relative);
      },
    );
    repository.slice(plotsSlice).open(dashboard, [watcher, customAttachment]);
    return dashboard;
  };

  const showPlots = async (value: unknown): Promise<void> => {
    if (!isTrusted()) return void vscode.window.showWarningMessage(restrictedModeMessage);
    const argument: ShowPlotsArgument = showPlotsArgument(value);
    await repositories.whenLoaded();
    const candidates = repositories.repositories.filter((repository) => repository.isDvcRepository);
    const given = candidates.find((repository) => repository.root.toString() === argument.root);
    const repository = given ?? (await pickRepository(candidates, 'Show the plots of which repository?'));
    if (!repository) {
      if (candidates.length === 0)
        void vscode.window.showInformationMessage('DVC Lens: open a DVC repository first.');
      return;
    }
    const key = repository.root.toString();
    const asked = [
      ...(argument.revisions ?? []),
      ...revisionsOfRowIds(experiments.get(key)?.model, argument.rowIds ?? []),
    ];
    const revisions = plotRevisions(asked, plotsMaxRevisions());
    const existing = dashboardFor(key);
    if (existing) {
      existing.panel.reveal();
      if (argument.revisions || argument.rowIds) await existing.setRevisions(revisions);
      return;
    }
    await dashboardOf(repository, revisions).refresh();
  };

  const exportPlot = async (value: unknown): Promise<void> => {
    if (!isTrusted()) return void vscode.window.showWarningMessage(restrictedModeMessage);
    const argument = exportPlotArgument(value);
    if (!argument) throw new Error('dvcLens.exportPlot needs { id, format: svg | png | csv | json, path? }.');
    const dashboard = argument.root ? dashboardFor(argument.root) : dashboards()[0];
    if (!dashboard) throw new Error('Open the plots dashboard first (DVC Lens: Show Plots).');
    try {
      await dashboard.exportPlot(argument.id, argument.format, argument.path);
    } catch (error: unknown) {
      log.append(`Plots: ${errorText(error)}`);
      throw error;
    }
  };

  disposables.register(vscode.commands.registerCommand(plotsCommandIds.showPlots, showPlots));
  disposables.register(vscode.commands.registerCommand(plotsCommandIds.exportPlot, exportPlot));
  return {
    dashboards,
    dashboardFor,
    custom,
  };
}
