/** Which parser reads a params file: DVC picks it by extension, and anything unknown is read as YAML. */
export type ParamsFormat = 'yaml' | 'json' | 'toml' | 'python';

export function paramsFormatOf(file: string): ParamsFormat {
  const extension = /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? '';
  if (extension === '.json') return 'json';
  if (extension === '.toml') return 'toml';
  if (extension === '.py') return 'python';
  return 'yaml';
}
