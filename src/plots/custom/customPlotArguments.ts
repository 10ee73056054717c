/** The argument objects of the custom plots commands, read from `unknown` (anyone can invoke a command). */
import type { CustomPlotKind } from '../../core/plots/custom/customPlotDefinition';
import { rootArgument } from '../plotsArguments';

export interface CustomPlotArgument {
  /** The repository's root as a URI string (given as a Uri, URI string or absolute path). */
  readonly root?: string;
  readonly id?: string;
  readonly kind?: CustomPlotKind;
  readonly x?: string;
  readonly y?: string;
  readonly columns?: readonly string[];
  readonly title?: string;
  /** Remove without the modal (tests). */
  readonly confirmed?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function customPlotArgument(value: unknown): CustomPlotArgument {
  if (!isRecord(value)) return {};
  const root = rootArgument(value);
  const kind = value.kind === 'scatter' || value.kind === 'parallel' ? value.kind : undefined;
  const columns = Array.isArray(value.columns)
    ? value.columns.filter((item): item is string => typeof item === 'string')
    : undefined;
  const fields = { id: text(value.id), x: text(value.x), y: text(value.y), title: text(value.title) };
  return {
    ...(root ? { root } : {}),
    ...(kind ? { kind } : {}),
    ...(columns ? { columns } : {}),
    ...Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)),
    ...(value.confirmed === true ? { confirmed: true } : {}),
  };
}

/** True when the argument says what the plot is (no quick picks needed). */
export function describesPlot(argument: CustomPlotArgument): boolean {
  return argument.x !== undefined || argument.y !== undefined || argument.columns !== undefined;
}
