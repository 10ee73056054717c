/**
 * Offsets to 0-based (line, character) positions. The yaml package reports offsets; VS Code wants lines and
 * characters, so each parsed text gets one index of line starts, searched in O(log lines) per lookup.
 */
import type { SourceRange } from './model';

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(private readonly text: string) {
    for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) {
      this.lineStarts.push(offset + 1);
    }
  }

  /** The 0-based line and character of an offset (clamped to the text). */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Readers mostly move forward through the text: try the line of the last answer and the next one first.
    const hint = this.lastLine;
    for (let line = hint; line <= hint + 1 && line < this.lineStarts.length; line++) {
      const start = this.lineStarts[line] ?? 0;
      const next = this.lineStarts[line + 1] ?? Infinity;
      if (start <= clamped && clamped < next) {
        this.lastLine = line;
        return { line, character: clamped - start };
      }
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  range(startOffset: number, endOffset: number): SourceRange {
    const start = this.position(startOffset);
    const end = this.position(Math.max(startOffset, endOffset));
    return {
      startLine: start.line,
      startCharacter: start.character,
      endLine: end.line,
      endCharacter: end.character,
    };
  }

  /** The range of a parsed node (its value, without trailing comments), or the start of the file. */
  rangeOf(node: { range?: readonly [number, number, number] | null } | null | undefined): SourceRange {
    const range = node?.range;
    return range ? this.range(range[0], range[1]) : this.range(0, 0);
  }

  /** The whole line holding an offset, for errors whose extent the parser does not know. */
  lineRange(offset: number): SourceRange {
    const { line } = this.position(offset);
    const start = this.lineStarts[line] ?? 0;
    const next = this.lineStarts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.range(start, Math.max(start, end));
  }
}

export const startOfFile: SourceRange = { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };
