// The trusted-workspace suite: every file here runs in one extension host on a fresh copy of the demo.
import './manifest.test';
import './dvcDiscovery.test';
import './dvcMissing.test';
import './pipelineTree.test';
import './badInput.test';
import './stageStatus.test';
import './dagPanel.test';
import './stageEditing.test';
import './unsavedPipeline.test';
import './remotes.test';
import './dataTree.test';
import './dataBadInput.test';
import './experiments.test';
import './experimentsTable.test';
import './experimentsFirstContent.test';
import './metricsView.test';
import './addPlot.test';
import './compare.test';
import './plots.test';
import './customPlots.test';
import './history.test';
import './experimentBranches.test';
import './repositoryHub.test';
import './commandRuntime.test';
// Last: DVC itself takes minutes over the alias bomb this writes, and its `dvc status` runs to its end.
import './hostileInput.test';
