/**
 * Custom plots: definitions per repository in the workspace's memento, one host per repository feeding its
 * dashboard's "Custom" section from the experiments store, and the add / edit / remove commands.
 */
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
  const { disposables, context, log } = deps;
  const records = new CustomPlotRecords(context.workspaceState);
  const hosts = new Map<string, CustomPlotsHost>();
  disposables.register({
    dispose: () => {
      for (const host of hosts.values()) host.dispose();
      hosts.clear();
    },
  });

  const run = (id: string, argument: object): void => {
    void vscode.commands.executeCommand(id, argument).then(undefined, (error: unknown) => {
      log.append(`Custom plots: ${errorText(error)}`);
      void vscode.window.showErrorMessage(errorText(error));
    });
  };

  const hostFor = (root: string): CustomPlotsHost => {
    let host = hosts.get(root);
    if (!host) {
      host = new CustomPlotsHost(root, records, experiments, {
        add: (at) => run(plotsCommandIds.addCustomPlot, { root: at }),
        edit: (at, id) => run(plotsCommandIds.editCustomPlot, { root: at, id }),
        remove: (at, id) => run(plotsCommandIds.removeCustomPlot, { root: at, id }),
      });
      hosts.set(root, host);
    }
    return host;
  };

  const actions = customPlotsCommands({
    repositories: deps.repositories,
    experiments,
    records,
    log,
    changed: (root) => hostFor(root).definitionsChanged(),
    showDashboard: (root) => run(plotsCommandIds.showPlots, { root }),
  });
  deps.commands.register(plotsCommandIds.addCustomPlot, actions.add);
  deps.commands.register(plotsCommandIds.editCustomPlot, actions.edit);
  deps.commands.register(plotsCommandIds.removeCustomPlot, actions.remove);
  return { hostFor, definitions: (root) => records.list(root) };
}
