/** The model registry's data, as the Models view, badges and actions read it (built by registryState.ts). */

/** One annotated git tag GTO would read: its name, the commit it points to and its tagger. */
export interface RegistryTag {
  readonly name: string;
  /** The commit the tag points to (peeled). */
  readonly commit: string;
  /** Tagger date, seconds since the epoch; undefined when unknown (a packed tag object read without git). */
  readonly taggedAt?: number;
  readonly author?: string;
  readonly authorEmail?: string;
  readonly message?: string;
  /** The commit's committer date, seconds since the epoch (GTO dates a version's commit with it). */
  readonly committedAt?: number;
}

/** An artifact as `artifacts:` of a dvc.yaml declares it. */
export interface DeclaredArtifact {
  /** GTO's name: `name` in the root's dvc.yaml, `folder:name` in a sub-folder's. */
  readonly name: string;
  /** The dvc.yaml, relative to the repository root, `/`-separated. */
  readonly file: string;
  readonly path?: string;
  readonly type?: string;
  readonly desc?: string;
  readonly labels: readonly string[];
  readonly meta?: unknown;
}

/** One version of an artifact: registered by a tag, or a commit that only a stage tag names. */
export interface RegistryVersion {
  /** `v1.2.0`, or the commit's sha for a version that was never registered. */
  readonly version: string;
  readonly commit: string;
  /** Registered by a `name@version` tag. */
  readonly registered: boolean;
  /** Still in effect: not deregistered (`name@version!`) since. */
  readonly active: boolean;
  /** The registering tag (or, for an unregistered one, its first stage tag). */
  readonly tag?: string;
  readonly author?: string;
  readonly authorEmail?: string;
  /** When it was registered, seconds since the epoch. */
  readonly createdAt?: number;
  /** The stages this version is in now (each the stage's current version). */
  readonly stages: readonly string[];
}

export interface RegistryArtifact {
  readonly name: string;
  readonly declaration?: DeclaredArtifact;
  /** Has registry tags at all (GTO's `registered`). */
  readonly registered: boolean;
  /** Deprecated by `name@deprecated` (and not registered again since). */
  readonly deprecated: boolean;
  /** Newest first by SemVer; deregistered versions included, marked. */
  readonly versions: readonly RegistryVersion[];
  /** The highest registered version in effect (GTO's "latest"). */
  readonly latest?: string;
  /** stage → the version in it now. */
  readonly stages: Readonly<Record<string, string>>;
}

export interface RegistryState {
  readonly artifacts: readonly RegistryArtifact[];
  /** Every stage some artifact is in now, sorted (GTO's stage columns). */
  readonly stages: readonly string[];
  /** The registry tags read, by commit (for badges). */
  readonly tagsByCommit: ReadonlyMap<string, readonly string[]>;
}
