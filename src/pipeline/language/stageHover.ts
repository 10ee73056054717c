/** Hover on a stage's name in dvc.yaml: its status and why, and how its last run from DVC Lens went. */
import * as vscode from 'vscode';
import type { Stage } from '../../core/pipeline';
import { lastRunLine, stageStatusLine } from '../../core/status/stageStatusText';
import { containsPosition, type DocumentPipelines } from './documentPipeline';
import type { DvcYamlLanguageDependencies } from './languageDependencies';

/** Beyond this many generated stages the hover lists the first ones and counts the rest. */
const listedStages = 12;

export class StageHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly deps: DvcYamlLanguageDependencies,
    private readonly documents: DocumentPipelines,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const found = await this.documents.pipelineOf(document);
    const stages = found?.pipeline.stages.filter((stage) => containsPosition(stage.range, position)) ?? [];
    const first = stages[0];
    if (!found || !first) return undefined;
    const root = found.repository.root.toString();
    const markdown = new vscode.MarkdownString(undefined, true);
    for (const stage of stages.slice(0, listedStages))
      this.describe(markdown, root, stage, stages.length > 1);
    if (stages.length > listedStages)
      markdown.appendText(`… and ${stages.length - listedStages} more stages\n`);
    const range = new vscode.Range(
      first.range.startLine,
      first.range.startCharacter,
      first.range.endLine,
      first.range.endCharacter,
    );
    return new vscode.Hover(markdown, range);
  }

  private describe(markdown: vscode.MarkdownString, root: string, stage: Stage, named: boolean): void {
    const status = this.deps.statusOf?.(root, stage.qualifiedName);
    if (named) {
      markdown.appendMarkdown('**');
      markdown.appendText(stage.name);
      markdown.appendMarkdown('**: ');
    }
    // Stage names and reasons come from the workspace: appended as text, never as markdown.
    // Our own words with codicons: markdown (appendText would escape the icons).
    markdown.appendMarkdown(stageStatusLine(status ? { kind: status.kind, reasons: [] } : undefined));
    markdown.appendMarkdown('\n\n');
    for (const reason of status?.reasons ?? []) {
      markdown.appendMarkdown('- ');
      markdown.appendText(reason);
      markdown.appendMarkdown('\n');
    }
    const run = this.deps.lastRunOf?.(root, stage.qualifiedName);
    if (run) {
      markdown.appendText(lastRunLine(run));
      markdown.appendMarkdown('\n\n');
    }
    if (stage.description) {
      markdown.appendText(stage.description);
      markdown.appendMarkdown('\n\n');
    }
  }
}
