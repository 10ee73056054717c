/**
 * Every repository's model registry, read again when git refs move (a tag made or fetched: the workspace's one
 * watcher sees `.git/refs/tags` and `packed-refs`); a dvc.yaml change (declarations) is the feature's to
 * handle (it reads again only while the Models view is visible). Keys: root URIs.
 */
import * as vscode from 'vscode';
import type { RegistryState } from '../core/registry/registryTypes';
import { watchGitRefs } from '../history';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { Repository } from '../repository/repository';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { isTrusted } from '../trust/workspaceTrust';
import { readRepositoryRegistry } from './registryReader';

export interface RepositoryRegistry {
  readonly repository: Repository;
  readonly state: RegistryState | undefined;
  readonly error: string | undefined;
}

export class RegistryStore implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly states = new Map<string, RepositoryRegistry>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly log: OutputLog,
  ) {
    this.disposables.register(watchGitRefs(repositories, () => void this.reloadAll()));
  }

  get all(): RepositoryRegistry[] {
    return this.repositories.repositories.map(
      (repository) =>
        this.states.get(repository.root.toString()) ?? { repository, state: undefined, error: undefined },
    );
  }

  get(root: vscode.Uri | string): RepositoryRegistry | undefined {
    return this.states.get(root.toString());
  }

  async reloadAll(): Promise<void> {
    await this.repositories.whenLoaded();
    await Promise.all(this.repositories.repositories.map((repository) => this.reload(repository)));
  }

  /** Reads the repository's registry again; a newer read started meanwhile wins. Never rejects. */
  async reload(repository: Repository): Promise<RegistryState | undefined> {
    const key = repository.root.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    try {
      const state = await readRepositoryRegistry(repository, isTrusted());
      if (this.generations.get(key) !== generation) return this.states.get(key)?.state;
      this.states.set(key, { repository, state, error: undefined });
      this.changed.fire();
      return state;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`Reading the model registry of ${repository.root.fsPath} failed`, error);
      if (this.generations.get(key) === generation) {
        this.states.set(key, { repository, state: this.states.get(key)?.state, error: message });
        this.changed.fire();
      }
      return undefined;
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
