/**
 * `dvc plots diff <revs> --json` into a PlotsModel.
 *
 * DVC prints `{ data: { <plot id>: [entry...] }, errors?: [...] }`. A template plot has one entry
 * `{ type: 'vega', revisions, content: <Vega-Lite spec> }` whose `content.data.values` rows carry a `rev` field;
 * an image plot has one entry per revision `{ type: 'image', revisions: [rev], url: <written file> }`.
 * `errors` lists `{ name: <plot id>, rev, source, type, msg }` per failed source and revision (a file missing in
 * that revision, a file that is not valid JSON/CSV); a plot failing in every revision has no `data` entry.
 * With `--targets`, DVC prefixes ids with their dvc.yaml (`dvc.yaml::metrics/loss.csv`): we drop the prefix of
 * the root dvc.yaml so that ids stay the same either way. The parser never throws on shape.
 */
import { explainDvcFailure } from '../dvcFailure/explainDvcFailure';
import type { FailedPlot, Plot, PlotRevision, PlotsModel } from './plotModel';

/** Thrown when the output is not DVC's plots JSON at all. */
export class PlotsDiffShapeError extends Error {
  override readonly name = 'PlotsDiffShapeError';
}

interface PlotError {
  readonly rev: string;
  readonly message: string;
}

const ROOT_PREFIX = 'dvc.yaml::';

export function parsePlotsDiff(
  json: unknown,
  requested: readonly string[],
  definedPlots: readonly string[] = [],
): PlotsModel {
  // When nothing can be drawn DVC prints `{}` or only `errors` (no "data"): a state to show, not a crash.
  if (!isRecord(json) || (json.data !== undefined && !isRecord(json.data)))
    throw new PlotsDiffShapeError('dvc plots diff --json did not print an object with "data"');
  const data = isRecord(json.data) ? json.data : {};
  const errors = errorsByPlot(json.errors);
  const problems = namelessErrors(json.errors);
  // With `--targets <file>` DVC prints a file twice: its dvc.yaml definition (prefixed) and the bare file with
  // the default template. The definition wins, in the place the first of the two had.
  const plots = new Map<string, { plot: Plot; fromDefinition: boolean }>();
  for (const [rawId, entries] of Object.entries(data)) {
    const id = plotId(rawId);
    const fromDefinition = rawId !== id;
    if (!Array.isArray(entries) || (plots.get(id)?.fromDefinition ?? false)) continue;
    if (plots.has(id) && !fromDefinition) continue;
    const plot = parseEntries(id, entries, requested, errors.get(id) ?? []);
    if (plot) plots.set(id, { plot, fromDefinition });
  }
  for (const [id, failures] of errors)
    if (!plots.has(id))
      plots.set(id, {
        plot: failedPlot(id, requested, failures, failures[0]?.message ?? 'failed'),
        fromDefinition: false,
      });
  // Plots dvc.yaml defines that DVC said nothing about: DVC gave up on them (a reason without a plot name).
  const missingReason = problems[0] ?? 'DVC returned no data for this plot';
  for (const id of definedPlots)
    if (!plots.has(id) && (problems.length > 0 || Object.keys(data).length === 0))
      plots.set(id, { plot: failedPlot(id, requested, [], missingReason), fromDefinition: false });
  const model = { revisions: [...requested], plots: [...plots.values()].map((entry) => entry.plot) };
  return problems.length > 0 ? { ...model, problems } : model;
}

/** DVC's reasons that name no plot (`{"type": "DataIndexDirError", "msg": ...}`), each once. */
function namelessErrors(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const messages = value
    .filter((entry): entry is Record<string, unknown> => isRecord(entry) && typeof entry.name !== 'string')
    .map((entry) =>
      typeof entry.msg === 'string' && entry.msg
        ? entry.msg
        : typeof entry.type === 'string'
          ? entry.type
          : 'error',
    );
  return [...new Set(messages)];
}

