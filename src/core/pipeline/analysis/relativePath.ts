/** A repository-relative path as written in a dvc.yaml of another folder (`../data/x` when it must climb). */
import { joinPath } from '../pipelinePaths';

export function pathRelativeTo(folder: string, path: string): string {
  const from = joinPath(folder)
    .split('/')
    .filter((part) => part !== '');
  const to = joinPath(path)
    .split('/')
    .filter((part) => part !== '');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
