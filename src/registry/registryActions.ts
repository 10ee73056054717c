/**
 * The registry's actions, each through `gto` after a preview of the tag it makes: Register Version, Assign
 * Stage (and, when set up, the Argo CD manifest commit), Unassign, Deprecate (a version or the artifact),
 * then the offer to push the new tags. GTO's refusal (a version or stage that exists) is shown in one line.
 */
import * as vscode from 'vscode';
import { registryTagFor } from '../core/registry/gtoTagName';
import type { RegistryArtifact, RegistryState } from '../core/registry/registryTypes';
import { parseVersion } from '../core/registry/semver';
import { setManifestValue } from '../core/registry/deploymentManifest';
import { booleanField, isRecord, stringField } from '../remotes';
import type { RepositoryCommandContext } from '../repository/command';
import { GtoCli, gtoRefusalReason, isProcessError } from '../repository/processes';
import type { Repository } from '../repository/repository';
import type { DvcExecutableSource } from '../repository/repository';
import { locateGto } from './gtoLocation';
import {
  confirmTag,
  pickArtifact,
  pickCommit,
  pickPushRemote,
  pickRegisteredVersion,
  pickStage,
  pickVersion,
} from './registryPrompts';
import type { RegistryStore } from './registryStore';
import { manifestSetting } from './registrySettings';

export interface RegistryActionDependencies {
  readonly store: RegistryStore;
  readonly dvc: DvcExecutableSource;
}

type Context = RepositoryCommandContext<Repository>;

/** What an action did: the tags made (and pushed to `pushed`), the manifest commit. */
export interface RegistryActionResult {
  readonly tags: readonly string[];
  readonly pushed?: string;
  readonly manifestCommit?: string;
}

/** GTO's reason in one line for a refusal, the error's message otherwise. */
export function registryFailure(error: unknown): string {
  if (isProcessError(error))
    return `DVC Lens: GTO refused: ${gtoRefusalReason(error.stderr) || error.message}`;
  return `DVC Lens: ${error instanceof Error ? error.message : String(error)}`;
}

export async function registerVersion(deps: RegistryActionDependencies, context: Context) {
  const { argument, state, gto } = await prepare(deps, context);
  if (!state || !gto) return undefined;
  const artifact = await artifactOf(argument, state, 'Register a version of which artifact?');
  if (!artifact) return undefined;
  const rev = revisionField(argument) ?? (await pickCommit(context.git));
  if (!rev) return undefined;
  const version = stringField(argument, 'version') ?? (await pickVersion(artifact));
  if (!version) return undefined;
  if (!parseVersion(version))
    throw new Error(`'${version}' is not a SemVer version with a leading v (v1.2.0).`);
  const tag = registryTagFor({ kind: 'register', version }, artifact.name, allTags(state));
  if (!(await confirmed(argument, tag, `Registers ${artifact.name} ${version} at ${rev}`))) return undefined;
  await gto.register(artifact.name, rev, version, context.signal);
  return finish(deps, context, argument, [tag]);
}

export async function assignStage(deps: RegistryActionDependencies, context: Context) {
  const { argument, state, gto } = await prepare(deps, context);
  if (!state || !gto) return undefined;
  const artifact = await artifactOf(argument, state, 'Assign a stage to which artifact?');
  if (!artifact) return undefined;
  const version =
    versionField(argument) ?? (await pickRegisteredVersion(artifact, `Which version of ${artifact.name}?`));
  if (!version) return undefined;
  const stage = stringField(argument, 'stage') ?? (await pickStage(state.stages));
  if (!stage) return undefined;
  const tag = registryTagFor({ kind: 'assign', stage }, artifact.name, allTags(state));
  if (!(await confirmed(argument, tag, `Assigns ${stage} to ${artifact.name} ${version}`))) return undefined;
  await gto.assign(artifact.name, version, stage, context.signal);
  const manifestCommit = await updateManifest(context, argument, artifact.name, version, stage);
  return finish(deps, context, argument, [tag], manifestCommit);
}

export async function unassignStage(deps: RegistryActionDependencies, context: Context) {
  const { argument, state, gto } = await prepare(deps, context);
  if (!state || !gto) return undefined;
  const artifact = await artifactOf(argument, state, 'Unassign a stage of which artifact?');
  if (!artifact) return undefined;
  const stages = Object.keys(artifact.stages);
  const stage =
    stringField(argument, 'stage') ??
    (await vscode.window.showQuickPick(stages, { title: `Unassign which stage of ${artifact.name}?` }));
  if (!stage) return undefined;
  const version = stringField(argument, 'version') ?? artifact.stages[stage];
  if (!version) throw new Error(`${artifact.name} has no version in ${stage}.`);
  const tag = registryTagFor({ kind: 'unassign', stage }, artifact.name, allTags(state));
  if (!(await confirmed(argument, tag, `Takes ${artifact.name} ${version} out of ${stage}`)))
    return undefined;
  await gto.unassign(artifact.name, version, stage, context.signal);
  return finish(deps, context, argument, [tag]);
}

