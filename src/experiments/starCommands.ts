/**
 * Star / Unstar from the Experiments view: a row's star toggles (the table's own star posts its action). A
 * star is a note kept in workspace state: nothing runs, so Restricted Mode allows it.
 */
import * as vscode from 'vscode';
import type { RepositoryCommands } from '../repository/command';
import { experimentCommandIds } from './experimentCommandIds';
import type { ExperimentStarStore } from './experimentStarStore';

export function registerStarCommands(commands: RepositoryCommands, stars: ExperimentStarStore): void {
  commands.register(experimentCommandIds.toggleExperimentStar, async (argument) => {
    const target = starTarget(argument);
    if (!target) {
      void vscode.window.showInformationMessage(
        'DVC Lens: star an experiment from its row in the Experiments view.',
      );
      return;
    }
    const starred = stars.starred(target.root).has(target.id);
    await stars.setStarred(target.root, [target.id], !starred);
  });
}

/** An Experiments view row node (`{ root, row: { id } }`) or `{ root, id }`. */
function starTarget(argument: unknown): { root: string; id: string } | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const record = argument as { root?: unknown; id?: unknown; row?: { id?: unknown }; kind?: unknown };
  const root = record.root instanceof vscode.Uri ? record.root.toString() : record.root;
  const id = record.kind === 'row' ? record.row?.id : record.id;
  return typeof root === 'string' && typeof id === 'string' ? { root, id } : undefined;
}
