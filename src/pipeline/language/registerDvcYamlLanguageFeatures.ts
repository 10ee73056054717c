/** Registers the dvc.yaml editor features: CodeLens, hover, go to definition and completion. */
import * as vscode from 'vscode';
import { DocumentPipelines } from './documentPipeline';
import type { DvcYamlLanguageDependencies } from './languageDependencies';
import { PipelineCompletionProvider } from './pipelineCompletion';
import { PipelineDefinitionProvider } from './pipelineDefinition';
import { StageCodeLensProvider } from './stageCodeLens';
import { StageHoverProvider } from './stageHover';

// By name, not by language: a dvc.yaml is YAML whatever language id a user's file associations give it.
export const dvcYamlSelector: vscode.DocumentSelector = { pattern: '**/dvc.yaml' };

export function registerDvcYamlLanguageFeatures(deps: DvcYamlLanguageDependencies): void {
  const { disposables } = deps;
  const documents = disposables.register(new DocumentPipelines(deps.repositories));
  disposables.register(
    vscode.languages.registerCodeLensProvider(dvcYamlSelector, new StageCodeLensProvider(deps, documents)),
  );
  disposables.register(
    vscode.languages.registerHoverProvider(dvcYamlSelector, new StageHoverProvider(deps, documents)),
  );
  disposables.register(
    vscode.languages.registerDefinitionProvider(
      dvcYamlSelector,
      new PipelineDefinitionProvider(deps, documents),
    ),
  );
  disposables.register(
    vscode.languages.registerCompletionItemProvider(
      dvcYamlSelector,
      new PipelineCompletionProvider(deps),
      ' ',
      '-',
      '.',
    ),
  );
}
