/**
 * Which template each plot of a dvc.yaml names. Needed because DVC 3.67.1 fails the whole `dvc plots diff`
 * (exit 255, nothing on stdout) when one plot names a template it does not know: "Template 'x' not found".
 * Knowing the plots and their templates, the service asks again for the other plots (`--targets`) and shows
 * the broken ones as error cards.
 */
import { parse } from 'yaml';

/** A plot definition of a dvc.yaml: its id as DVC prints it, and its `template` when it names one. */
export interface PlotDefinition {
  readonly id: string;
  readonly template?: string;
}

const UNKNOWN_TEMPLATE = /Template '([^']+)' not found/;

/** The template name of DVC's "Template 'x' not found" failure, if that is what `stderr` says. */
export function unknownTemplateOf(stderr: string): string | undefined {
  return UNKNOWN_TEMPLATE.exec(stderr)?.[1];
}

/** Top-level plots, then each stage's plots, as written (foreach/matrix stages are not expanded here). */
export function plotDefinitions(dvcYamlText: string): PlotDefinition[] {
  let document: unknown;
  try {
    document = parse(dvcYamlText);
  } catch {
    return [];
  }
  if (!isRecord(document)) return [];
  const definitions = entriesOf(document.plots);
  if (isRecord(document.stages))
    for (const stage of Object.values(document.stages))
      if (isRecord(stage)) definitions.push(...entriesOf(stage.plots));
  return definitions;
}

function entriesOf(list: unknown): PlotDefinition[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown): PlotDefinition[] => {
    if (typeof entry === 'string') return [{ id: entry }];
    if (!isRecord(entry)) return [];
    return Object.entries(entry).map(([id, options]) =>
      isRecord(options) && typeof options.template === 'string' ? { id, template: options.template } : { id },
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