/** A version node (or `{ version }`) deregisters that version; an artifact node deprecates the artifact. */
export async function deprecate(deps: RegistryActionDependencies, context: Context) {
  const { argument, state, gto } = await prepare(deps, context);
  if (!state || !gto) return undefined;
  const artifact = await artifactOf(argument, state, 'Deprecate which artifact?');
  if (!artifact) return undefined;
  const version = versionField(argument);
  const tag = version
    ? registryTagFor({ kind: 'deregister', version }, artifact.name, allTags(state))
    : registryTagFor({ kind: 'deprecate' }, artifact.name, allTags(state));
  const what = version
    ? `Deregisters ${artifact.name} ${version}`
    : `Deprecates ${artifact.name} (all its versions)`;
  if (!(await confirmed(argument, tag, what))) return undefined;
  if (version) await gto.deregister(artifact.name, version, context.signal);
  else await gto.deprecate(artifact.name, context.signal);
  return finish(deps, context, argument, [tag]);
}

async function prepare(deps: RegistryActionDependencies, context: Context) {
  const argument = context.args[0];
  const gtoPath = await locateGto(deps.dvc);
  if (!gtoPath)
    throw new Error(
      "gto was not found next to DVC. Install it into DVC's environment (pip install gto) or set dvcLens.gtoPath.",
    );
  const gto = new GtoCli(gtoPath, context.repository.scheduler);
  const state =
    (await deps.store.reload(context.repository)) ?? deps.store.get(context.repository.root)?.state;
  return { argument, state, gto };
}

async function artifactOf(
  argument: unknown,
  state: RegistryState,
  title: string,
): Promise<RegistryArtifact | undefined> {
  const named = artifactField(argument);
  if (named === undefined) return pickArtifact(state, title);
  return (
    state.artifacts.find((artifact) => artifact.name === named) ?? {
      // Known to GTO only once it has a tag: a name typed by a test or a person is taken as it is.
      name: named,
      registered: false,
      deprecated: false,
      versions: [],
      stages: {},
    }
  );
}

/** `artifact` as a name, or a tree node's artifact (an object with a name) or version node's. */
function artifactField(argument: unknown): string | undefined {
  if (!isRecord(argument)) return undefined;
  const value = argument.artifact;
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
}

/** `rev`, or the commit of an Experiments view row (a commit or an experiment): Register Version on it. */
function revisionField(argument: unknown): string | undefined {
  if (!isRecord(argument)) return undefined;
  if (typeof argument.rev === 'string') return argument.rev;
  const row = argument.row;
  return isRecord(row) && typeof row.rev === 'string' && row.rev !== 'workspace' ? row.rev : undefined;
}

function versionField(argument: unknown): string | undefined {
  if (!isRecord(argument)) return undefined;
  const value = argument.version;
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.version === 'string' ? value.version : undefined;
}

function allTags(state: RegistryState): string[] {
  return [...state.tagsByCommit.values()].flat();
}

async function confirmed(argument: unknown, tag: string, what: string): Promise<boolean> {
  return booleanField(argument, 'confirmed') === true || confirmTag(tag, what);
}

/** With Argo CD set up (dvcLens.registry.manifest*), the stage's new version goes into the manifest, committed. */
async function updateManifest(
  context: Context,
  argument: unknown,
  artifact: string,
  version: string,
  stage: string,
): Promise<string | undefined> {
  const setting = manifestSetting();
  if (!setting || setting.stage !== stage) return undefined;
  const wanted =
    booleanField(argument, 'updateManifest') ??
    (await vscode.window.showInformationMessage(
      `Also write ${version} into ${setting.path} (${setting.key}) and commit it, for Argo CD?`,
      { modal: true },
      'Commit Manifest',
    )) === 'Commit Manifest';
  if (!wanted) return undefined;
  const uri = vscode.Uri.joinPath(context.repository.root, setting.path);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const update = setManifestValue(text, setting.key, version);
  if (!update.ok) throw new Error(`The manifest was not changed: ${update.reason}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(update.text));
  return context.git.commit(`Deploy ${artifact} ${version} to ${stage}`, [setting.path], context.signal);
}

async function finish(
  deps: RegistryActionDependencies,
  context: Context,
  argument: unknown,
  tags: readonly string[],
  manifestCommit?: string,
): Promise<RegistryActionResult> {
  await deps.store.reload(context.repository);
  const remote =
    isRecord(argument) && 'remote' in argument
      ? stringField(argument, 'remote')
      : await pickPushRemote(context.git, tags);
  if (remote) await context.git.pushTags(remote, tags, context.signal);
  return { tags, ...(remote ? { pushed: remote } : {}), ...(manifestCommit ? { manifestCommit } : {}) };
}
