import * as vscode from 'vscode';
import type { PipelineProblem, SourceRange } from '../core/pipeline/model';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';

export function toVscodeRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

function toDiagnostic(problem: PipelineProblem): vscode.Diagnostic {
  const severity =
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, severity);
  diagnostic.source = 'DVC Lens';
  return diagnostic;
}

/** Publishes every pipeline problem in the Problems panel, at its file and line, after each refresh. */
export class PipelineDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dvcLens.pipeline');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly repositories: WorkspaceRepositories) {
    this.subscription = repositories.onDidChange(() => this.publish());
  }

  publish(): void {
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const repository of this.repositories.repositories) {
      for (const pipeline of repository.pipelines) {
        for (const problem of pipeline.problems) {
          const uri = vscode.Uri.joinPath(repository.root, problem.file);
          const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
          entry.diagnostics.push(toDiagnostic(problem));
          byFile.set(uri.toString(), entry);
        }
      }
    }
    this.collection.clear();
    for (const { uri, diagnostics } of byFile.values()) this.collection.set(uri, diagnostics);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
