/**
 * Picks a revision to compare: the workspace, branches, tags, recent commits of HEAD and the repository's
 * experiments, or any text git or DVC understands (a sha, `HEAD~2`, an experiment name the list lacks).
 */
import * as vscode from 'vscode';
import type { GitCli } from '../../repository/processes';
import {
  allExperiments,
  type ExperimentRow,
  type ExperimentsModel,
} from '../../core/experiments/experimentModel';
import { WORKSPACE_REF } from './compareService';

interface RefItem extends vscode.QuickPickItem {
  readonly ref?: string;
}

/** The ref a row of the Experiments view or table stands for. */
export function rowRef(row: Pick<ExperimentRow, 'kind' | 'name' | 'rev'>): string {
  return row.kind === 'workspace' ? WORKSPACE_REF : (row.name ?? row.rev);
}

async function refItems(git: GitCli, model: ExperimentsModel | undefined, exclude: string | undefined) {
  const [named, commits] = await Promise.all([
    git.branchesAndTags().catch(() => []),
    git.recentCommits(20).catch(() => []),
  ]);
  const separator = (label: string): RefItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: RefItem[] = [
    { label: '$(edit) workspace', description: 'the files as they are now', ref: WORKSPACE_REF },
    separator('branches and tags'),
    ...named.map((ref) => ({
      label: `$(${ref.kind === 'tag' ? 'tag' : 'git-branch'}) ${ref.name}`,
      description: ref.sha.slice(0, 7),
      ref: ref.name,
    })),
    separator('recent commits'),
    ...commits.map((commit) => ({
      label: `$(git-commit) ${commit.sha.slice(0, 7)}`,
      description: commit.subject,
      ref: commit.sha,
    })),
    separator('experiments'),
    ...(model ? allExperiments(model) : [])
      .filter((row) => row.state !== 'queued')
      .map((row) => ({
        label: `$(beaker) ${row.label}`,
        description: row.rev.slice(0, 7),
        ref: rowRef(row),
      })),
  ];
  return items.filter((item) => item.ref === undefined || item.ref !== exclude);
}

/** Resolves to the picked (or typed) ref, undefined when dismissed. */
export async function pickRef(
  git: GitCli,
  model: ExperimentsModel | undefined,
  title: string,
  exclude?: string,
): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<RefItem>();
  pick.title = title;
  pick.placeholder = 'A branch, tag, commit or experiment; or type any revision';
  pick.matchOnDescription = true;
  pick.busy = true;
  let listed: RefItem[] = [];
  const typed = (): RefItem[] => {
    const text = pick.value.trim();
    return text && !text.startsWith('-')
      ? [{ label: text, description: 'use this revision', ref: text, alwaysShow: true }]
      : [];
  };
  const disposables = [pick.onDidChangeValue(() => (pick.items = [...listed, ...typed()]))];
  void refItems(git, model, exclude).then((items) => {
    listed = items;
    pick.items = [...listed, ...typed()];
    pick.busy = false;
  });
  pick.show();
  try {
    return await new Promise<string | undefined>((resolve) => {
      disposables.push(
        pick.onDidAccept(() => resolve(pick.selectedItems[0]?.ref)),
        pick.onDidHide(() => resolve(undefined)),
      );
    });
  } finally {
    for (const disposable of disposables) disposable.dispose();
    pick.dispose();
  }
}
