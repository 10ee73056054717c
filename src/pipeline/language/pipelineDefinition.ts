/**
 * Go to definition in dvc.yaml: a dep, out, metrics or plots path opens the file; a params key opens its
 * params file at the key.
 */
import * as vscode from 'vscode';
import type { StageItem } from '../../core/pipeline';
import { findParamKeyRange, paramsFormatOf } from '../../core/pipeline/analysis';
import { toVscodeRange } from '../pipelineDiagnostics';
import { containsPosition, type DocumentPipelines } from './documentPipeline';
import type { DvcYamlLanguageDependencies } from './languageDependencies';
import { readWorkspaceText } from './workspaceText';

const remoteOrAbsolute = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-zA-Z]:[\\/])/i;

export class PipelineDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly deps: DvcYamlLanguageDependencies,
    private readonly documents: DocumentPipelines,
  ) {}

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Location | undefined> {
    const found = await this.documents.pipelineOf(document);
    if (!found) return undefined;
    const items = [...found.pipeline.stages.flatMap((stage) => stage.items), ...(found.pipeline.plots ?? [])];
    const item = items.find(
      (candidate) =>
        candidate.kind !== 'cmd' &&
        candidate.path !== undefined &&
        !candidate.path.includes('${') &&
        containsPosition(candidate.range, position),
    );
    if (!item?.path || remoteOrAbsolute.test(item.path)) return undefined;
    const target = vscode.Uri.joinPath(found.folder, item.path);
    return new vscode.Location(target, await this.targetRange(item, target));
  }

  private async targetRange(item: StageItem, target: vscode.Uri): Promise<vscode.Range | vscode.Position> {
    const start = new vscode.Position(0, 0);
    if (item.kind !== 'param' || item.paramKey === undefined || item.path === undefined) return start;
    const text = await readWorkspaceText(target);
    const range =
      text === undefined ? undefined : findParamKeyRange(text, paramsFormatOf(item.path), item.paramKey);
    return range ? toVscodeRange(range) : start;
  }
}
