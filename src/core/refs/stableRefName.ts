/**
 * THE naming rule for a commit that several refs point to, so a commit keeps one name between refreshes
 * (git lists refs in no order a person can rely on, and DVC picks whichever it meets first):
 * 1. local branches, 2. other tags (releases), 3. GTO version tags (`model@v1.2.0`), 4. other GTO tags
 * (stage assignments, deprecations); within a group by plain code-point order of the name, except that
 * version tags of one artifact put the highest version first. The first ref after ordering names the commit.
 */
import { parseRegistryTagName } from '../registry/gtoTagName';
import { compareVersionTexts } from '../registry/semver';

export interface CommitRef {
  readonly name: string;
  readonly kind: 'branch' | 'tag';
}

function group(ref: CommitRef): number {
  if (ref.kind === 'branch') return 0;
  const registry = parseRegistryTagName(ref.name);
  if (!registry) return 1;
  return registry.action === 'register' ? 2 : 3;
}

function compareRefs(a: CommitRef, b: CommitRef): number {
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  const left = parseRegistryTagName(a.name);
  const right = parseRegistryTagName(b.name);
  if (left?.version && right?.version && left.artifact === right.artifact)
    return compareVersionTexts(right.version, left.version);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The refs in the rule's order (a new array). */
export function orderCommitRefs(refs: readonly CommitRef[]): CommitRef[] {
  return [...refs].sort(compareRefs);
}

/** The commit's one name under the rule; undefined when no ref points to it. */
export function stableCommitName(refs: readonly CommitRef[]): string | undefined {
  return orderCommitRefs(refs)[0]?.name;
}

/**
 * The name a commit row shows when DVC named it by one of its registry tags (DVC takes whichever tag it meets,
 * so the name changed between refreshes): the stable rule's pick among the commit's registry tags. A branch or
 * other name DVC chose is kept (the rule puts those first anyway).
 */
export function stableRegistryName(dvcName: string | undefined, tags: readonly string[]): string | undefined {
  if (!dvcName || !parseRegistryTagName(dvcName)) return undefined;
  return stableCommitName([...new Set([dvcName, ...tags])].map((name) => ({ name, kind: 'tag' as const })));
}
