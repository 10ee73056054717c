/**
 * Problems of `.dvc` files (and dvc.lock files) that cannot be read, in the Problems panel at their line
 * (collection `dvcLens.data`), next to the error node the Data view shows for them.
 */
import * as vscode from 'vscode';
import type { DataModel } from './dataModel';

export class DataDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dvcLens.data');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: DataModel) {
    this.subscription = model.onDidChange(() => this.update());
    this.update();
  }

  /** The diagnostics currently published for a file (for tests). */
  diagnosticsFor(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private update(): void {
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const repository of this.model.all)
      for (const problem of repository.data.problems) {
        const uri = vscode.Uri.joinPath(repository.root, problem.file);
        const line = Math.max(0, problem.line - 1);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
          `${problem.message} (DVC cannot read this file)`,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'DVC Lens';
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(diagnostic);
        byFile.set(uri.toString(), entry);
      }
    this.collection.clear();
    for (const { uri, diagnostics } of byFile.values()) this.collection.set(uri, diagnostics);
  }
}
