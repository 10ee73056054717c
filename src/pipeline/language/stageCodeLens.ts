/**
 * CodeLens above each stage of a dvc.yaml: its status, Run and Run downstream. A foreach/matrix template
 * gets one summary (`3 stages: 1 changed`) and Run for the whole group, never one lens set per generated
 * stage: a template can generate dozens, which would bury the line under lenses, and the hover on the
 * template's name lists every generated stage with its status.
 */
import * as vscode from 'vscode';
import type { Stage } from '../../core/pipeline';
import { stageGroupStatusLine, stageStatusLine } from '../../core/status/stageStatusText';
import { qualifiedStageName } from '../../core/pipeline/pipelinePaths';
import type { DocumentPipelines } from './documentPipeline';
import { pipelineCommandIds } from '../pipelineCommandIds';
import type { DvcYamlLanguageDependencies, ReproStageArguments } from './languageDependencies';

export class StageCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly deps: DvcYamlLanguageDependencies,
    private readonly documents: DocumentPipelines,
  ) {
    deps.disposables.register(this.changed);
    deps.disposables.register(deps.repositories.onDidChange(() => this.changed.fire()));
    if (deps.onDidChangeStatus) deps.disposables.register(deps.onDidChangeStatus(() => this.changed.fire()));
    deps.disposables.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const found = await this.documents.pipelineOf(document);
    if (!found) return [];
    const root = found.repository.root;
    const lenses: vscode.CodeLens[] = [];
    for (const group of groupByDefinition(found.pipeline.stages)) {
      const first = group[0];
      if (!first) continue;
      const range = new vscode.Range(first.range.startLine, 0, first.range.startLine, 0);
      const generated = group.length > 1 || first.name !== first.definitionName;
      const statuses = group.map((stage) => this.deps.statusOf?.(root.toString(), stage.qualifiedName));
      const title = generated ? stageGroupStatusLine(statuses) : stageStatusLine(statuses[0]);
      lenses.push(new vscode.CodeLens(range, { title, command: '' }));
      // Restricted Mode runs nothing, so it offers nothing to run.
      if (!vscode.workspace.isTrusted) continue;
      const target = generated
        ? qualifiedStageName(found.pipeline.file, first.definitionName)
        : first.qualifiedName;
      const args: ReproStageArguments = { root, stage: target };
      const run = generated ? `Run all ${group.length}` : 'Run';
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(play) ${run}`,
          command: pipelineCommandIds.reproStage,
          arguments: [args],
        }),
        new vscode.CodeLens(range, {
          title: 'Run downstream',
          tooltip: 'Run this stage and every stage that depends on it',
          command: pipelineCommandIds.reproDownstream,
          arguments: [args],
        }),
      );
    }
    return lenses;
  }
}

/** Stages by the key that defines them, in file order. */
export function groupByDefinition(stages: readonly Stage[]): Stage[][] {
  const groups = new Map<string, Stage[]>();
  for (const stage of stages) {
    const group = groups.get(stage.definitionName) ?? [];
    group.push(stage);
    groups.set(stage.definitionName, group);
  }
  return [...groups.values()];
}
