/**
 * Every command the extension registers. A suite test compares this list, the registrations and the
 * `contributes.commands` of package.json, so the three cannot drift apart.
 */
import { runCommandIds } from './pipeline/run/runCommands';
import { stageEditingCommandIds } from './pipeline/stageEditing/stageEditingCommands';
import { addPlotCommandIds } from './pipeline/addPlot/addPlotCommand';
import { dataCommandIds } from './data/dataCommandIds';
import { remoteCommandIds } from './remotes/registerRemoteFeatures';
import { metricsCommandIds } from './metrics/registerMetricsFeatures';
import {
  compareCommandIds,
  experimentCommandIds,
  tableCommandIds,
} from './experiments/registerExperimentFeatures';
import { plotsCommandIds } from './plots/plotsCommandIds';
import { customPlotsCommandIds } from './plots/custom/customPlotsCommandIds';
import { historyCommandIds } from './history/historyCommandIds';

export const commandIds = {
  ...runCommandIds,
  ...stageEditingCommandIds,
  ...addPlotCommandIds,
  ...dataCommandIds,
  ...remoteCommandIds,
  ...experimentCommandIds,
  ...tableCommandIds,
  ...metricsCommandIds,
  ...compareCommandIds,
  ...plotsCommandIds,
  ...customPlotsCommandIds,
  ...historyCommandIds,
  initializeProject: 'dvcLens.initializeProject',
  refreshPipelines: 'dvcLens.refreshPipelines',
  showLog: 'dvcLens.showLog',
  selectDvcExecutable: 'dvcLens.selectDvcExecutable',
  installDvc: 'dvcLens.installDvc',
  openStage: 'dvcLens.openStage',
  openPipelineItem: 'dvcLens.openPipelineItem',
  showDag: 'dvcLens.showDag',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
