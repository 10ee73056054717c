import * as vscode from 'vscode';
import type { PipelineProblem, SourceRange } from '../core/pipeline/model';
import type { Repository } from '../repository/repository';
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

/** Problems found across files or stages (missing deps, params keys, cycles), computed after parsing. */
export type ExtraProblemSource = (repository: Repository) => Promise<readonly PipelineProblem[]>;

/**
 * Publishes every pipeline problem in the Problems panel, at its file and line, after each refresh: the
 * parser's problems at once, then those of the extra sources (which may read files) when they are ready.
 */
export class PipelineDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dvcLens.pipeline');
  private readonly subscription: vscode.Disposable;
  private readonly extraSources: ExtraProblemSource[] = [];
  private generation = 0;

  constructor(private readonly repositories: WorkspaceRepositories) {
    this.subscription = repositories.onDidChange(() => void this.publish());
  }

  addSource(source: ExtraProblemSource): void {
    this.extraSources.push(source);
  }

  async publish(): Promise<void> {
    const generation = ++this.generation;
    const parsed = this.repositories.repositories.map((repository) => ({
      repository,
      problems: repository.pipelines.flatMap((pipeline) => pipeline.problems),
    }));
    this.show(parsed);
    if (this.extraSources.length === 0) return;
    const withExtra = await Promise.all(
      parsed.map(async ({ repository, problems }) => {
        const extra = await Promise.all(
          this.extraSources.map((source) => source(repository).catch(() => [] as readonly PipelineProblem[])),
        );
        return { repository, problems: [...problems, ...extra.flat()] };
      }),
    );
    // A newer publish started while the extra sources ran: its result is the current one.
    if (generation === this.generation) this.show(withExtra);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private show(entries: readonly { repository: Repository; problems: readonly PipelineProblem[] }[]): void {
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const { repository, problems } of entries) {
      for (const problem of problems) {
        const uri = vscode.Uri.joinPath(repository.root, problem.file);
        const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(toDiagnostic(problem));
        byFile.set(uri.toString(), entry);
      }
    }
    this.collection.clear();
    for (const { uri, diagnostics } of byFile.values()) this.collection.set(uri, diagnostics);
  }
}
