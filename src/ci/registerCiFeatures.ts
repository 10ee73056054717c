/**
 * The CI feature: "Create CI Workflow". Registered by src/extension.ts on its own (not by the history
 * feature, whose tools it uses) so that history does not import ci while ci imports history.
 */
import { historyCommandIds } from '../history/historyCommandIds';
import type { HistoryToolDependencies } from '../history/historyTools';
import type { DisposableStore } from '../lifecycle/disposableStore';
import { registerTrustedCommand } from '../trust/trustedCommand';
import { createCiWorkflowCommand } from './createCiWorkflowCommand';

export interface CiFeatureDependencies extends HistoryToolDependencies {
  readonly disposables: DisposableStore;
}

export function registerCiFeatures(deps: CiFeatureDependencies): void {
  deps.disposables.register(
    registerTrustedCommand(historyCommandIds.createCiWorkflow, (argument) =>
      createCiWorkflowCommand(deps, argument),
    ),
  );
}
