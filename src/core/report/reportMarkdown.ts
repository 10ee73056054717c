/**
 * The metrics report as markdown: what `DVC Lens: Preview Report` shows, what `npm run report` writes and
 * what the generated CI workflow can post with CML. GitHub renders no colours in comments, so the direction
 * of a change is a symbol: 🟢 better, 🔴 worse, ⚪ changed with no known direction (arrows ▲ ▼ give the sign).
 */
import type { ExperimentValue } from '../experiments/experimentModel';
import { metricDirection } from '../experiments/metricDirection';
import { formatDelta, formatNumber } from '../experimentsTable/numberFormat';
import type { ReportChange } from './diffOutputs';

/** An image (a rendered plot) the report links; `path` relative to the report file. */
export interface ReportImage {
  readonly title: string;
  readonly path: string;
}

export interface ReportInput {
  /** The revision compared against, as the person named it (`main`, `origin/main`, a sha). */
  readonly base: string;
  /** What is compared: `workspace` or a revision. */
  readonly target: string;
  readonly metrics: readonly ReportChange[];
  readonly params: readonly ReportChange[];
  /** The `dvcLens.experiments.metricDirections` setting (`{ loss: 'lower' }`). */
  readonly directions?: Readonly<Record<string, unknown>>;
  readonly images?: readonly ReportImage[];
  /** Notes shown under the title, e.g. DVC's warnings about revisions it could not read. */
  readonly notes?: readonly string[];
}

export type ChangeVerdict = 'better' | 'worse' | 'neutral' | 'unchanged';

const verdictSymbols: Readonly<Record<ChangeVerdict, string>> = {
  better: '🟢',
  worse: '🔴',
  neutral: '⚪',
  unchanged: '',
};

/** Better or worse for a metric, given which way is good; neutral when no direction is known. */
export function changeVerdict(
  diff: number | undefined,
  direction: 'higher' | 'lower' | undefined,
): ChangeVerdict {
  if (diff === undefined || Number.isNaN(diff)) return 'neutral';
  if (diff === 0) return 'unchanged';
  if (!direction) return 'neutral';
  return diff > 0 === (direction === 'higher') ? 'better' : 'worse';
}

export function buildReportMarkdown(input: ReportInput): string {
  const lines = [`## DVC report: \`${inlineCode(input.target)}\` vs \`${inlineCode(input.base)}\``, ''];
  for (const note of input.notes ?? []) lines.push(`> ${escapeText(note)}`, '');
  lines.push('### Metrics', '');
  lines.push(...metricsTable(input.metrics, input.directions ?? {}), '');
  lines.push('### Params', '');
  lines.push(...paramsTable(input.params), '');
  if (input.images && input.images.length > 0) {
    lines.push('### Plots', '');
    for (const image of input.images)
      lines.push(
        `#### ${escapeText(image.title)}`,
        '',
        `![${escapeText(image.title)}](${encodeURI(image.path)})`,
        '',
      );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function metricsTable(
  changes: readonly ReportChange[],
  directions: Readonly<Record<string, unknown>>,
): string[] {
  if (changes.length === 0) return ['No metric changed.'];
  const rows = changes.map((change) => {
    const verdict =
      change.old === undefined || change.new === undefined
        ? 'unchanged'
        : changeVerdict(change.diff, metricDirection(change.file, change.key, directions));
    const delta =
      change.diff === undefined ? presence(change) : `${arrow(change.diff)}${formatDelta(change.diff)}`;
    return [change.file, change.key, cell(change.old), cell(change.new), delta, verdictSymbols[verdict]];
  });
  return table(['File', 'Metric', 'Base', 'New', 'Change', ''], rows);
}

function paramsTable(changes: readonly ReportChange[]): string[] {
  if (changes.length === 0) return ['No param changed.'];
  const rows = changes.map((change) => [
    change.file,
    change.key,
    cell(change.old),
    cell(change.new),
    change.diff === undefined ? presence(change) : formatDelta(change.diff),
  ]);
  return table(['File', 'Param', 'Base', 'New', 'Change'], rows);
}

function arrow(diff: number): string {
  if (diff > 0) return '▲ ';
  if (diff < 0) return '▼ ';
  return '';
}

/** Changes that are not a number difference: a key that appeared, disappeared, or a text that changed. */
function presence(change: ReportChange): string {
  if (change.old === undefined) return 'added';
  if (change.new === undefined) return 'removed';
  return 'changed';
}

function cell(value: ExperimentValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

/** Workspace text inside a table cell: pipes and newlines would break the table, markup must stay text. */
function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (character) => `\\${character}`);
}

function inlineCode(text: string): string {
  return text.replace(/`/g, "'");
}
