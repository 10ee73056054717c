/**
 * "DVC Lens: Preview Report": the report the CI workflow would post, built here from `dvc metrics diff` and
 * `dvc params diff` of the workspace against a ref the person picks, with the plots' diff rendered to SVG
 * beside it, shown in the Markdown preview.
 * Argument (tests, other commands): `{ root?: Uri, base?: string }`; resolves to the report file's Uri.
 */
import * as vscode from 'vscode';
import { metricDirectionsSetting } from '../experiments';
import type { DvcCommandContext } from '../repository/command';
import { stringField } from '../remotes';
import { errorText } from '../ui/messages';
import { buildDvcReport, plotsFolderFor } from './dvcReport';
import { reportFile, showMarkdownReport } from './markdownPreview';
import { svgWorkerRenderer } from './svgWorkerRenderer';

/** The report of the runtime's repository (trust, repository and DVC come from the command runtime). */
export async function previewReportCommand(
  storage: vscode.Uri,
  extensionUri: vscode.Uri,
  { repository, dvc, git, args, progress }: DvcCommandContext,
): Promise<vscode.Uri | undefined> {
  const base = stringField(args[0], 'base') ?? (await pickBase(git.refNames().catch(() => [])));
  if (!base) return undefined;
  const renderer = svgWorkerRenderer(vscode.Uri.joinPath(extensionUri, 'dist', 'reportSvgWorker.js').fsPath);
  try {
    const file = reportFile(storage, `report-${repository.workspaceFolder.name}-vs-${base}`);
    const markdown = await progress.run(
      `Building the report against ${base}`,
      (signal) =>
        buildDvcReport(dvc, {
          base,
          directions: metricDirectionsSetting(),
          plots: { folder: plotsFolderFor(file.fsPath), renderSvg: renderer.render },
          signal,
        }),
      (error) => `DVC Lens: could not build the report against ${base}: ${errorText(error)}`,
    );
    return await showMarkdownReport(file, markdown);
  } finally {
    renderer.dispose();
  }
}

/** How the runtime runs Preview Report. */
export const previewReportOptions = {
  pickTitle: 'Report for which repository?',
  needsDvc: true,
  dvcMissing: 'DVC Lens: the report needs DVC, which was not found. Choose a DVC executable or install DVC.',
} as const;

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
