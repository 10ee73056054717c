import type * as vscode from 'vscode';
import type { Repository } from './repository';

/**
 * A concept's state for one repository (experiments from `exp show`, data status, stage status, history,
 * plots...). The concept folder defines the slice; the repository creates it on first use, keeps exactly one,
 * and disposes it with itself. So no concept keeps a per-root Map of its own.
 */
export interface RepositorySlice extends vscode.Disposable {
  /** Re-reads what the slice holds (after a command changed the repository). Never rejects. */
  refresh?(): Promise<void>;
  /**
   * Fires when what the slice holds changed. The repository re-fires it as `onDidChangeSlice`, and the
   * workspace for all its repositories, so a concept's workspace-level face subscribes once, not per root.
   */
  readonly onDidChange?: vscode.Event<void>;
}

/** Which slice of which repository changed (see `RepositorySlice.onDidChange`). */
export interface SliceChange {
  readonly repository: Repository;
  readonly name: string;
}

/** The typed key of a slice: its name (for `repositoryCommand`'s `refreshes`) and how to make one. */
export interface SliceKey<T extends RepositorySlice> {
  readonly name: string;
  create(repository: Repository): T;
}

/** Declares a slice kind once, in its concept folder. */
export function defineSlice<T extends RepositorySlice>(
  name: string,
  create: (repository: Repository) => T,
): SliceKey<T> {
  return { name, create };
}
