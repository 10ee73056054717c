/**
 * The experiments table's registration: the command that opens (or reveals) the panel, and the event through
 * which the integrator turns the table's Compare / Plot / Apply / Remove into the experiment commands.
 */
import * as vscode from 'vscode';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import {
  showExperimentsTable,
  type ExperimentsTablePanel,
  type ExperimentsTableSource,
  type TableActionRequest,
} from './experimentsTablePanel';
import { experimentCommandIds } from '../experimentCommandIds';

/** The table's commands; package.json contributes them with these ids. */

/**
 * Gives the table its source for a command invocation (`argument` is what the command got, e.g. a tree node
 * or a repository root); undefined means nothing to show (the provider explains why to the user).
 */
export type ExperimentsTableSourceProvider = (
  argument: unknown,
) => ExperimentsTableSource | undefined | Promise<ExperimentsTableSource | undefined>;

export interface ExperimentsTableRegistration {
  /** Fires when the user asks for an action on selected rows. */
  readonly onDidRequestAction: vscode.Event<TableActionRequest>;
  /** The open panels (one per source), e.g. for the extension-host suite. */
  panels(): readonly ExperimentsTablePanel[];
}

export function registerExperimentsTable(
  disposables: DisposableStore,
  context: vscode.ExtensionContext,
  sourceProvider: ExperimentsTableSourceProvider,
): ExperimentsTableRegistration {
  const actions = disposables.register(new vscode.EventEmitter<TableActionRequest>());
  const open = new Map<ExperimentsTableSource, ExperimentsTablePanel>();
  disposables.register({
    dispose: () => {
      for (const panel of [...open.values()]) panel.panel.dispose();
    },
  });
  const deps = {
    extensionUri: context.extensionUri,
    workspaceState: context.workspaceState,
    onAction: (request: TableActionRequest) => actions.fire(request),
  };
  disposables.register(
    vscode.commands.registerCommand(experimentCommandIds.showExperimentsTable, async (argument: unknown) => {
      const source = await sourceProvider(argument);
      if (!source) return;
      const existing = open.get(source);
      if (existing) {
        existing.panel.reveal();
        return;
      }
      const panel = showExperimentsTable(deps, source);
      open.set(source, panel);
      panel.onDidDispose(() => open.delete(source));
    }),
  );
  return { onDidRequestAction: actions.event, panels: () => [...open.values()] };
}
