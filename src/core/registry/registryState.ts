/**
 * The registry's state from its tags, by GTO's rules (GTO 1.10): what `gto show` reports, computed in-process
 * so the Models view paints without starting Python and still reads in Restricted Mode. The integration test
 * compares `gtoShowSummary` with `gto show --json` on the same repository.
 *
 * GTO's rules, as its state is built: tags are read oldest first; deprecations belong to the artifact;
 * registrations and deregistrations to the version they name; a stage tag to the registered version at its
 * commit, else to an unregistered version named by the commit. Each version's commit, and the artifacts
 * declared at HEAD, add a "commit" event dated by the commit. Something is "in effect" when its newest
 * event says so (for equal dates, the later in GTO's order wins, which the ordering here keeps).
 */
import { parseRegistryTagName } from './gtoTagName';
import type {
  DeclaredArtifact,
  RegistryArtifact,
  RegistryState,
  RegistryTag,
  RegistryVersion,
} from './registryTypes';
import { compareVersionTexts } from './semver';

type EventKind =
  'creation' | 'deprecation' | 'registration' | 'deregistration' | 'assignment' | 'unassignment' | 'commit';

interface RegistryEvent {
  readonly kind: EventKind;
  readonly at: number;
  readonly tag?: RegistryTag;
}

interface StageEvents {
  readonly assignments: RegistryEvent[];
  readonly unassignments: RegistryEvent[];
}

interface VersionBuild {
  readonly version: string;
  readonly commit: string;
  readonly registrations: RegistryEvent[];
  readonly deregistrations: RegistryEvent[];
  readonly commits: RegistryEvent[];
  readonly stages: Map<string, StageEvents>;
}

interface ArtifactBuild {
  readonly name: string;
  readonly creations: RegistryEvent[];
  readonly deprecations: RegistryEvent[];
  readonly versions: VersionBuild[];
}

/** The commit HEAD points to, with its committer date: artifacts declared there count as seen. */
export interface HeadCommit {
  readonly sha: string;
  readonly committedAt: number;
}

export interface RegistryInput {
  readonly tags: readonly RegistryTag[];
  readonly declared: readonly DeclaredArtifact[];
  readonly head?: HeadCommit;
}

