/**
 * What clicking a History commit opens. Today: the metrics and params diff of the commit against its first
 * parent (`dvc exp diff parent sha`), rendered as the report markdown in the Markdown preview. This is the
 * single place to switch to the compare view once it exists: replace the body of `openCommitComparison`.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../cli/processError';
import type { ExperimentDiffEntry } from '../core/experiments/parseExpDiff';
import type { ReportChange } from '../core/report/diffOutputs';
import { buildReportMarkdown } from '../core/report/reportMarkdown';
import { metricDirectionsSetting } from '../experiments/experimentSettings';
import { showMarkdownReport } from '../report/markdownPreview';
import { errorText, showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';

/** A commit and the one it is compared with. */
export interface CommitComparison {
  readonly root: vscode.Uri;
  readonly sha: string;
  /** The first parent; undefined for a root commit. */
  readonly parent: string | undefined;
}

/** Resolves to the preview's file (undefined when nothing was shown). */
export async function openCommitComparison(
  deps: HistoryToolDependencies,
  storage: vscode.Uri,
  target: CommitComparison,
): Promise<vscode.Uri | undefined> {
  const short = target.sha.slice(0, 7);
  if (!target.parent) {
    void vscode.window.showInformationMessage(
      `DVC Lens: ${short} is the first commit; it has no parent to compare with.`,
    );
    return undefined;
  }
  const parent = target.parent;
  const tools = await repositoryTools(deps, target.root);
  const experiments = tools.experiments;
  if (!experiments) {
    void showErrorWithLog(deps.log, 'DVC Lens: comparing commits needs DVC, which was not found.');
    return undefined;
  }
  try {
    const entries = await withCancellableProgress(`DVC Lens: Comparing ${short} with its parent`, (signal) =>
      experiments.diff(parent, target.sha, signal),
    );
    const markdown = buildReportMarkdown({
      base: parent.slice(0, 7),
      target: short,
      metrics: entries.filter((entry) => entry.kind === 'metric').map(toChange),
      params: entries.filter((entry) => entry.kind === 'param').map(toChange),
      directions: metricDirectionsSetting(),
    });
    return await showMarkdownReport(storage, `commit-${short}`, markdown);
  } catch (error) {
    if (!isCancellation(error))
      void showErrorWithLog(
        deps.log,
        `DVC Lens: could not compare ${short} with its parent: ${errorText(error)}`,
      );
    return undefined;
  }
}

function toChange(entry: ExperimentDiffEntry): ReportChange {
  return {
    file: entry.file,
    key: entry.key,
    old: entry.old ?? undefined,
    new: entry.new ?? undefined,
    diff: entry.diff,
  };
}
