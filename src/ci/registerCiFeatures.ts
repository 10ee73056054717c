/**
 * The CI feature: "Create CI Workflow". Registered by src/extension.ts on its own (not by the history
 * feature, whose tools it uses) so that history does not import ci while ci imports history.
 */
import { historyCommandIds } from '../history';
import type { OutputLog } from '../log/outputLog';
import type { RepositoryCommands } from '../repository/command';
import { createCiWorkflowCommand, createCiWorkflowOptions } from './createCiWorkflowCommand';

export interface CiFeatureDependencies {
  readonly log: OutputLog;
  readonly commands: RepositoryCommands;
}

export function registerCiFeatures({ log, commands }: CiFeatureDependencies): void {
  commands.repositoryCommand(historyCommandIds.createCiWorkflow, createCiWorkflowOptions, (runtime) =>
    createCiWorkflowCommand(log, runtime),
  );
}
