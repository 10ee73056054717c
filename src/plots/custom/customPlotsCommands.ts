/**
 * `dvcLens.addCustomPlot`, `dvcLens.editCustomPlot`, `dvcLens.removeCustomPlot`: quick picks over the
 * experiments model's params and metrics, or an argument object that says it all (tests, keybindings).
 * Nothing here runs a process; only when the experiments were never read does the store read them (its
 * own `dvc exp show`, shared with the Experiments view), behind a progress notification.
 */
import * as vscode from 'vscode';
import type { CustomPlotDefinition } from '../../core/plots/custom/customPlotDefinition';
import { draftOf, withDraft, type DraftRequest } from '../../core/plots/custom/customPlotDrafts';
import { defaultTitle, type CustomPlotRecords } from '../../core/plots/custom/customPlotsPersistence';
import {
  columnLabel,
  experimentColumns,
  type ExperimentColumn,
} from '../../core/plots/custom/experimentColumns';
import type { ExperimentsStore } from '../../experiments';
import type { OutputLog } from '../../log/outputLog';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { pickRepository } from '../../ui/pickRepository';
import { withCancellableProgress } from '../../ui/progress';
import { customPlotArgument, describesPlot, type CustomPlotArgument } from './customPlotArguments';
import { columnsOf, inputTitle, pickColumn, pickColumns, pickCustomPlot, pickKind } from './customPlotPicks';

/** How long a command waits for the experiments store's first read before offering what it has. */
const MODEL_WAIT_MS = 120_000;

export interface CustomPlotsCommandDeps {
  readonly repositories: WorkspaceRepositories;
  readonly experiments: ExperimentsStore;
  readonly records: CustomPlotRecords;
  readonly log: OutputLog;
  /** The definitions of a repository changed: its dashboard redraws. */
  readonly changed: (root: string) => void;
  /** Shows the repository's dashboard (opens it, or reveals the open one). */
  readonly showDashboard: (root: string) => void;
}

export interface CustomPlotsCommandHandlers {
  readonly add: (value: unknown) => Promise<string | undefined>;
  readonly edit: (value: unknown) => Promise<void>;
  readonly remove: (value: unknown) => Promise<void>;
}

