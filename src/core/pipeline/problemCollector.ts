/**
 * Gathers the problems of one pipeline read. Foreach and matrix templates are read once per generated
 * stage, so the same mistake would be found many times: a problem is kept once per (file, place, dedupe key).
 */
import type { PipelineProblem, ProblemSeverity, SourceRange } from './model';

export class ProblemCollector {
  readonly problems: PipelineProblem[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly defaultFile: string) {}

  error(message: string, range: SourceRange, options: { file?: string; dedupeKey?: string } = {}): void {
    this.add('error', message, range, options);
  }

  warning(message: string, range: SourceRange, options: { file?: string; dedupeKey?: string } = {}): void {
    this.add('warning', message, range, options);
  }

  private add(
    severity: ProblemSeverity,
    message: string,
    range: SourceRange,
    options: { file?: string; dedupeKey?: string },
  ): void {
    const file = options.file ?? this.defaultFile;
    const key = `${file}\n${range.startLine}:${range.startCharacter}\n${options.dedupeKey ?? message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ severity, message, file, range });
  }
}
