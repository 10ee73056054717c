/**
 * Live updates: a dashboard refreshes quietly when a file that can feed a plot changes (data series, images,
 * dvc.yaml, dvc.lock) or when DVCLive signals a step (it writes `.dvc/tmp/exps/run/DVCLIVE_STEP_COMPLETED`
 * after each one, next to its `dvclive/plots/metrics/*.tsv` and `dvclive/metrics.json`). The writes of one
 * step collapse into one `dvc plots diff` after a quiet period; a loop that never goes quiet (steps faster
 * than the quiet period) still gets one at least every `maxWaitMs`. `onSeriesFile` hears of each changed
 * CSV/TSV file at once (the dashboard's fast path reads it itself, before DVC answers).
 */
import type * as vscode from 'vscode';
import { delimiterOf } from '../core/plots/delimitedRows';
import { affectsPlots } from '../core/plots/plotSources';
import type { Repository } from '../repository/repository';

const DEFAULT_QUIET_MS = 300;
const DEFAULT_MAX_WAIT_MS = 1000;

/** Listens through the repository's filtered subscription to the workspace's one watcher. */
export function watchPlotSources(
  repository: Pick<Repository, 'onFiles'>,
  onChange: () => void,
  quietMs = DEFAULT_QUIET_MS,
  maxWaitMs = DEFAULT_MAX_WAIT_MS,
  onSeriesFile?: (relative: string) => void,
): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet reported happened. */
  let firstPending: number | undefined;
  const fire = (): void => {
    timer = undefined;
    firstPending = undefined;
    onChange();
  };
  const changed = (relative: string): void => {
    if (onSeriesFile && delimiterOf(relative) !== undefined) onSeriesFile(relative);
    const now = Date.now();
    firstPending ??= now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstPending + maxWaitMs - now)));
  };
  const subscription = repository.onFiles(
    (relative) => relative !== '' && affectsPlots(relative),
    (events) => {
      for (const event of events) changed(event.relativePath);
    },
  );
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      subscription.dispose();
    },
  };
}
