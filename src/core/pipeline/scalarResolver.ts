/**
 * Interpolates the scalars of one stage and reports what fails at the place it is written: the `${...}`
 * itself when it can be found in the text, otherwise the whole scalar.
 */
import type { Node, Scalar } from 'yaml';
import { interpolate, type InterpolationMatch, type InterpolationScope } from './interpolation';
import type { SourceRange } from './model';
import { isComposite, pythonStr, type ParamValue } from './paramValue';
import type { PipelineDocument } from './pipelineDocument';
import type { ProblemCollector } from './problemCollector';
import { scalarToParamValue } from './yamlToParamValue';

export class ScalarResolver {
  constructor(
    private readonly source: PipelineDocument,
    private readonly problems: ProblemCollector,
    private readonly scope: InterpolationScope,
    /** How messages name the owner: `Stage "train"`, `Top-level 'plots'`. */
    private readonly owner: string,
    private readonly reportProblems: boolean,
  ) {}

  /** The resolved text of a scalar; on failure the problem is reported and the raw text is returned. */
  text(node: Scalar, field: string | undefined): string {
    const value = this.value(node, field);
    if (value === undefined) return String(node.value);
    return isComposite(value) ? String(node.source ?? node.value) : pythonStr(value);
  }

  /** The resolved value of a scalar (keeping its type when it is exactly one `${...}`), or undefined. */
  value(node: Scalar, field: string | undefined): ParamValue | undefined {
    if (typeof node.value !== 'string') return scalarToParamValue(node);
    const result = interpolate(node.value, this.scope, field);
    if (result.ok) return result.value;
    if (this.reportProblems) {
      const expression = result.match ? `'\${${result.match.expression}}'` : 'a value';
      const where = field === undefined ? '' : ` in '${field}'`;
      this.problems.error(
        `${this.owner}: cannot resolve ${expression}${where}: ${result.message}`,
        this.rangeOf(node, result.match),
        {
          dedupeKey: `${field ?? ''}\n${result.message}`,
        },
      );
    }
    return undefined;
  }

  rangeOf(node: Node, match?: InterpolationMatch): SourceRange {
    return expressionRange(this.source, node, match);
  }
}

/** The `${...}` that failed when it can be found inside the node's text, otherwise the whole node. */
export function expressionRange(
  source: PipelineDocument,
  node: Node,
  match?: InterpolationMatch,
): SourceRange {
  const range = node.range;
  if (match && range) {
    const written = `\${${match.expression}}`;
    const at = source.text.indexOf(written, range[0]);
    if (at !== -1 && at + written.length <= range[1]) return source.lines.range(at, at + written.length);
  }
  return source.lines.rangeOf(node);
}
