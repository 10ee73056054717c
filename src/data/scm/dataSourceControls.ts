/**
 * DVC in Source Control: one source control per DVC repository, its groups (modified, untracked, not in
 * cache, not committed to git, not in remote) painted from the data slice's last `dvc data status` and
 * repainted whenever the slice changes. It only shows: the actions are the data and remote commands
 * (dataScmCommands.ts). Made only in a trusted workspace, where the status is read at all.
 */
import * as vscode from 'vscode';
import {
  dataChangeGroups,
  type DataChangeGroup,
  type DataChangeGroupId,
  type DataChangeResource,
} from '../../core/data/dataSourceControlGroups';
import { describeDataStates, explainDataStates } from '../../core/data/dataState';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { DataModel, DataRepository } from '../dataModel';

/** The id Source Control menus test with `scmProvider == dvcLens`. */
export const DATA_SOURCE_CONTROL_ID = 'dvcLens';

/** A row of a group: the path, and what DVC acts on for it. */
export interface DataResourceState extends vscode.SourceControlResourceState {
  readonly root: vscode.Uri;
  readonly resource: DataChangeResource;
  /** `dvcLens.<group id>`: the menus' `scmResourceState`. */
  readonly contextValue: string;
}

/** A group, as the commands receive it from a group's menu. */
export interface DataResourceGroup extends vscode.SourceControlResourceGroup {
  readonly resourceStates: DataResourceState[];
}

interface RepositoryControl {
  readonly control: vscode.SourceControl;
  readonly groups: Map<DataChangeGroupId, vscode.SourceControlResourceGroup>;
  readonly store: DisposableStore;
}

export class DataSourceControls implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly controls = new Map<string, RepositoryControl>();
  private readonly painted = this.disposables.register(new vscode.EventEmitter<void>());
  /** Fired after the groups were repainted (tests wait on it). */
  readonly onDidPaint = this.painted.event;

  constructor(private readonly model: DataModel) {
    this.disposables.register(model.onDidChange(() => this.sync()));
    this.sync();
  }

  /** The groups shown for a repository (root URI string), empty ones included; for tests. */
  groupsOf(root: string): readonly DataResourceGroup[] {
    const control = this.controls.get(root);
    return control ? ([...control.groups.values()] as DataResourceGroup[]) : [];
  }

  /** The source control of a repository (root URI string); for tests. */
  controlOf(root: string): vscode.SourceControl | undefined {
    return this.controls.get(root)?.control;
  }

  dispose(): void {
    for (const control of this.controls.values()) control.store.dispose();
    this.controls.clear();
    this.disposables.dispose();
  }

  private sync(): void {
    const repositories = this.model.all;
    const roots = new Set(repositories.map((repository) => repository.root.toString()));
    for (const [root, control] of this.controls)
      if (!roots.has(root)) {
        control.store.dispose();
        this.controls.delete(root);
      }
    for (const repository of repositories) this.paint(repository);
    this.painted.fire();
  }

  private paint(repository: DataRepository): void {
    const key = repository.root.toString();
    const control = this.controls.get(key) ?? this.create(repository);
    this.controls.set(key, control);
    // Before the first status (or after a failed one) the last groups stay: an empty list would claim "clean".
    const status = repository.status;
    if (!status) return;
    const groups = dataChangeGroups(status.status, repository.data.outs);
    for (const group of groups) {
      const shown = control.groups.get(group.id);
      if (shown)
        shown.resourceStates = group.resources.map((resource) => stateOf(repository.root, group, resource));
    }
    // The badge counts what waits on the person here: paths DVC has not recorded or git has not committed.
    control.control.count = new Set(
      groups
        .filter((group) => group.id === 'modified' || group.id === 'untracked' || group.id === 'notCommitted')
        .flatMap((group) => group.resources.map((resource) => resource.path)),
    ).size;
  }

  private create(repository: DataRepository): RepositoryControl {
    const store = new DisposableStore();
    const control = store.register(
      vscode.scm.createSourceControl(
        DATA_SOURCE_CONTROL_ID,
        `DVC (${repository.workspaceFolder.name})`,
        repository.root,
      ),
    );
    control.inputBox.visible = false;
    const groups = new Map<DataChangeGroupId, vscode.SourceControlResourceGroup>();
    for (const group of dataChangeGroups({ entries: [], untracked: [] }, [])) {
      const created = store.register(control.createResourceGroup(group.id, group.label));
      created.hideWhenEmpty = true;
      groups.set(group.id, created);
    }
    return { control, groups, store };
  }
}

function stateOf(root: vscode.Uri, group: DataChangeGroup, resource: DataChangeResource): DataResourceState {
  const resourceUri = vscode.Uri.joinPath(root, resource.path);
  const deleted = resource.states.includes('deleted');
  const missing = deleted || (resource.states.includes('notInCache') && group.id === 'notInCache');
  return {
    root,
    resource,
    resourceUri,
    contextValue: `dvcLens.${group.id}`,
    decorations: {
      strikeThrough: deleted,
      faded: missing,
      tooltip: `${describeDataStates(resource.states)}\n${explainDataStates(resource.states)}`,
    },
    ...(deleted || resource.isDirectory
      ? {}
      : { command: { command: 'vscode.open', title: 'Open', arguments: [resourceUri] } }),
  };
}
