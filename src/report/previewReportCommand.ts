/**
 * "DVC Lens: Preview Report": the report the CI workflow would post, built here from `dvc metrics diff` and
 * `dvc params diff` of the workspace against a ref the person picks, with the plots' diff rendered to SVG
 * beside it, shown in the Markdown preview.
 * Argument (tests, other commands): `{ root?: Uri, base?: string }`; resolves to the report file's Uri.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../cli/processError';
import { metricDirectionsSetting } from '../experiments/experimentSettings';
import { pickRepository, repositoryTools, type HistoryToolDependencies } from '../history/historyTools';
import { stringField } from '../remotes/commandArguments';
import { showErrorWithLog, errorText } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';
import { buildDvcReport, plotsFolderFor } from './dvcReport';
import { reportFile, showMarkdownReport } from './markdownPreview';
import { svgWorkerRenderer } from './svgWorkerRenderer';

export async function previewReportCommand(
  deps: HistoryToolDependencies,
  storage: vscode.Uri,
  extensionUri: vscode.Uri,
  argument: unknown,
): Promise<vscode.Uri | undefined> {
  const repository = await pickRepository(argument, deps.repositories, 'Report for which repository?');
  if (!repository) return undefined;
  const tools = await repositoryTools(deps, repository.root);
  if (!tools.cli) {
    void showErrorWithLog(
      deps.log,
      'DVC Lens: the report needs DVC, which was not found. Choose a DVC executable or install DVC.',
    );
    return undefined;
  }
  const base = stringField(argument, 'base') ?? (await pickBase(tools.git.refNames().catch(() => [])));
  if (!base) return undefined;
  const cli = tools.cli;
  const renderer = svgWorkerRenderer(vscode.Uri.joinPath(extensionUri, 'dist', 'reportSvgWorker.js').fsPath);
  try {
    const file = reportFile(storage, `report-${repository.workspaceFolder.name}-vs-${base}`);
    const markdown = await withCancellableProgress(
      `DVC Lens: Building the report against ${base}`,
      (signal) =>
        buildDvcReport(cli, {
          base,
          directions: metricDirectionsSetting(),
          plots: { folder: plotsFolderFor(file.fsPath), renderSvg: renderer.render },
          signal,
        }),
    );
    return await showMarkdownReport(file, markdown);
  } catch (error) {
    if (!isCancellation(error))
      void showErrorWithLog(
        deps.log,
        `DVC Lens: could not build the report against ${base}: ${errorText(error)}`,
      );
    return undefined;
  } finally {
    renderer.dispose();
  }
}

async function pickBase(refs: Promise<string[]>): Promise<string | undefined> {
  const items = [
    { label: 'HEAD', description: 'the last commit: what the workspace changes' },
    { label: 'HEAD~1', description: 'the commit before the last' },
    ...(await refs).map((ref) => ({ label: ref, description: '' })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Compare the workspace against which ref?',
    matchOnDescription: true,
  });
  return picked?.label;
}
