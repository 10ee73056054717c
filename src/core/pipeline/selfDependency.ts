/**
 * A stage that depends on its own output. `dvc stage list` shows it, but `dvc repro` and `dvc dag` refuse the
 * whole pipeline ("Same item(s) are defined as both a dependency and an output in stage: s.", DVC 3.67.1).
 */
import { joinPath } from './pipelinePaths';
import type { ProblemCollector } from './problemCollector';
import type { Stage } from './model';

const writes = new Set(['out', 'metric', 'plot']);

export function reportSelfDependencies(stages: readonly Stage[], problems: ProblemCollector): void {
  for (const stage of stages) {
    const outputs = new Set<string>();
    for (const item of stage.items)
      if (writes.has(item.kind) && item.path !== undefined) outputs.add(joinPath(item.path));
    for (const item of stage.items) {
      if (item.kind !== 'dep' || item.path === undefined || !outputs.has(joinPath(item.path))) continue;
      problems.error(
        `Same item(s) are defined as both a dependency and an output in stage: ${stage.name} ('${item.path}'); DVC refuses to run the pipeline`,
        item.range,
      );
    }
  }
}
