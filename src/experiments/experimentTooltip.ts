/**
 * Plain-text tooltips of experiment rows (plain strings, never Markdown: names and values come from the
 * workspace and must stay text).
 */
import type { ExperimentRow, ValuesByFile } from '../core/experiments/experimentModel';
import { formatExperimentValue } from '../core/experiments/headlineMetric';

const MAX_LINES_PER_SECTION = 30;

export function experimentTooltip(row: ExperimentRow): string {
  const lines: string[] = [row.kind === 'workspace' ? 'Workspace' : `${row.label}  (${row.rev.slice(0, 7)})`];
  if (row.state) lines.push(`State: ${row.state}`);
  if (row.timestamp) lines.push(`Created: ${row.timestamp.replace('T', ' ')}`);
  if (row.error) lines.push(`Error: ${row.error}`);
  section(lines, 'Metrics', row.metrics);
  section(lines, 'Params', row.params);
  for (const [file, message] of Object.entries(row.fileErrors)) lines.push(`${file}: ${message}`);
  return lines.join('\n');
}

function section(lines: string[], title: string, values: ValuesByFile): void {
  const entries = Object.entries(values).flatMap(([file, keys]) =>
    Object.entries(keys).map(([key, value]) => `  ${file}:${key} = ${formatExperimentValue(value)}`),
  );
  if (entries.length === 0) return;
  lines.push(`${title}:`, ...entries.slice(0, MAX_LINES_PER_SECTION));
  if (entries.length > MAX_LINES_PER_SECTION)
    lines.push(`  … ${entries.length - MAX_LINES_PER_SECTION} more`);
}

/** `0:42`, `12:05`, `1:02:03`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