export function buildRegistryState({ tags, declared, head }: RegistryInput): RegistryState {
  const artifacts = new Map<string, ArtifactBuild>();
  const artifact = (name: string): ArtifactBuild => {
    let found = artifacts.get(name);
    if (!found) {
      found = { name, creations: [], deprecations: [], versions: [] };
      artifacts.set(name, found);
    }
    return found;
  };
  const parsed = [...tags]
    .sort((a, b) => (a.taggedAt ?? 0) - (b.taggedAt ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((tag) => {
      const name = parseRegistryTagName(tag.name);
      return name ? [{ tag, name }] : [];
    });
  const eventOf = (kind: EventKind, tag: RegistryTag): RegistryEvent => ({
    kind,
    at: tag.taggedAt ?? 0,
    tag,
  });
  // GTO's three passes: artifacts, then versions, then stages (a stage tag finds the version registered).
  for (const { tag, name } of parsed) {
    if (name.action === 'deprecate') artifact(name.artifact).deprecations.push(eventOf('deprecation', tag));
    if (name.action === 'create') artifact(name.artifact).creations.push(eventOf('creation', tag));
  }
  for (const { tag, name } of parsed) {
    if (name.action !== 'register' && name.action !== 'deregister') continue;
    const owner = artifact(name.artifact);
    const version = versionNamed(owner, name.version ?? tag.commit, tag.commit);
    if (name.action === 'register') version.registrations.push(eventOf('registration', tag));
    else version.deregistrations.push(eventOf('deregistration', tag));
  }
  for (const { tag, name } of parsed) {
    if ((name.action !== 'assign' && name.action !== 'unassign') || !name.stage) continue;
    const version = versionAtCommit(artifact(name.artifact), tag.commit);
    const stage = version.stages.get(name.stage) ?? { assignments: [], unassignments: [] };
    version.stages.set(name.stage, stage);
    if (name.action === 'assign') stage.assignments.push(eventOf('assignment', tag));
    else stage.unassignments.push(eventOf('unassignment', tag));
  }
  const committedAt = new Map(tags.map((tag) => [tag.commit, tag.committedAt]));
  for (const build of artifacts.values())
    for (const version of build.versions) {
      const at = committedAt.get(version.commit);
      if (at !== undefined) version.commits.push({ kind: 'commit', at });
    }
  if (head)
    for (const declaration of declared) {
      const version = versionAtCommit(artifact(declaration.name), head.sha);
      version.commits.push({ kind: 'commit', at: head.committedAt });
    }

  const declarations = new Map(declared.map((declaration) => [declaration.name, declaration]));
  const built = [...artifacts.values()].map((build) => describeArtifact(build, declarations.get(build.name)));
  // GTO's stage columns come from every artifact, deprecated ones included.
  const stages = [...new Set(built.flatMap((item) => item.stageNames))].sort();
  const tagsByCommit = new Map<string, string[]>();
  for (const { tag } of parsed)
    tagsByCommit.set(tag.commit, [...(tagsByCommit.get(tag.commit) ?? []), tag.name]);
  return {
    artifacts: built.map(({ artifact: item }) => item).sort((a, b) => (a.name < b.name ? -1 : 1)),
    stages,
    tagsByCommit,
  };
}

/** What `gto show --json` prints for the state (active artifacts; a stage with no version is null). */
export type GtoShowSummary = Record<
  string,
  {
    readonly version: string | null;
    readonly stage: Record<string, string | null>;
    readonly registered: boolean;
    readonly active: boolean;
  }
>;

export function gtoShowSummary(state: RegistryState): GtoShowSummary {
  const summary: GtoShowSummary = {};
  for (const item of state.artifacts) {
    if (item.deprecated) continue;
    summary[item.name] = {
      version: item.latest ?? null,
      stage: Object.fromEntries(state.stages.map((stage) => [stage, item.stages[stage] ?? null])),
      registered: item.registered,
      active: !item.deprecated,
    };
  }
  return summary;
}

interface Described {
  readonly artifact: RegistryArtifact;
  readonly stageNames: readonly string[];
}

function describeArtifact(build: ArtifactBuild, declaration: DeclaredArtifact | undefined): Described {
  const events = [
    ...build.creations,
    ...build.deprecations,
    ...build.versions.flatMap((version) => newestFirst(versionEvents(version))),
  ];
  const newest = latestOf(events);
  const active = newest !== undefined && newest.kind !== 'deprecation';
  const registered = events.some((event) => event.kind !== 'commit');
  const inEffect = build.versions.filter(
    (version) => versionActive(version) && (isRegistered(version) || !hasDirectEvents(version)),
  );
  const latest = inEffect
    .filter(isRegistered)
    .map((version) => version.version)
    .sort(compareVersionTexts)
    .at(-1);
  const stages = currentStages(inEffect);
  const versions: RegistryVersion[] = build.versions
    .filter((version) => versionEvents(version).some((event) => event.kind !== 'commit'))
    .map((version) => describeVersion(version, stages))
    .sort((a, b) => compareVersionTexts(b.version, a.version));
  const artifact: RegistryArtifact = {
    name: build.name,
    ...(declaration ? { declaration } : {}),
    registered,
    deprecated: !active,
    versions,
    ...(latest ? { latest } : {}),
    stages,
  };
  return { artifact, stageNames: Object.keys(stages) };
}

function describeVersion(version: VersionBuild, stages: Readonly<Record<string, string>>): RegistryVersion {
  const authoring = authoringEvent(version)?.tag;
  return {
    version: version.version,
    commit: version.commit,
    registered: isRegistered(version),
    active: versionActive(version),
    ...(authoring?.name ? { tag: authoring.name } : {}),
    ...(authoring?.author ? { author: authoring.author } : {}),
    ...(authoring?.authorEmail ? { authorEmail: authoring.authorEmail } : {}),
    ...(authoring?.taggedAt !== undefined ? { createdAt: authoring.taggedAt } : {}),
    stages: Object.entries(stages)
      .filter(([, name]) => name === version.version)
      .map(([stage]) => stage),
  };
}

/**
 * stage → version, as `gto show` orders assignments by default (by time): every stage assignment in effect
 * on a version in effect, the newest assignment of a stage wins.
 */
function currentStages(versions: readonly VersionBuild[]): Record<string, string> {
  const byCreation = newestFirst(
    versions.map((version) => ({ version, at: authoringEvent(version)?.at ?? 0 })),
  ).map(({ version }) => version);
  const assignments = byCreation.flatMap((version) =>
    [...version.stages]
      .flatMap(([stage, events]) => {
        const newest = latestOf([...events.assignments, ...events.unassignments]);
        return newest?.kind === 'assignment' ? [{ stage, version: version.version, at: newest.at }] : [];
      })
      .sort((a, b) => a.at - b.at),
  );
  const stages: Record<string, string> = {};
  for (const assignment of newestFirst(assignments))
    if (!(assignment.stage in stages)) stages[assignment.stage] = assignment.version;
  return stages;
}

function versionNamed(build: ArtifactBuild, name: string, commit: string): VersionBuild {
  const found = build.versions.find(
    (version) => version.version === name && version.commit === commit && hasDirectEvents(version),
  );
  return found ?? newVersion(build, name, commit);
}

/** The registered version at `commit`; GTO makes a new unregistered one (named by the commit) otherwise. */
function versionAtCommit(build: ArtifactBuild, commit: string): VersionBuild {
  return (
    build.versions.find((version) => version.commit === commit && hasDirectEvents(version)) ??
    newVersion(build, commit, commit)
  );
}

function newVersion(build: ArtifactBuild, version: string, commit: string): VersionBuild {
  const created: VersionBuild = {
    version,
    commit,
    registrations: [],
    deregistrations: [],
    commits: [],
    stages: new Map(),
  };
  build.versions.push(created);
  return created;
}

function hasDirectEvents(version: VersionBuild): boolean {
  return version.registrations.length + version.deregistrations.length > 0;
}

function isRegistered(version: VersionBuild): boolean {
  return version.registrations.length > 0;
}

function versionActive(version: VersionBuild): boolean {
  const direct = latestOf([...byTime(version.registrations), ...byTime(version.deregistrations)]);
  if (direct) return direct.kind === 'registration';
  return versionEvents(version).length > 0;
}

function stageEvents(version: VersionBuild): RegistryEvent[] {
  return [...version.stages.values()].flatMap((events) =>
    newestFirst([...events.assignments, ...events.unassignments]),
  );
}

function versionEvents(version: VersionBuild): RegistryEvent[] {
  return [
    ...byTime(version.registrations),
    ...byTime(version.deregistrations),
    ...byTime(version.commits),
    ...stageEvents(version),
  ];
}

/** GTO's "authoring event": the newest registration, else the newest stage event, else its commit. */
function authoringEvent(version: VersionBuild): RegistryEvent | undefined {
  const direct = newestFirst([...byTime(version.registrations), ...byTime(version.deregistrations)]);
  const addition = direct.find((event) => event.kind === 'registration');
  if (addition) return addition;
  const indirect = newestFirst([...byTime(version.commits), ...stageEvents(version)]);
  return indirect.find((event) => event.kind !== 'commit') ?? indirect[0];
}

function byTime<T extends { readonly at: number }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.at - b.at);
}

/** Python's `sorted(key=time)[::-1]`: newest first, and for equal times the later one first. */
function newestFirst<T extends { readonly at: number }>(items: readonly T[]): T[] {
  return byTime(items).reverse();
}

function latestOf(events: readonly RegistryEvent[]): RegistryEvent | undefined {
  return newestFirst(events)[0];
}
