/**
 * The experiments table fed by the ExperimentsStore: one table source per repository (the same object each
 * time, so the command reveals an open panel instead of opening a second), kept live while a table is open,
 * and the table's Apply / Remove / Compare turned into the experiment commands.
 */
import * as vscode from 'vscode';
import { findExperiment } from '../../core/experiments/experimentModel';
import { experimentsTableData } from '../../core/experimentsTable/experimentsToTable';
import { withMetricDirections } from '../../core/experimentsTable/metricDirections';
import { toTableSnapshot } from '../../core/experimentsTable/tableValues';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { experimentCommandIds } from '../experimentCommandIds';
import { metricDirectionsSetting } from '../experimentSettings';
import type { ExperimentsStore } from '../experimentsStore';
import type { ExperimentsTableSource, TableActionRequest } from './experimentsTablePanel';
import type { TableSnapshot } from './protocol';
import { registerExperimentsTable, type ExperimentsTableRegistration } from './registerExperimentsTable';

interface StoreTableSource extends ExperimentsTableSource {
  readonly root: string;
}

export function registerStoreExperimentsTable(
  disposables: DisposableStore,
  context: vscode.ExtensionContext,
  store: ExperimentsStore,
  repositories: WorkspaceRepositories,
): ExperimentsTableRegistration {
  const sources = new Map<string, StoreTableSource>();
  const changed = disposables.register(new vscode.EventEmitter<void>());
  disposables.register(store.onDidChange(() => changed.fire()));
  disposables.register(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dvcLens.experiments.metricDirections')) changed.fire();
    }),
  );

  const sourceFor = (root: string): StoreTableSource => {
    let source = sources.get(root);
    if (!source) {
      const name = store.get(root)?.repository.workspaceFolder.name ?? 'workspace';
      source = {
        root,
        title: store.all.length > 1 ? `Experiments: ${name}` : 'Experiments',
        stateKey: root,
        onDidChange: changed.event,
        get error() {
          return store.get(root)?.error;
        },
        snapshot: () => snapshotOf(store, root),
      };
      sources.set(root, source);
    }
    return source;
  };

  const registration = registerExperimentsTable(disposables, context, async (argument) => {
    // Right after start-up the workspace scan may still run; the store learns its repositories from it.
    await repositories.whenLoaded();
    const root = await pickRoot(store, argument);
    if (!root) return undefined;
    store.setWatched('table', true);
    void store.refresh(root);
    return sourceFor(root);
  });
  // The store asks DVC on file changes only while someone looks: the view, or an open table.
  disposables.register(
    vscode.window.tabGroups.onDidChangeTabs(() =>
      store.setWatched('table', registration.panels().length > 0),
    ),
  );
  disposables.register(
    registration.onDidRequestAction((request) => void runTableAction(store, request as TableAction)),
  );
  return registration;
}

type TableAction = TableActionRequest & { readonly source: StoreTableSource };

function snapshotOf(store: ExperimentsStore, root: string): TableSnapshot | undefined {
  const model = store.get(root)?.model;
  if (!model) return undefined;
  const data = experimentsTableData(model);
  return toTableSnapshot(withMetricDirections(data.columns, metricDirectionsSetting()), data.rows);
}

/** `{ root }` (a Uri or its string), an Experiments view node with a repository, the only one, or a pick. */
async function pickRoot(store: ExperimentsStore, argument: unknown): Promise<string | undefined> {
  const given = rootOf(argument);
  if (given && store.get(given)) return given;
  const all = store.all;
  if (all.length <= 1) {
    if (!all[0]) void vscode.window.showInformationMessage('DVC Lens: open a DVC repository first.');
    return all[0]?.repository.root.toString();
  }
  const picked = await vscode.window.showQuickPick(
    all.map((state) => ({ label: state.repository.workspaceFolder.name, root: state.repository.root })),
    { title: 'Show the experiments of which repository?' },
  );
  return picked?.root.toString();
}

function rootOf(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const record = argument as { root?: unknown; repository?: { root?: unknown } };
  const root = record.root ?? record.repository?.root;
  if (root instanceof vscode.Uri) return root.toString();
  return typeof root === 'string' ? root : undefined;
}

async function runTableAction(store: ExperimentsStore, request: TableAction): Promise<void> {
  const state = store.get(request.source.root);
  const model = state?.model;
  if (!state || !model) return;
  const root = state.repository.root;
  const experiments = request.rowIds.flatMap((id) => findExperiment(model, id) ?? []);
  switch (request.action) {
    case 'apply':
    case 'remove': {
      const command =
        request.action === 'apply'
          ? experimentCommandIds.applyExperiment
          : experimentCommandIds.removeExperiment;
      if (experiments.length === 0)
        return void vscode.window.showInformationMessage('DVC Lens: select an experiment row first.');
      // One at a time: each asks its own confirmation, naming the experiment.
      for (const row of request.action === 'apply' ? experiments.slice(0, 1) : experiments)
        await vscode.commands.executeCommand(command, { root, name: row.name ?? row.id });
      return;
    }
    case 'compare':
      return compareRows(store, state.repository, request.rowIds);
    case 'plot':
      // The plots feature turns row ids into revisions (workspace first, up to dvcLens.plots.maxRevisions).
      return void vscode.commands.executeCommand('dvcLens.showPlots', {
        root: root.toString(),
        rowIds: request.rowIds,
      });
  }
}

/** Until the compare view exists: `dvc exp diff` of the two selected rows as a Markdown table. */
async function compareRows(
  store: ExperimentsStore,
  repository: Parameters<ExperimentsStore['serviceFor']>[0],
  rowIds: readonly string[],
): Promise<void> {
  const [a, b] = rowIds;
  if (!a || !b || rowIds.length !== 2)
    return void vscode.window.showInformationMessage('DVC Lens: select exactly two rows to compare.');
  const service = store.serviceFor(repository);
  if (!service) return;
  // DVC compares a revision with the workspace when it is given one revision only.
  const entries =
    a === 'workspace'
      ? await service.diff(b)
      : b === 'workspace'
        ? await service.diff(a)
        : await service.diff(a, b);
  const cell = (value: unknown): string =>
    (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)).replace(
      /\|/g,
      '\\|',
    );
  const lines = [
    `# ${cell(a)} vs ${cell(b)}`,
    '',
    '| kind | file | key | old | new | change |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map(
      (entry) =>
        `| ${entry.kind} | ${cell(entry.file)} | ${cell(entry.key)} | ${cell(entry.old)} | ${cell(entry.new)} | ${cell(entry.diff)} |`,
    ),
  ];
  if (entries.length === 0) lines.push('', 'No params or metrics differ.');
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: lines.join('\n'),
  });
  await vscode.window.showTextDocument(document, { preview: true });
}
