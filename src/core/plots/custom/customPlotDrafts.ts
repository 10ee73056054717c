/**
 * A custom plot from what a command was given (`{ kind, x, y, columns, title }`, columns named by id,
 * `file:key` or key): the definition to save, or the sentence saying what is wrong with it.
 */
import type { CustomPlotDefinition, CustomPlotKind } from './customPlotDefinition';
import type { CustomPlotDraft } from './customPlotsPersistence';
import { defaultTitle } from './customPlotsPersistence';
import { columnLabel, parseColumnId, resolveColumn, type ExperimentColumn } from './experimentColumns';

export interface DraftRequest {
  readonly kind: CustomPlotKind;
  readonly x?: string;
  readonly y?: string;
  readonly columns?: readonly string[];
  readonly title?: string;
}

export type DraftResult = { readonly draft: CustomPlotDraft } | { readonly error: string };

/**
 * A name to a column id: known columns by any of their names; a full id the model does not have (yet) is
 * kept as it is (the card says when no experiment has it).
 */
function columnIdOf(columns: readonly ExperimentColumn[], name: string): string | undefined {
  return resolveColumn(columns, name)?.id ?? (parseColumnId(name) ? name : undefined);
}

export function draftOf(request: DraftRequest, columns: readonly ExperimentColumn[]): DraftResult {
  const names = request.kind === 'scatter' ? [request.x, request.y] : [...(request.columns ?? [])];
  if (request.kind === 'scatter' && (request.x === undefined || request.y === undefined))
    return { error: 'A scatter plot needs x and y.' };
  if (request.kind === 'parallel' && names.length < 2)
    return { error: 'Parallel coordinates need at least two columns.' };
  const ids: string[] = [];
  for (const name of names) {
    const id = name === undefined ? undefined : columnIdOf(columns, name);
    if (id === undefined)
      return {
        error: `'${name ?? ''}' is not a param or metric with numbers in the experiments (or names more than one: use file:key).`,
      };
    ids.push(id);
  }
  if (new Set(ids).size !== ids.length) return { error: 'A column is chosen twice.' };
  const labels = ids.map((id) => columnLabel(columns, id));
  const title = request.title?.trim() || defaultTitle(request.kind, labels);
  if (request.kind === 'scatter')
    return { draft: { kind: 'scatter', title, x: ids[0] ?? '', y: ids[1] ?? '' } };
  return { draft: { kind: 'parallel', title, columns: ids } };
}

/** An edited definition: the same id, the draft's content. */
export function withDraft(existing: CustomPlotDefinition, draft: CustomPlotDraft): CustomPlotDefinition {
  return { ...draft, id: existing.id };
}
