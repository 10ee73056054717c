/**
 * JSON as DVC prints it. DVC serializes with Python's `json` module, which writes the non-standard tokens
 * `NaN`, `Infinity` and `-Infinity` for such floats (a metric that diverged, a loss of `inf`); `JSON.parse`
 * rejects them. `parseCliJson` accepts them and is otherwise strict JSON.
 */

/** Thrown when DVC's output is not JSON even with the Python extensions; `position` is a character offset. */
export class CliJsonError extends Error {
  override readonly name = 'CliJsonError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Parses DVC's `--json` output into plain data (`NaN`/`Infinity`/`-Infinity` become those numbers). */
export function parseCliJson(text: string): unknown {
  try {
    // Fast path: almost every output is standard JSON, and the native parser is much faster than ours.
    return JSON.parse(text) as unknown;
  } catch {
    return new PythonJsonParser(text).parseDocument();
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
];
/** Deeper nesting than this is not DVC output; refusing it keeps a malicious file from overflowing the stack. */
const MAX_DEPTH = 512;

class PythonJsonParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('Unexpected text after the JSON value');
    return value;
  }

  private parseValue(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    this.skipWhitespace();
    const char = this.text[this.index];
    if (char === '{') return this.parseObject(depth);
    if (char === '[') return this.parseArray(depth);
    if (char === '"') return this.parseString();
    for (const [token, value] of LITERALS) {
      if (this.text.startsWith(token, this.index)) {
        this.index += token.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (match) {
      this.index += match[0].length;
      return Number(match[0]);
    }
    return this.fail(
      char === undefined ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(char)}`,
    );
  }

  private parseObject(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.index++;
    this.skipWhitespace();
    if (this.consume('}')) return result;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail('Expected a property name');
      const key = this.parseString();
      this.skipWhitespace();
      if (!this.consume(':')) this.fail('Expected ":"');
      // defineProperty, not assignment: a key named "__proto__" must stay data, as with JSON.parse.
      Object.defineProperty(result, key, {
        value: this.parseValue(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      if (this.consume('}')) return result;
      if (!this.consume(',')) this.fail('Expected "," or "}"');
    }
  }

  private parseArray(depth: number): unknown[] {
    const result: unknown[] = [];
    this.index++;
    this.skipWhitespace();
    if (this.consume(']')) return result;
    for (;;) {
      result.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      if (this.consume(']')) return result;
      if (!this.consume(',')) this.fail('Expected "," or "]"');
    }
  }

  private parseString(): string {
    const start = this.index;
    let end = start + 1;
    for (;;) {
      const char = this.text[end];
      if (char === undefined) this.fail('Unterminated string');
      if (char === '\\') end += 2;
      else if (char === '"') break;
      else end++;
    }
    this.index = end + 1;
    try {
      // The native parser decodes escapes exactly as JSON defines them.
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      return this.fail('Invalid string', start);
    }
  }

  private consume(char: string): boolean {
    if (this.text[this.index] !== char) return false;
    this.index++;
    return true;
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.index;
    WHITESPACE.exec(this.text);
    this.index = WHITESPACE.lastIndex;
  }

  private fail(message: string, position = this.index): never {
    throw new CliJsonError(`${message} at position ${position}`, position);
  }
}
