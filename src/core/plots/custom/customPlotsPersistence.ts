/**
 * Where custom plots live: one list per repository in a key-value store (the workspace's memento on the host,
 * a Map in tests), read back through a shape check, since a memento can hold what an older version wrote.
 */
import type { CustomPlotDefinition } from './customPlotDefinition';

/** The part of a VS Code Memento the records use. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

/** A definition before it has an id. */
export type CustomPlotDraft =
  | Omit<Extract<CustomPlotDefinition, { kind: 'scatter' }>, 'id'>
  | Omit<Extract<CustomPlotDefinition, { kind: 'parallel' }>, 'id'>;

const MAX_COLUMNS = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDefinition(value: unknown): value is CustomPlotDefinition {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.title !== 'string') return false;
  if (value.kind === 'scatter') return typeof value.x === 'string' && typeof value.y === 'string';
  return (
    value.kind === 'parallel' &&
    Array.isArray(value.columns) &&
    value.columns.length >= 2 &&
    value.columns.length <= MAX_COLUMNS &&
    value.columns.every((column) => typeof column === 'string')
  );
}

/** The definitions in what a store held; anything else (an older shape, a hand edit) is dropped. */
export function readCustomPlots(value: unknown): CustomPlotDefinition[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  return value.filter((item): item is CustomPlotDefinition => {
    if (!isDefinition(item) || seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/** `custom-<n>`, one past the highest used: a removed plot's id is not given to the next one at once. */
export function nextCustomPlotId(existing: readonly CustomPlotDefinition[]): string {
  const numbers = existing.map((plot) => Number(/^custom-(\d+)$/.exec(plot.id)?.[1] ?? 0));
  return `custom-${Math.max(0, ...numbers) + 1}`;
}

/** The custom plots of each repository (by root URI string). */
export class CustomPlotRecords {
  constructor(private readonly store: KeyValueStore) {}

  static key(root: string): string {
    return `dvcLens.plots.custom:${root}`;
  }

  list(root: string): CustomPlotDefinition[] {
    return readCustomPlots(this.store.get(CustomPlotRecords.key(root)));
  }

  async add(root: string, draft: CustomPlotDraft): Promise<CustomPlotDefinition> {
    const plots = this.list(root);
    const plot = { ...draft, id: nextCustomPlotId(plots) } as CustomPlotDefinition;
    await this.save(root, [...plots, plot]);
    return plot;
  }

  /** Replaces the plot with the same id; false when there is none. */
  async replace(root: string, plot: CustomPlotDefinition): Promise<boolean> {
    const plots = this.list(root);
    if (!plots.some((candidate) => candidate.id === plot.id)) return false;
    await this.save(
      root,
      plots.map((candidate) => (candidate.id === plot.id ? plot : candidate)),
    );
    return true;
  }

  async remove(root: string, id: string): Promise<boolean> {
    const plots = this.list(root);
    const kept = plots.filter((candidate) => candidate.id !== id);
    if (kept.length === plots.length) return false;
    await this.save(root, kept);
    return true;
  }

  private async save(root: string, plots: readonly CustomPlotDefinition[]): Promise<void> {
    // An empty list is removed rather than kept, so the memento holds nothing for repositories without plots.
    await this.store.update(CustomPlotRecords.key(root), plots.length > 0 ? plots : undefined);
  }
}

/** A title when the person gives none: `accuracy vs learning_rate`, or the axes joined. */
export function defaultTitle(kind: CustomPlotDefinition['kind'], labels: readonly string[]): string {
  if (kind === 'scatter') return `${labels[1] ?? 'y'} vs ${labels[0] ?? 'x'}`;
  return labels.join(' · ');
}
