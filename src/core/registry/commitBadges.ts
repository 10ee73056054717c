/**
 * The registry badges of one commit, as the Experiments view, the table and History show them: the versions
 * registered there and still in effect (`clf@v0.1.0`), then the stages whose current version is there
 * (`clf#prod`), artifacts by name. Deprecated artifacts carry none.
 */
import type { RegistryState } from './registryTypes';

/** What the registry says about commits, by repository root (URI string) and sha; empty when nothing is known. */
export interface CommitBadgeSource {
  /** The badges to show on the commit (see commitBadges). */
  badges(root: string, sha: string): readonly string[];
  /** Every registry tag on the commit (for the stable naming rule, src/core/refs/stableRefName.ts). */
  tags(root: string, sha: string): readonly string[];
}

export function commitBadges(state: RegistryState | undefined, sha: string): string[] {
  if (!state || !state.tagsByCommit.has(sha)) return [];
  const versions: string[] = [];
  const stages: string[] = [];
  for (const artifact of state.artifacts) {
    if (artifact.deprecated) continue;
    for (const version of artifact.versions) {
      if (version.commit !== sha || !version.active) continue;
      if (version.registered) versions.push(`${artifact.name}@${version.version}`);
      for (const stage of version.stages) stages.push(`${artifact.name}#${stage}`);
    }
  }
  return [...versions, ...stages];
}

/** The badges as a description prefix: `clf@v0.1.0 clf#prod`. */
export function commitBadgesText(badges: readonly string[]): string {
  return badges.join(' ');
}
