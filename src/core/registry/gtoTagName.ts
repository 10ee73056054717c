/**
 * GTO's tag names, the model registry's whole vocabulary (GTO 1.x):
 * `name@v1.2.0` registers a version, `name@v1.2.0!` deregisters it, `name#prod#3` assigns a stage (3rd
 * registry tag of the artifact), `name#prod!#4` unassigns it, `name@deprecated#5` deprecates the artifact.
 * An artifact of a dvc.yaml in a sub-folder is `folder:name`, written `folder=name` in a tag.
 */
import { VERSION_PATTERN_SOURCE } from './semver';

export type RegistryAction = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate' | 'create';

/** One registry tag's name, understood. */
export interface RegistryTagName {
  /** The artifact as GTO names it (`folder:name` for a sub-folder's dvc.yaml). */
  readonly artifact: string;
  readonly action: RegistryAction;
  readonly version?: string;
  readonly stage?: string;
  /** The `#N` at the end: the artifact's Nth registry tag (stage tags always carry one). */
  readonly counter?: number;
}

const NAME_SOURCE = '[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?';
const FOLDER_SOURCE = '[a-zA-Z0-9\\-_./]+';
const NAME_RE = new RegExp(`^${NAME_SOURCE}$`);
const FULL_NAME_RE = new RegExp(`^(?:${FOLDER_SOURCE}:)?${NAME_SOURCE}$`);
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${FOLDER_SOURCE}=)?${NAME_SOURCE})` +
    `(?:(?:#(?<stage>${NAME_SOURCE})|@(?<version>${VERSION_PATTERN_SOURCE}))(?<cancel>!?)|@(?<special>deprecated|created))` +
    `(?:#(?<counter>[0-9]+))?$`,
);

/** The tag's meaning, or undefined for a tag that is not GTO's (GTO ignores those too). */
export function parseRegistryTagName(tag: string): RegistryTagName | undefined {
  const groups = TAG_RE.exec(tag)?.groups;
  if (!groups?.artifact) return undefined;
  const artifact = groups.artifact.replace('=', ':');
  const counter = groups.counter ? { counter: Number(groups.counter) } : {};
  const cancel = groups.cancel === '!';
  if (groups.version)
    return { artifact, action: cancel ? 'deregister' : 'register', version: groups.version, ...counter };
  if (groups.stage)
    return { artifact, action: cancel ? 'unassign' : 'assign', stage: groups.stage, ...counter };
  return { artifact, action: groups.special === 'created' ? 'create' : 'deprecate', ...counter };
}

/** Why GTO would refuse `name` as an artifact name (`folder:name` allowed), or undefined when it is fine. */
export function artifactNameProblem(name: string): string | undefined {
  return FULL_NAME_RE.test(name)
    ? undefined
    : `'${name}' is not a valid artifact name: letters, digits, '-', '_', '/' only, starting and ending with a letter or digit.`;
}

/** Why GTO would refuse `stage` as a stage name, or undefined. */
export function stageNameProblem(stage: string): string | undefined {
  return NAME_RE.test(stage)
    ? undefined
    : `'${stage}' is not a valid stage name: letters, digits, '-', '_', '/' only, starting and ending with a letter or digit.`;
}

/** The artifact as it is written inside a tag (`folder:name` becomes `folder=name`). */
export function artifactInTag(artifact: string): string {
  return artifact.replace(':', '=');
}

/** The next counter GTO gives the artifact's tags: one more than the highest `#N` among its tags. */
export function nextCounter(artifact: string, tags: Iterable<string>): number {
  let highest = 0;
  for (const tag of tags) {
    const parsed = parseRegistryTagName(tag);
    if (parsed?.artifact === artifact && parsed.counter !== undefined && parsed.counter > highest)
      highest = parsed.counter;
  }
  return highest + 1;
}

/** The tag an action will create, as GTO names it (for the preview before running it). */
export function registryTagFor(
  action:
    | { readonly kind: 'register'; readonly version: string }
    | {
        readonly kind: 'assign' | 'unassign';
        readonly stage: string;
      }
    | { readonly kind: 'deregister'; readonly version: string }
    | { readonly kind: 'deprecate' },
  artifact: string,
  existingTags: Iterable<string>,
): string {
  const name = artifactInTag(artifact);
  switch (action.kind) {
    case 'register':
      return `${name}@${action.version}`;
    case 'deregister':
      return `${name}@${action.version}!`;
    case 'deprecate':
      return `${name}@deprecated`;
    case 'assign':
      return `${name}#${action.stage}#${nextCounter(artifact, existingTags)}`;
    case 'unassign':
      return `${name}#${action.stage}!#${nextCounter(artifact, existingTags)}`;
  }
}
