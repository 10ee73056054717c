import * as vscode from 'vscode';

/** What happened to a file under a repository, as the one workspace watcher saw it. */
export type FileEventKind = 'created' | 'changed' | 'deleted';

export interface RepositoryFileEvent {
  readonly uri: vscode.Uri;
  readonly kind: FileEventKind;
}

/** Which events a subscriber wants: a test on the path relative to the repository root ('/'-separated). */
export type FileEventFilter = (relativePath: string, event: RepositoryFileEvent) => boolean;

/** An event as a repository's subscriber hears it: with the path relative to the root it was filtered on. */
export interface RelativeFileEvent extends RepositoryFileEvent {
  /** '/'-separated, relative to the repository root; '' for the root itself. */
  readonly relativePath: string;
}

/** Hears the events a filter kept, in the batch they came in. */
export type FileEventListener = (events: readonly RelativeFileEvent[]) => void;

interface Subscription {
  readonly filter: FileEventFilter;
  readonly listener: FileEventListener;
}

/**
 * The filtered subscriptions of one repository to the workspace's ONE file watcher. The workspace hands each
 * event to the repository it lies under (`dispatch`); a subscriber hears only the events its filter keeps, in
 * the batch they came in.
 */
export class RepositoryFileEvents implements vscode.Disposable {
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly root: vscode.Uri) {}

  subscribe(filter: FileEventFilter, listener: FileEventListener): vscode.Disposable {
    const subscription: Subscription = { filter, listener };
    this.subscriptions.add(subscription);
    return new vscode.Disposable(() => this.subscriptions.delete(subscription));
  }

  /** Whether `uri` lies under this repository's root (the root itself included). */
  contains(uri: vscode.Uri): boolean {
    const root = this.root.toString();
    const key = uri.toString();
    return key === root || key.startsWith(`${root}/`);
  }

  /** Path of `uri` relative to the root, '/'-separated; '' for the root itself. */
  relative(uri: vscode.Uri): string {
    const root = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    return uri.path === this.root.path
      ? ''
      : uri.path.startsWith(root)
        ? uri.path.slice(root.length)
        : uri.path;
  }

  dispatch(events: readonly RepositoryFileEvent[]): void {
    const relative = events.map((event) => ({ ...event, relativePath: this.relative(event.uri) }));
    for (const subscription of [...this.subscriptions]) {
      const kept = relative.filter((event) => subscription.filter(event.relativePath, event));
      if (kept.length > 0) subscription.listener(kept);
    }
  }

  dispose(): void {
    this.subscriptions.clear();
  }
}
