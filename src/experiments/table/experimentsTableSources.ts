/**
 * The experiments table fed by the ExperimentsStore: one table source per repository (the same object each
 * time, so the command reveals an open panel instead of opening a second), kept live while a table is open,
 * and the table's Apply / Remove turned into the experiment commands, Compare into the compare view.
 */
import { defineSlice, type RepositorySlice } from '../../repository/repositorySlice';
import * as vscode from 'vscode';
import {
  findExperiment,
  type ExperimentRow,
  type ExperimentsModel,
} from '../../core/experiments/experimentModel';
import { withCreatedColumn } from '../../core/experimentsTable/createdColumn';
import { experimentsTableData } from '../../core/experimentsTable/experimentsToTable';
import { withMetricDirections } from '../../core/experimentsTable/metricDirections';
import { withRemoteRunRows } from '../../core/experimentsTable/remoteRunRows';
import { toTableSnapshot } from '../../core/experimentsTable/tableValues';
import { commitBadgesText, type CommitBadgeSource } from '../../core/registry/commitBadges';
import { stableRegistryName } from '../../core/refs/stableRefName';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { rowRef } from '../compare/compareRefPick';
import type { CompareRegistration } from '../compare/registerCompare';
import { WORKSPACE_REF } from '../compare/compareService';
import { experimentCommandIds } from '../experimentCommandIds';
import { metricDirectionsSetting } from '../experimentSettings';
import type { ExperimentStarStore } from '../experimentStarStore';
import type { ExperimentsStore } from '../experimentsStore';
import type { RemoteRunStore } from '../remote/remoteRunStore';
import type { ExperimentsTableSource, TableActionRequest } from './experimentsTablePanel';
import type { TableSnapshot } from '../../core/protocols/experimentsTableProtocol';
import { registerExperimentsTable, type ExperimentsTableRegistration } from './registerExperimentsTable';

/**
 * Opens the plots dashboard for table rows. Handed in by the composition root, so the experiments feature
 * needs no import of the plots feature (which reads the experiments store).
 */
export type ShowPlotsOfRows = (root: string, rowIds: readonly string[]) => void;

/** The table of the experiments store, with the model registry's badges on its commit rows. */
export interface StoreExperimentsTable extends ExperimentsTableRegistration {
  /** The registry's version and stage badges for commit rows (set by the registry feature). */
  setCommitBadges(source: CommitBadgeSource, onDidChange: vscode.Event<void>): void;
}

interface StoreTableSource extends ExperimentsTableSource {
  readonly root: string;
}

export function registerStoreExperimentsTable(
  disposables: DisposableStore,
  context: vscode.ExtensionContext,
  store: ExperimentsStore,
  repositories: WorkspaceRepositories,
  compare: CompareRegistration,
  showPlotsOfRows: ShowPlotsOfRows,
  stars: ExperimentStarStore,
  remoteRuns?: RemoteRunStore,
): StoreExperimentsTable {
  const changed = disposables.register(new vscode.EventEmitter<void>());
  let badges: CommitBadgeSource = { badges: () => [], tags: () => [] };
  let badgeSubscription: vscode.Disposable | undefined;
  disposables.register({
    dispose: () => {
      badgeSubscription?.dispose();
    },
  });
  disposables.register(store.onDidChange(() => changed.fire()));
  disposables.register(stars.onDidChange(() => changed.fire()));
  if (remoteRuns) disposables.register(remoteRuns.onDidChange(() => changed.fire()));
  disposables.register(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dvcLens.experiments.metricDirections')) changed.fire();
    }),
  );

  const makeSource = (root: string): StoreTableSource & RepositorySlice => {
    const name = store.get(root)?.repository.workspaceFolder.name ?? 'workspace';
    return {
      root,
      title: store.all.length > 1 ? `Experiments: ${name}` : 'Experiments',
      stateKey: root,
      onDidChange: changed.event,
      get error() {
        return store.get(root)?.error;
      },
      snapshot: () => snapshotOf(store, root, badges, stars.starred(root), remoteRuns),
      dispose: () => undefined,
    };
  };
  // One source per repository, kept by the hub (the table's panel is keyed by it).
  const sourceSlice = defineSlice('experimentsTableSource', (repository) =>
    makeSource(repository.root.toString()),
  );
  const sourceFor = (root: string): StoreTableSource =>
    repositories.repositoryAt(root)?.slice(sourceSlice) ?? makeSource(root);

  const registration = registerExperimentsTable(disposables, context, async (argument) => {
    // Right after start-up the workspace scan may still run; the store learns its repositories from it.
    await repositories.whenLoaded();
    const root = await pickRoot(store, argument);
    if (!root) return undefined;
    store.setWatched('table', true);
    // What the hub keeps serves a table that opens; DVC is asked only when nothing current is kept.
    void store.load(root);
    return sourceFor(root);
  });
  // The store asks DVC on file changes only while someone looks: the view, or an open table.
  disposables.register(
    vscode.window.tabGroups.onDidChangeTabs(() =>
      store.setWatched('table', registration.panels().length > 0),
    ),
  );
  disposables.register(
    registration.onDidRequestAction(
      (request) => void runTableAction(store, compare, showPlotsOfRows, stars, request as TableAction),
    ),
  );
  return {
    ...registration,
    setCommitBadges: (source, onDidChange) => {
      badges = source;
      badgeSubscription?.dispose();
      badgeSubscription = onDidChange(() => changed.fire());
      changed.fire();
    },
  };
}

