/** Generators of the hostile documents of issue 14, shared by the unit tests, the fuzz floor and the benchmark. */

/** The "billion laughs": `levels` levels of `width` aliases each to the level below. */
export function aliasBomb(levels: number, width: number, indent = ''): string {
  let text = `${indent}l0: &l0 [lol]\n`;
  for (let level = 1; level <= levels; level++)
    text += `${indent}l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]\n`;
  return text;
}

/** A dvc.yaml whose inline `vars` entry holds an alias bomb, with one ordinary stage. */
export function aliasBombDvcYaml(levels = 9, width = 9): string {
  return `vars:\n  - ${aliasBomb(levels, width, '    ').trimStart()}stages:\n  train:\n    cmd: echo train\n`;
}

/** A block mapping nested `depth` levels (`k: k: ... v`), written under `indent`. */
export function deepBlockMapping(depth: number, indent: string): string {
  let text = '';
  for (let level = 0; level < depth; level++)
    text += `${level === 0 ? '' : indent + ' '.repeat(2 * level)}k:\n`;
  return `${text}${indent}${' '.repeat(2 * depth)}v\n`;
}

/** A dvc.yaml whose `vars` nests `depth` levels deep, with one ordinary stage. */
export function deepVarsDvcYaml(depth: number): string {
  return `vars:\n  - ${deepBlockMapping(depth, '    ')}stages:\n  train:\n    cmd: echo train\n`;
}

/** JSON nested `depth` objects deep: `{"a":{"a":...1...}}`. */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A chain of `count` stages, each reading the previous one's output and a params key. */
export function manyStagesDvcYaml(count: number): string {
  const lines = ['stages:'];
  for (let index = 0; index < count; index++)
    lines.push(
      `  s${index}:`,
      `    cmd: python step.py ${index}`,
      '    deps:',
      `      - data/in${index}.csv`,
      `      - out/o${index - 1}.csv`,
      '    outs:',
      `      - out/o${index}.csv`,
      '    params:',
      `      - train.k${index % 50}`,
    );
  return `${lines.join('\n')}\n`;
}

/** A params.yaml of about `megabytes` MB: one section of many keys. */
export function largeParamsYaml(megabytes: number): string {
  const line = (index: number): string => `  key_${index}: ${index}\n`;
  const perLine = line(500_000).length;
  const count = Math.ceil((megabytes * 1024 * 1024) / perLine);
  const parts = ['train:\n'];
  for (let index = 0; index < count; index++) parts.push(line(index));
  return parts.join('');
}
