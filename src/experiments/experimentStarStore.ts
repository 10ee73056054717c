/**
 * Where stars live: the workspace's memento, one list per repository root. Starring is a person's note, not
 * DVC's: it runs nothing, so it works in Restricted Mode too.
 */
import * as vscode from 'vscode';
import { isStarList, withStars } from '../core/experiments/experimentStars';

export class ExperimentStarStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the repository root (URI string) whose stars changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** The starred row ids of a repository (root URI string). */
  starred(root: string): ReadonlySet<string> {
    return new Set(this.list(root));
  }

  async setStarred(root: string, ids: readonly string[], starred: boolean): Promise<void> {
    await this.memento.update(key(root), withStars(this.list(root), ids, starred));
    this.changed.fire(root);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private list(root: string): readonly string[] {
    const stored: unknown = this.memento.get(key(root));
    return isStarList(stored) ? stored : [];
  }
}

function key(root: string): string {
  return `dvcLens.experiments.starred:${root}`;
}
