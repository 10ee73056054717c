/**
 * The one line a view of metrics shows when the workspace's or HEAD's metrics files are cached outputs not in
 * the local cache (a fresh clone): which files, with Pull on this repository. Judged on the workspace and HEAD,
 * what a plain Pull brings in. The Experiments and Metrics views show the same line.
 */
import type * as vscode from 'vscode';
import type { ExperimentsModel } from '../core/experiments/experimentModel';
import { filesNotInCache, notInCacheLine } from '../core/experiments/filesNotInCache';
import { remoteCommandIds } from './remoteCommandIds';

export interface PullNote {
  readonly kind: 'note';
  readonly id: string;
  readonly message: string;
  readonly icon: 'cloud-download';
  readonly command: string;
  readonly arguments: readonly [{ readonly root: vscode.Uri }];
}

export function metricsPullNote(model: ExperimentsModel | undefined, root: vscode.Uri): PullNote | undefined {
  const files = model ? filesNotInCache([model.workspace, model.commits[0]], { metricsOnly: true }) : [];
  if (files.length === 0) return undefined;
  return {
    kind: 'note',
    id: `notInCache|${root.toString()}`,
    message: `${notInCacheLine(files)}: click to Pull`,
    icon: 'cloud-download',
    command: remoteCommandIds.pull,
    arguments: [{ root }],
  };
}
