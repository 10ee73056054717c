/**
 * Custom plots: definitions per repository in the workspace's memento, one host per repository feeding its
 * dashboard's "Custom" section from the experiments store, and the add / edit / remove commands.
 */
import { defineSlice } from '../../repository/repositorySlice';
import * as vscode from 'vscode';
import type { CustomPlotDefinition } from '../../core/plots/custom/customPlotDefinition';
import { CustomPlotRecords } from '../../core/plots/custom/customPlotsPersistence';
import type { DataFeatureDependencies } from '../../data';
import type { ExperimentsStore } from '../../experiments';
import { errorText } from '../../ui/messages';
import { plotsCommandIds } from '../plotsCommandIds';
import { customPlotsCommands } from './customPlotsCommands';
import { CustomPlotsHost } from './customPlotsHost';

/** What the plots feature (and the suite) reads of custom plots. */
export interface CustomPlotFeatures {
  /** The host of a repository (root URI string): its dashboard's Custom section and the page's reports. */
  hostFor(root: string): CustomPlotsHost;
  /** The saved definitions of a repository. */
  definitions(root: string): CustomPlotDefinition[];
}

export function registerCustomPlots(
  deps: Pick<DataFeatureDependencies, 'disposables' | 'context' | 'repositories' | 'log' | 'commands'>,
  experiments: ExperimentsStore,
): CustomPlotFeatures {
  const { context, log } = deps;
  const records = new CustomPlotRecords(context.workspaceState);
  const run = (id: string, argument: object): void => {
    void vscode.commands.executeCommand(id, argument).then(undefined, (error: unknown) => {
      log.append(`Custom plots: ${errorText(error)}`);
      void vscode.window.showErrorMessage(errorText(error));
    });
  };

  // One host per repository, kept (and disposed) by the hub.
  const hostSlice = defineSlice(
    'customPlots',
    (repository) =>
      new CustomPlotsHost(repository.root.toString(), records, experiments, {
        add: (at) => run(plotsCommandIds.addCustomPlot, { root: at }),
        edit: (at, id) => run(plotsCommandIds.editCustomPlot, { root: at, id }),
        remove: (at, id) => run(plotsCommandIds.removeCustomPlot, { root: at, id }),
      }),
  );
  const hostFor = (root: string): CustomPlotsHost => {
    const repository = deps.repositories.repositoryAt(root);
    if (!repository) throw new Error(`DVC Lens: ${root} is not a DVC repository of this workspace`);
    return repository.slice(hostSlice);
  };

  const actions = customPlotsCommands({
    repositories: deps.repositories,
    experiments,
    records,
    log,
    changed: (root) => deps.repositories.repositoryAt(root)?.slice(hostSlice).definitionsChanged(),
    showDashboard: (root) => run(plotsCommandIds.showPlots, { root }),
  });
  deps.commands.register(plotsCommandIds.addCustomPlot, actions.add);
  deps.commands.register(plotsCommandIds.editCustomPlot, actions.edit);
  deps.commands.register(plotsCommandIds.removeCustomPlot, actions.remove);
  return { hostFor, definitions: (root) => records.list(root) };
}
