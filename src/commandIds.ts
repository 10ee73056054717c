/**
 * Every command the extension registers, gathered from the one `<concept>CommandIds.ts` of each concept
 * folder. The manifest tests compare them with `contributes.commands` of package.json (both ways) and
 * refuse a command id written as a string literal anywhere else, so the code and the manifest cannot drift.
 */
import { dataCommandIds } from './data/dataCommandIds';
import { experimentCommandIds } from './experiments/experimentCommandIds';
import { historyCommandIds } from './history/historyCommandIds';
import { logCommandIds } from './log/logCommandIds';
import { metricsCommandIds } from './metrics/metricsCommandIds';
import { pipelineCommandIds } from './pipeline/pipelineCommandIds';
import { plotsCommandIds } from './plots/plotsCommandIds';
import { remoteRunCommandIds } from './experiments/remote/remoteRunCommandIds';
import { registryCommandIds } from './registry/registryCommandIds';
import { remoteCommandIds } from './remotes/remoteCommandIds';
import { setupCommandIds } from './setup/setupCommandIds';

/** Each concept's ids by folder (a test checks that no id is declared twice). */
export const commandIdsByConcept = {
  data: dataCommandIds,
  experiments: experimentCommandIds,
  history: historyCommandIds,
  log: logCommandIds,
  metrics: metricsCommandIds,
  pipeline: pipelineCommandIds,
  plots: plotsCommandIds,
  registry: registryCommandIds,
  remotes: remoteCommandIds,
  remoteRuns: remoteRunCommandIds,
  setup: setupCommandIds,
} as const;

export const commandIds = {
  ...dataCommandIds,
  ...experimentCommandIds,
  ...historyCommandIds,
  ...logCommandIds,
  ...metricsCommandIds,
  ...pipelineCommandIds,
  ...plotsCommandIds,
  ...registryCommandIds,
  ...remoteCommandIds,
  ...remoteRunCommandIds,
  ...setupCommandIds,
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