/** A plot shown as an error card only, e.g. for a template DVC does not know. */
export function failedPlot(
  id: string,
  requested: readonly string[],
  failures: readonly PlotError[],
  message: string,
): FailedPlot {
  const revisions = requested.map((rev): PlotRevision => {
    const failure = failures.find((candidate) => candidate.rev === rev);
    return { rev, state: 'error', points: 0, error: failure?.message ?? message };
  });
  // Data not in the local cache is a state with an action (Pull), and DVC's own reason stays visible.
  const missing = explainDvcFailure(message);
  if (missing.kind !== 'dataMissing') return { kind: 'failed', id, title: id, message, revisions };
  const what = missing.subject ? ` (${missing.subject})` : '';
  return {
    kind: 'failed',
    id,
    title: id,
    message: `Data not in the local cache${what}: Pull brings it in. DVC: ${message}`,
    revisions,
    dataNotInCache: true,
  };
}

function parseEntries(
  id: string,
  entries: readonly unknown[],
  requested: readonly string[],
  failures: readonly PlotError[],
): Plot | undefined {
  const records = entries.filter(isRecord);
  const vega = records.find((entry) => entry.type === 'vega' && isRecord(entry.content));
  if (vega && isRecord(vega.content)) {
    const spec = vega.content;
    const counts = pointsPerRevision(spec);
    const present = stringList(vega.revisions);
    const revisions = requested.map((rev) =>
      revisionOf(rev, present.includes(rev), failures, { points: counts.get(rev) ?? 0 }),
    );
    return { kind: 'template', id, title: titleOf(spec) ?? id, spec, revisions };
  }
  const images = new Map<string, string>();
  for (const entry of records) {
    if (entry.type !== 'image' || typeof entry.url !== 'string') continue;
    for (const rev of stringList(entry.revisions)) images.set(rev, entry.url);
  }
  if (images.size === 0) return undefined;
  const revisions = requested.map((rev) => {
    const imagePath = images.get(rev);
    return revisionOf(rev, imagePath !== undefined, failures, {
      points: 0,
      ...(imagePath ? { imagePath } : {}),
    });
  });
  return { kind: 'image', id, title: id, revisions };
}

function revisionOf(
  rev: string,
  present: boolean,
  failures: readonly PlotError[],
  extra: { readonly points: number; readonly imagePath?: string },
): PlotRevision {
  const failure = failures.find((candidate) => candidate.rev === rev);
  if (failure) return { rev, state: 'error', points: 0, error: failure.message };
  if (!present) return { rev, state: 'missing', points: 0 };
  return { rev, state: 'ok', ...extra };
}

/** Rows of `data.values` per `rev` (multi-file plots have one row per file and step, all counted). */
function pointsPerRevision(spec: Record<string, unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  const values = isRecord(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : [];
  for (const row of values) {
    if (!isRecord(row) || typeof row.rev !== 'string') continue;
    counts.set(row.rev, (counts.get(row.rev) ?? 0) + 1);
  }
  return counts;
}

function titleOf(spec: Record<string, unknown>): string | undefined {
  if (typeof spec.title === 'string') return spec.title;
  if (isRecord(spec.title) && typeof spec.title.text === 'string') return spec.title.text;
  return undefined;
}

function errorsByPlot(value: unknown): Map<string, PlotError[]> {
  const byPlot = new Map<string, PlotError[]>();
  if (!Array.isArray(value)) return byPlot;
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.rev !== 'string') continue;
    const id = plotId(entry.name);
    const message = typeof entry.msg === 'string' && entry.msg ? entry.msg : 'DVC could not read this plot';
    const known = byPlot.get(id) ?? [];
    if (!known.some((failure) => failure.rev === entry.rev))
      byPlot.set(id, [...known, { rev: entry.rev, message }]);
  }
  return byPlot;
}

function plotId(raw: string): string {
  return raw.startsWith(ROOT_PREFIX) ? raw.slice(ROOT_PREFIX.length) : raw;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