export function customPlotsCommands(deps: CustomPlotsCommandDeps): CustomPlotsCommandHandlers {
  const { records, log } = deps;

  const repositoryOf = async (
    argument: CustomPlotArgument,
    title: string,
  ): Promise<Repository | undefined> => {
    await deps.repositories.whenLoaded();
    const candidates = deps.repositories.repositories.filter((repository) => repository.isDvcRepository);
    const given = candidates.find((repository) => repository.root.toString() === argument.root);
    if (argument.root && !given) throw new Error(`No DVC repository at ${argument.root}.`);
    const repository = given ?? (await pickRepository(candidates, title));
    if (!repository && candidates.length === 0)
      void vscode.window.showInformationMessage('DVC Lens: open a DVC repository first.');
    return repository;
  };

  /**
   * The params and metrics offered. When the store has no model yet, waits for its read in flight, or asks it
   * for one (never a second read beside a running one: that would cancel it); bounded, and cancellable.
   */
  const columnsFor = async (root: string): Promise<ExperimentColumn[]> => {
    const state = (): ReturnType<ExperimentsStore['get']> => deps.experiments.get(root);
    if (!state()?.model && deps.repositories.repositoryOf(vscode.Uri.parse(root))?.isTrusted)
      await withCancellableProgress(
        'DVC Lens: reading the experiments',
        (signal) =>
          new Promise<void>((resolve) => {
            const finish = (): void => {
              subscription.dispose();
              clearTimeout(timer);
              resolve();
            };
            const settle = (): void => {
              const current = state();
              if (!current || current.model || !current.refreshing) finish();
            };
            const subscription = deps.experiments.onDidChange(settle);
            const timer = setTimeout(finish, MODEL_WAIT_MS);
            signal.addEventListener('abort', finish);
            if (state()?.refreshing) return;
            void deps.experiments.load(root).then(settle);
          }),
      );
    return experimentColumns(state()?.model);
  };

  const askScatter = async (
    columns: readonly ExperimentColumn[],
    xSource: 'params' | 'metrics' | undefined,
    current?: { x: string; y: string },
  ): Promise<DraftRequest | undefined> => {
    const xColumns = columnsOf(columns, xSource);
    const yColumns = columnsOf(columns, current ? undefined : 'metrics');
    if (xColumns.length === 0 || yColumns.length < (xSource === 'metrics' ? 2 : 1)) {
      void vscode.window.showInformationMessage(
        `DVC Lens: the experiments have no ${xColumns.length === 0 ? (xSource ?? 'param') : 'metric'} with numbers to plot yet.`,
      );
      return undefined;
    }
    const x = await pickColumn(xColumns, `Custom plot: x axis${xSource ? ` (${xSource})` : ''}`, current?.x);
    if (!x) return undefined;
    const y = await pickColumn(
      yColumns.filter((column) => column.id !== x),
      `Custom plot: y axis${current ? '' : ' (metric)'}`,
      current?.y,
    );
    if (!y) return undefined;
    return { kind: 'scatter', x, y };
  };

  const askTitle = async (
    request: DraftRequest,
    columns: readonly ExperimentColumn[],
    current?: string,
  ): Promise<DraftRequest | undefined> => {
    const ids = request.kind === 'scatter' ? [request.x ?? '', request.y ?? ''] : (request.columns ?? []);
    const title = await inputTitle(
      current ??
        defaultTitle(
          request.kind,
          ids.map((id) => columnLabel(columns, id)),
        ),
    );
    return title === undefined ? undefined : { ...request, title };
  };

  const save = (request: DraftRequest, columns: readonly ExperimentColumn[]) => {
    const result = draftOf(request, columns);
    if ('error' in result) throw new Error(`DVC Lens: ${result.error}`);
    return result.draft;
  };

  const add = async (value: unknown): Promise<string | undefined> => {
    const argument = customPlotArgument(value);
    log.append(`Custom plots: add (${argument.kind ?? 'quick picks'})`);
    const repository = await repositoryOf(argument, 'Add a custom plot to which repository?');
    if (!repository) return undefined;
    const root = repository.root.toString();
    const columns = await columnsFor(root);
    let request: DraftRequest | undefined;
    if (argument.kind && describesPlot(argument)) request = { ...argument, kind: argument.kind };
    else {
      if (columns.length === 0) {
        void vscode.window.showInformationMessage(
          'DVC Lens: no params or metrics with numbers in the experiments yet (run the pipeline or an experiment first).',
        );
        return undefined;
      }
      const kind = await pickKind();
      if (!kind) return undefined;
      const chosen =
        kind.plotKind === 'scatter'
          ? await askScatter(columns, kind.xSource)
          : await pickColumns(columns).then((ids) =>
              ids ? { kind: 'parallel' as const, columns: ids } : undefined,
            );
      request = chosen && (await askTitle(chosen, columns));
    }
    if (!request) return undefined;
    const plot = await records.add(root, save(request, columns));
    log.append(`Custom plots: added '${plot.title}' (${plot.id}) to ${root}`);
    deps.changed(root);
    deps.showDashboard(root);
    return plot.id;
  };

  const existingPlot = async (
    argument: CustomPlotArgument,
    root: string,
    title: string,
  ): Promise<CustomPlotDefinition | undefined> => {
    const plots = records.list(root);
    if (argument.id) {
      const plot = plots.find((candidate) => candidate.id === argument.id);
      if (!plot) throw new Error(`DVC Lens: no custom plot '${argument.id}' in ${root}.`);
      return plot;
    }
    if (plots.length === 0) {
      void vscode.window.showInformationMessage('DVC Lens: this repository has no custom plots.');
      return undefined;
    }
    return pickCustomPlot(plots, title);
  };

  const edit = async (value: unknown): Promise<void> => {
    const argument = customPlotArgument(value);
    const repository = await repositoryOf(argument, 'Edit a custom plot of which repository?');
    if (!repository) return;
    const root = repository.root.toString();
    const plot = await existingPlot(argument, root, 'Edit which custom plot?');
    if (!plot) return;
    const columns = await columnsFor(root);
    let request: DraftRequest | undefined;
    if (describesPlot(argument) || argument.title !== undefined)
      request =
        plot.kind === 'scatter'
          ? {
              kind: 'scatter',
              x: argument.x ?? plot.x,
              y: argument.y ?? plot.y,
              title: argument.title ?? plot.title,
            }
          : {
              kind: 'parallel',
              columns: argument.columns ?? plot.columns,
              title: argument.title ?? plot.title,
            };
    else {
      const chosen =
        plot.kind === 'scatter'
          ? await askScatter(columns, undefined, plot)
          : await pickColumns(columns, plot.columns).then((ids) =>
              ids ? { kind: 'parallel' as const, columns: ids } : undefined,
            );
      request = chosen && (await askTitle(chosen, columns, plot.title));
    }
    if (!request) return;
    await records.replace(root, withDraft(plot, save(request, columns)));
    log.append(`Custom plots: edited '${plot.title}' (${plot.id}) in ${root}`);
    deps.changed(root);
  };

  const remove = async (value: unknown): Promise<void> => {
    const argument = customPlotArgument(value);
    const repository = await repositoryOf(argument, 'Remove a custom plot of which repository?');
    if (!repository) return;
    const root = repository.root.toString();
    const plot = await existingPlot(argument, root, 'Remove which custom plot?');
    if (!plot) return;
    if (!argument.confirmed) {
      const answer = await vscode.window.showWarningMessage(
        `Remove the custom plot '${plot.title}'?`,
        {
          modal: true,
          detail:
            'Its definition (kind and columns) is kept nowhere else. The experiments and dvc.yaml are not touched.',
        },
        'Remove Plot',
      );
      if (answer !== 'Remove Plot') return;
    }
    await records.remove(root, plot.id);
    log.append(`Custom plots: removed '${plot.title}' (${plot.id}) from ${root}`);
    deps.changed(root);
  };

  return { add, edit, remove };
}
