/**
 * The keys DVC 3.67's dvc.yaml schema accepts (dvc/schema.py). DVC validates the file before interpolating
 * it and rejects any other key.
 */

export const topLevelKeys: ReadonlySet<string> = new Set([
  'stages',
  'vars',
  'params',
  'metrics',
  'plots',
  'artifacts',
  'datasets',
]);

export const stageKeys: ReadonlySet<string> = new Set([
  'cmd',
  'wdir',
  'deps',
  'params',
  'vars',
  'frozen',
  'meta',
  'desc',
  'always_changed',
  'outs',
  'metrics',
  'plots',
  'matrix',
]);

export const foreachStageKeys: ReadonlySet<string> = new Set(['foreach', 'do']);

const annotationKeys = ['desc', 'type', 'labels', 'meta'];

/** Options of an output written as `- path: {cache: false}` (outs and metrics). */
export const outputOptionKeys: ReadonlySet<string> = new Set([
  ...annotationKeys,
  'cache',
  'persist',
  'checkpoint',
  'remote',
  'push',
]);

/** Options of a stage plot written as `- path: {x: ..., y: ...}`. */
export const plotOptionKeys: ReadonlySet<string> = new Set([
  ...outputOptionKeys,
  'template',
  'x',
  'y',
  'x_label',
  'y_label',
  'title',
  'header',
]);

/** Options DVC requires to be booleans. */
export const booleanOptionKeys: ReadonlySet<string> = new Set([
  'cache',
  'persist',
  'checkpoint',
  'push',
  'header',
]);
