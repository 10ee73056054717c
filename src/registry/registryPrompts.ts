/**
 * The questions the registry's actions ask, each skipped when the command's argument already answers it
 * (tree nodes and tests pass `{ root, artifact, version, stage, rev, confirmed, remote }`).
 */
import * as vscode from 'vscode';
import { nextVersion, parseVersion } from '../core/registry/semver';
import { stageNameProblem } from '../core/registry/gtoTagName';
import type { RegistryArtifact, RegistryState } from '../core/registry/registryTypes';
import type { GitCli } from '../repository/processes';

const OWN = '$(edit) Type one…';

export async function pickArtifact(
  state: RegistryState,
  title: string,
  accepts: (artifact: RegistryArtifact) => boolean = (artifact) => !artifact.deprecated,
): Promise<RegistryArtifact | undefined> {
  const candidates = state.artifacts.filter(accepts);
  if (candidates.length === 0) {
    void vscode.window.showWarningMessage(
      'DVC Lens: no artifact to act on. Declare one first (Declare Artifact).',
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((artifact) => ({ label: artifact.name, description: artifact.latest ?? '', artifact })),
    { title },
  );
  return picked?.artifact;
}

/** HEAD, the newest commits, or a revision typed (a branch, a tag, an experiment's commit). */
export async function pickCommit(git: GitCli): Promise<string | undefined> {
  const commits = await git.recentCommits(20);
  const picked = await vscode.window.showQuickPick(
    [
      ...commits.map((commit, index) => ({
        label: index === 0 ? `HEAD (${commit.sha.slice(0, 7)})` : commit.sha.slice(0, 7),
        description: commit.subject,
        rev: commit.sha,
      })),
      { label: OWN, description: 'a branch, tag or experiment commit', rev: '' },
    ],
    { title: 'Register which commit?' },
  );
  if (!picked) return undefined;
  if (picked.rev) return picked.rev;
  const typed = await vscode.window.showInputBox({
    title: 'Register which commit?',
    prompt: 'A commit, branch, tag or experiment revision',
    validateInput: (value) =>
      value.trim() && !value.startsWith('-') ? undefined : 'A revision, not an option',
  });
  return typed?.trim() || undefined;
}

/** The next patch, minor or major version after the artifact's highest one, or one typed. */
export async function pickVersion(artifact: RegistryArtifact): Promise<string | undefined> {
  const existing = artifact.versions
    .filter((version) => version.registered)
    .map((version) => version.version);
  const picked = await vscode.window.showQuickPick(
    [
      { label: nextVersion(existing, 'patch'), description: 'next patch' },
      { label: nextVersion(existing, 'minor'), description: 'next minor' },
      { label: nextVersion(existing, 'major'), description: 'next major' },
      { label: OWN, description: 'SemVer, e.g. v1.2.0' },
    ],
    { title: `Version of ${artifact.name}` },
  );
  if (!picked || picked.label !== OWN) return picked?.label;
  const typed = await vscode.window.showInputBox({
    title: `Version of ${artifact.name}`,
    prompt: 'SemVer with a leading v (v1.2.0)',
    validateInput: (value) =>
      parseVersion(value.trim()) ? undefined : 'SemVer with a leading v, e.g. v1.2.0',
  });
  return typed?.trim() || undefined;
}

export async function pickRegisteredVersion(
  artifact: RegistryArtifact,
  title: string,
): Promise<string | undefined> {
  const versions = artifact.versions.filter((version) => version.registered && version.active);
  if (versions.length === 0) {
    void vscode.window.showWarningMessage(
      `DVC Lens: ${artifact.name} has no registered version. Register one first.`,
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    versions.map((version) => ({ label: version.version, description: version.stages.join(', ') })),
    { title },
  );
  return picked?.label;
}

export async function pickStage(known: readonly string[]): Promise<string | undefined> {
  const stages = [...new Set([...known, 'dev', 'staging', 'prod'])];
  const picked = await vscode.window.showQuickPick([...stages, OWN], { title: 'Assign which stage?' });
  if (picked !== OWN) return picked;
  const typed = await vscode.window.showInputBox({
    title: 'Assign which stage?',
    validateInput: (value) => stageNameProblem(value.trim()),
  });
  return typed?.trim() || undefined;
}

/** The preview: the tag about to be made; true when the person goes ahead. */
export async function confirmTag(tag: string, what: string): Promise<boolean> {
  const picked = await vscode.window.showInformationMessage(
    `Create the git tag ${tag}?`,
    { modal: true, detail: `${what}. GTO makes an annotated tag; nothing is pushed unless you choose to.` },
    'Create Tag',
  );
  return picked === 'Create Tag';
}

/** The remote to push new tags to, or undefined for "don't push" (also when there is no remote). */
export async function pickPushRemote(git: GitCli, tags: readonly string[]): Promise<string | undefined> {
  const remotes = await git.remoteNames().catch(() => []);
  if (remotes.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    [...remotes.map((remote) => ({ label: remote, remote })), { label: "Don't push", remote: undefined }],
    { title: `Push ${tags.join(', ')} to a git remote?` },
  );
  return picked?.remote;
}
