/**
 * `dvc gc` scopes and results. gc deletes every cache object the chosen scope does not reference, so the UI
 * must say, before DVC runs, exactly what is kept; the scopes and their sentences live here, next to the
 * arguments they become.
 */

export type GcScope = 'workspace' | 'branchesAndTags' | 'allCommits';

/** One choice of what gc keeps. */
export interface GcScopeChoice {
  readonly scope: GcScope;
  readonly label: string;
  /** What stays: shown in the pick and in the confirmation. */
  readonly keeps: string;
}

export const GC_SCOPES: readonly GcScopeChoice[] = [
  {
    scope: 'workspace',
    label: 'Workspace only',
    keeps: 'the data referenced by the .dvc files and dvc.lock in your workspace now',
  },
  {
    scope: 'branchesAndTags',
    label: 'Workspace, branch tips and tags',
    keeps: 'the data referenced by the workspace, by the latest commit of every git branch and by every tag',
  },
  {
    scope: 'allCommits',
    label: 'Workspace and all commits',
    keeps: 'the data referenced by the workspace and by every commit in the git history',
  },
];

export interface GcRequest {
  readonly scope: GcScope;
  /** `--cloud`: also delete unreferenced objects from the remote (default remote unless `remote`). */
  readonly cloud?: boolean;
  readonly remote?: string;
}

export function gcScopeChoice(scope: GcScope): GcScopeChoice {
  return GC_SCOPES.find((choice) => choice.scope === scope) ?? (GC_SCOPES[0] as GcScopeChoice);
}

/**
 * The arguments after `dvc`. `--force` is always there: DVC would otherwise prompt on a stdin we close, and
 * fail; callers pass a request only after the person confirmed.
 */
export function gcArguments(request: GcRequest): string[] {
  const scope =
    request.scope === 'allCommits'
      ? ['--all-commits']
      : request.scope === 'branchesAndTags'
        ? ['--all-branches', '--all-tags']
        : [];
  const cloud = request.cloud
    ? ['--cloud', ...(request.remote === undefined ? [] : remoteOption(request.remote))]
    : [];
  return ['gc', '--workspace', ...scope, ...cloud, '--force'];
}

/** `--remote <name>`, glued (`--remote=-u`) when the name would otherwise read as an option. */
function remoteOption(name: string): string[] {
  return name.startsWith('-') ? [`--remote=${name}`] : ['--remote', name];
}

/** What one gc removed, from "Removed N objects from repo cache." / "… from remote." lines. */
export interface GcSummary {
  readonly removedFromCache: number;
  readonly removedFromRemote: number;
}

export function parseGcSummary(output: string): GcSummary {
  let removedFromCache = 0;
  let removedFromRemote = 0;
  for (const match of output.matchAll(/^Removed (\d+) objects? from (.+?)\.?\s*$/gm)) {
    const count = Number(match[1]);
    if (/remote/.test(match[2] ?? '')) removedFromRemote += count;
    else removedFromCache += count;
  }
  return { removedFromCache, removedFromRemote };
}

export function gcMessage(summary: GcSummary, cloud: boolean): string {
  const objects = (count: number): string => `${count} ${count === 1 ? 'object' : 'objects'}`;
  const parts = [`removed ${objects(summary.removedFromCache)} from the local cache`];
  if (cloud) parts.push(`${objects(summary.removedFromRemote)} from the remote`);
  return `Garbage collection ${parts.join(' and ')}.`;
}
