/**
 * Add Compute Target... (asks, then writes `dvcLens.computeTargets` at the level the person picks) and Test
 * Compute Target (reaches the target and finds git, DVC and sbatch there). Both go through the trust gate:
 * a test runs ssh or sbatch, and an untrusted workspace's targets are not read at all.
 */
import * as vscode from 'vscode';
import type { RemoteTargetSettings } from '../../core/execution/computeTargetSettings';
import { COMPUTE_TARGETS_SETTING, parseComputeTargets } from '../../core/execution/parseComputeTargets';
import type { RemoteComputeTarget, TargetCheck } from '../../execution';
import type { OutputLog } from '../../log/outputLog';
import type { RepositoryCommands } from '../../repository/command';
import { withCancellableProgress } from '../../ui/progress';
import { promptComputeTarget } from './addComputeTargetPrompts';
import { remoteRunCommandIds } from './remoteRunCommandIds';
import type { RemoteTargetsSetting } from './remoteTargetsSetting';

/** Where Add Compute Target writes: the user's settings, or the workspace's (shared with whoever clones). */
type SettingLevel = 'user' | 'workspace';

interface AddTargetArgument {
  /** The entry, without questions (tests). */
  readonly target?: unknown;
  readonly level?: SettingLevel;
}

export function registerComputeTargetCommands(
  commands: RepositoryCommands,
  targets: RemoteTargetsSetting,
  log: OutputLog,
): void {
  commands.registerTrusted(remoteRunCommandIds.addComputeTarget, async (argument) => {
    const given = (argument ?? {}) as AddTargetArgument;
    const entry =
      given.target === undefined
        ? await promptComputeTarget(targets.all.map((target) => target.settings.name))
        : given.target;
    if (entry === undefined) return undefined;
    const level = given.level ?? (await pickLevel());
    if (!level) return undefined;
    return addTargetSetting(entry, level);
  });

  commands.registerTrusted(remoteRunCommandIds.testComputeTarget, async (argument) => {
    const target = await pickTarget(targets, argument);
    if (!target) return undefined;
    return testTarget(target, log);
  });
}

/** Appends the entry to the setting at `level`; refuses (and says why) an entry the setting would not take. */
async function addTargetSetting(
  entry: unknown,
  level: SettingLevel,
): Promise<RemoteTargetSettings | undefined> {
  const configuration = vscode.workspace.getConfiguration();
  const inspected = configuration.inspect<unknown[]>(COMPUTE_TARGETS_SETTING);
  const existing = (level === 'user' ? inspected?.globalValue : inspected?.workspaceValue) ?? [];
  const list = Array.isArray(existing) ? existing : [];
  const parsed = parseComputeTargets([...list, entry]);
  const added = parsed.targets.find(
    (target) =>
      typeof entry === 'object' &&
      entry !== null &&
      target.name === String((entry as { name?: unknown }).name).trim(),
  );
  const problem = parsed.problems.find((text) => new RegExp(`#${list.length + 1}[ :]`).test(text));
  if (!added || problem) {
    void vscode.window.showWarningMessage(
      `DVC Lens: the target was not added: ${problem ?? 'it is not valid.'}`,
    );
    return undefined;
  }
  await configuration.update(
    COMPUTE_TARGETS_SETTING,
    [...list, added],
    level === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace,
  );
  void vscode.window
    .showInformationMessage(
      `DVC Lens: compute target '${added.name}' added to the ${level} settings. Test it to check DVC Lens reaches it.`,
      'Test Compute Target',
    )
    .then((picked) =>
      picked
        ? vscode.commands.executeCommand(remoteRunCommandIds.testComputeTarget, { name: added.name })
        : undefined,
    );
  return added;
}

async function pickLevel(): Promise<SettingLevel | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'User settings', description: 'for you, in every workspace', level: 'user' as const },
      {
        label: 'Workspace settings',
        description: 'for this workspace (.vscode/settings.json: commit it to share)',
        level: 'workspace' as const,
      },
    ],
    { title: 'Add Compute Target: save it where?' },
  );
  return picked?.level;
}

async function pickTarget(
  targets: RemoteTargetsSetting,
  argument: unknown,
): Promise<RemoteComputeTarget | undefined> {
  const name =
    typeof argument === 'object' && argument !== null ? (argument as { name?: unknown }).name : undefined;
  if (typeof name === 'string') {
    const target = targets.byName(name);
    if (!target) void vscode.window.showWarningMessage(`DVC Lens: no compute target named '${name}'.`);
    return target;
  }
  if (targets.all.length === 0) {
    void vscode.window
      .showInformationMessage('DVC Lens: no compute target is configured yet.', 'Add Compute Target...')
      .then((picked) =>
        picked ? vscode.commands.executeCommand(remoteRunCommandIds.addComputeTarget) : undefined,
      );
    return undefined;
  }
  if (targets.all.length === 1) return targets.all[0];
  const picked = await vscode.window.showQuickPick(
    targets.all.map((target) => ({
      label: target.settings.name,
      description: target.settings.kind === 'slurm' ? 'Slurm cluster' : 'SSH host',
      target,
    })),
    { title: 'Test which compute target?' },
  );
  return picked?.target;
}

/** Runs the target's check behind progress; its lines in a notification and the whole text in the log. */
async function testTarget(target: RemoteComputeTarget, log: OutputLog): Promise<TargetCheck | undefined> {
  const name = target.settings.name;
  let check: TargetCheck;
  try {
    check = await withCancellableProgress(`DVC Lens: Testing ${name}`, (signal) => target.test(signal));
  } catch (error) {
    check = { ok: false, lines: [error instanceof Error ? error.message : String(error)] };
  }
  log.append(`Test of compute target '${name}': ${check.ok ? 'reachable' : 'FAILED'}`);
  for (const line of check.lines) log.append(`  ${line}`);
  const text = `DVC Lens: ${name} ${check.ok ? 'works' : 'failed its test'}: ${check.lines.join(' · ')}`;
  const show = check.ok
    ? vscode.window.showInformationMessage(text, 'Show Log')
    : vscode.window.showErrorMessage(text, 'Show Log');
  void show.then((picked) => (picked ? log.show() : undefined));
  return check;
}
