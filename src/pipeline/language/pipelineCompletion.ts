/**
 * Completion in dvc.yaml: in a stage's `params:` list the keys of params.yaml (in `- file: [...]`, the keys
 * of that file); in `deps:` the outs of the repository's other stages, written relative to the dvc.yaml's
 * folder. Paths ignore the stage's `wdir` (the line-based context does not know it).
 */
import * as vscode from 'vscode';
import {
  cursorContextAt,
  paramKeysOf,
  paramsFormatOf,
  pathRelativeTo,
  repositoryPath,
} from '../../core/pipeline/analysis';
import { folderOf } from '../../core/pipeline/pipelinePaths';
import { defaultParamsFile } from '../../core/pipeline/variablesContext';
import { relativePath } from '../../repository/workspaceScan';
import { repositoryOf } from './documentPipeline';
import type { DvcYamlLanguageDependencies } from './languageDependencies';
import { readWorkspaceText } from './workspaceText';

export class PipelineCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly deps: DvcYamlLanguageDependencies) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[]> {
    const context = cursorContextAt(document.getText(), position.line, position.character);
    if (context.kind !== 'paramsList' && context.kind !== 'depsList') return [];
    const replace = new vscode.Range(
      position.line,
      position.character - context.typed.length,
      position.line,
      position.character,
    );
    if (context.kind === 'paramsList') {
      const file = context.file ?? defaultParamsFile;
      const text = await readWorkspaceText(vscode.Uri.joinPath(document.uri, '..', file));
      if (text === undefined) return [];
      return paramKeysOf(text, paramsFormatOf(file)).map((key) => {
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
        item.detail = file;
        item.range = replace;
        return item;
      });
    }
    return this.dependencyItems(document, context.stage, replace);
  }

  private dependencyItems(
    document: vscode.TextDocument,
    stageKey: string,
    replace: vscode.Range,
  ): vscode.CompletionItem[] {
    const repository = repositoryOf(this.deps.repositories, document.uri);
    if (!repository) return [];
    const file = relativePath(repository.root, document.uri);
    const folder = folderOf(file);
    const items = new Map<string, vscode.CompletionItem>();
    for (const pipeline of repository.pipelines) {
      for (const stage of pipeline.stages) {
        if (pipeline.file === file && stage.definitionName === stageKey) continue;
        for (const output of stage.items) {
          if (output.kind !== 'out' && output.kind !== 'metric' && output.kind !== 'plot') continue;
          const path = repositoryPath(pipeline, output);
          if (path === undefined || path.includes('${')) continue;
          const written = pathRelativeTo(folder, path);
          if (items.has(written)) continue;
          const item = new vscode.CompletionItem(written, vscode.CompletionItemKind.File);
          item.detail = `written by stage ${stage.qualifiedName}`;
          item.range = replace;
          items.set(written, item);
        }
      }
    }
    return [...items.values()];
  }
}
