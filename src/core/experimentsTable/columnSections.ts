/**
 * Column groups nested the way params and metrics files are: the file, then each top-level section of it
 * (`train`, `prepare`, ...). A section folds to its first column (the others hidden until it unfolds); which
 * sections are folded is UI state (`collapsedGroups`, kept per workspace).
 */
import type { TableColumn } from '../protocols/experimentsTableProtocol';

/** A run of neighbouring shown columns of one section, as positions `[from, to)` in the shown list. */
export interface SectionRun {
  /** `params:params.yaml:train`, or the file group itself (`metrics:metrics.json`) for top-level keys. */
  readonly section: string;
  /** What the header says: `params.yaml › train`, `metrics.json`. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** The section a column belongs to: its file group, plus the first key segment when the key is nested. */
export function sectionOf(column: TableColumn): string {
  if (column.kind !== 'params' && column.kind !== 'metrics') return column.group;
  const dot = column.path.indexOf('.');
  return dot > 0 ? `${column.group}:${column.path.slice(0, dot)}` : column.group;
}

/** The header's words for a section: the file (without its kind), then `›` and the section. */
export function sectionLabel(column: TableColumn): string {
  const file = column.group.slice(column.group.indexOf(':') + 1);
  const section = sectionOf(column);
  return section === column.group ? file : `${file} › ${section.slice(column.group.length + 1)}`;
}

/** Runs of neighbouring columns of one section, for the grouped header. */
export function sectionRuns(columns: readonly TableColumn[], indexes: readonly number[]): SectionRun[] {
  const runs: { section: string; label: string; from: number; to: number }[] = [];
  indexes.forEach((index, position) => {
    const column = columns[index];
    const section = column ? sectionOf(column) : '';
    const last = runs[runs.length - 1];
    if (last && last.section === section && last.to === position) last.to = position + 1;
    else runs.push({ section, label: column ? sectionLabel(column) : '', from: position, to: position + 1 });
  });
  return runs;
}

/** The shown columns with each folded section reduced to its first column there. */
export function foldSections(
  columns: readonly TableColumn[],
  indexes: readonly number[],
  collapsed: ReadonlySet<string>,
): number[] {
  if (collapsed.size === 0) return [...indexes];
  const seen = new Set<string>();
  return indexes.filter((index) => {
    const column = columns[index];
    if (!column) return false;
    const section = sectionOf(column);
    if (!collapsed.has(section)) return true;
    if (seen.has(section)) return false;
    seen.add(section);
    return true;
  });
}