type TableAction = TableActionRequest & { readonly source: StoreTableSource };

function snapshotOf(
  store: ExperimentsStore,
  root: string,
  marks: CommitBadgeSource,
  starred: ReadonlySet<string>,
  remoteRuns: RemoteRunStore | undefined,
): TableSnapshot | undefined {
  const model = store.get(root)?.model;
  if (!model) return undefined;
  const data = withCreatedColumn(experimentsTableData(model));
  // Commit rows carry the registry's badges after their one stable name (see src/core/refs/stableRefName.ts).
  const badged = data.rows.map((row) => {
    const starredRow = starred.has(row.id) ? { ...row, starred: true } : row;
    if (row.kind !== 'commit' || !row.sha) return starredRow;
    const name = stableRegistryName(row.label, marks.tags(root, row.sha)) ?? row.label;
    const badgeText = commitBadgesText(marks.badges(root, row.sha));
    return { ...starredRow, label: badgeText ? `${name}  ${badgeText}` : name };
  });
  const columnIds = new Set(data.columns.map((column) => column.id));
  const rows = withRemoteRunRows(badged, remoteRuns?.list(root) ?? [], columnIds, Date.now());
  return toTableSnapshot(withMetricDirections(data.columns, metricDirectionsSetting()), rows);
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

async function runTableAction(
  store: ExperimentsStore,
  compare: CompareRegistration,
  showPlotsOfRows: ShowPlotsOfRows,
  stars: ExperimentStarStore,
  request: TableAction,
): Promise<void> {
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
    case 'modifyRun':
    case 'modifyQueue': {
      const row = request.rowIds.length === 1 ? findRow(model, request.rowIds[0] ?? '') : undefined;
      if (!row)
        return void vscode.window.showInformationMessage(
          'DVC Lens: select one commit or experiment row to modify.',
        );
      const command =
        request.action === 'modifyRun'
          ? experimentCommandIds.modifyAndRunExperiment
          : experimentCommandIds.modifyAndQueueExperiment;
      await vscode.commands.executeCommand(command, { root, name: row.id });
      return;
    }
    case 'compare':
      return compareRows(compare, model, request.source.root, request.rowIds);
    case 'plot':
      // The plots feature turns row ids into revisions (workspace first, up to dvcLens.plots.maxRevisions).
      return showPlotsOfRows(root.toString(), request.rowIds);
    case 'star':
    case 'unstar':
      return stars.setStarred(request.source.root, request.rowIds, request.action === 'star');
  }
}

/** The compare view of the two selected rows (in the order they were selected). */
function compareRows(
  compare: CompareRegistration,
  model: ExperimentsModel,
  root: string,
  rowIds: readonly string[],
): void {
  const refs = rowIds.map((id) => {
    const row = id === WORKSPACE_REF ? undefined : findRow(model, id);
    return row ? rowRef(row) : id;
  });
  const [a, b] = refs;
  if (!a || !b || refs.length !== 2)
    return void vscode.window.showInformationMessage('DVC Lens: select exactly two rows to compare.');
  void compare.open(root, a, b);
}

function findRow(model: ExperimentsModel, id: string): ExperimentRow | undefined {
  return findExperiment(model, id) ?? model.commits.find((commit) => commit.id === id);
}
