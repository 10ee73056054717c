/**
 * The questions of "Add Compute Target...": kind, name, how to reach it, the work folder, the DVC command and
 * for Slurm the resources. Every answer is checked by the same parser the setting goes through, so the entry
 * written is one the setting accepts. No secret is asked for: SSH uses the agent or an identity file.
 */
import * as vscode from 'vscode';
import type { RemoteTargetSettings, SshConnection } from '../../core/execution/computeTargetSettings';

type Answer = string | undefined;

/** Asks everything; undefined when the person closes a question. */
export async function promptComputeTarget(
  takenNames: readonly string[],
): Promise<RemoteTargetSettings | undefined> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Slurm cluster', description: 'sbatch here or on a login node', targetKind: 'slurm' as const },
      { label: 'SSH host', description: 'a machine reached with ssh', targetKind: 'ssh' as const },
    ],
    { title: 'Add Compute Target: which kind?' },
  );
  if (!kind) return undefined;
  const name = await ask('Name (shown in the "where?" pick and on each run)', {
    value: kind.targetKind === 'slurm' ? 'cluster' : 'gpu-box',
    validate: (value) =>
      !/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/.test(value)
        ? 'Letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit.'
        : takenNames.some((taken) => taken.toLowerCase() === value.toLowerCase())
          ? 'A target has this name already.'
          : undefined,
  });
  if (name === undefined) return undefined;
  let connection: SshConnection | undefined;
  if (kind.targetKind === 'ssh') {
    connection = await promptConnection('SSH host');
    if (!connection) return undefined;
  } else {
    const where = await vscode.window.showQuickPick(
      [
        {
          label: 'On this machine',
          description: 'sbatch, squeue and scancel are on PATH here',
          login: false,
        },
        { label: 'On a login node', description: 'reached with ssh', login: true },
      ],
      { title: 'Where does sbatch run?' },
    );
    if (!where) return undefined;
    if (where.login) {
      connection = await promptConnection('Login node');
      if (!connection) return undefined;
    }
  }
  const workFolder = await ask('Work folder on the far side (each run gets its own clone there)', {
    value: '~/dvc-lens-runs',
    validate: (value) => (value.startsWith('-') ? 'A folder, not an option.' : undefined),
  });
  if (workFolder === undefined) return undefined;
  const dvcCommand = await ask('The command that runs DVC there (an absolute path, or a name on PATH)', {
    value: 'dvc',
    validate: (value) => (value.startsWith('-') ? 'A program, not an option.' : undefined),
  });
  if (dvcCommand === undefined) return undefined;
  const base = { name, workFolder, ...(dvcCommand !== 'dvc' ? { dvcCommand } : {}) };
  if (kind.targetKind === 'ssh') return connection ? { ...base, kind: 'ssh', ssh: connection } : undefined;
  const resources = await promptSlurmResources();
  if (!resources) return undefined;
  return { ...base, kind: 'slurm', ...(connection ? { login: connection } : {}), ...resources };
}

async function promptConnection(what: string): Promise<SshConnection | undefined> {
  const host = await ask(`${what}: host name, address or ssh config alias`, {
    validate: (value) => (/^-|\s|@/.test(value) ? 'A host name (no user@, no spaces).' : undefined),
  });
  if (host === undefined) return undefined;
  const user = await ask(`${what}: user (empty: ssh's default)`, { optional: true });
  if (user === undefined) return undefined;
  const port = await ask(`${what}: port (empty: 22 or the ssh config's)`, {
    optional: true,
    validate: (value) => (/^\d{1,5}$/.test(value) && Number(value) <= 65535 ? undefined : 'A port number.'),
  });
  if (port === undefined) return undefined;
  const identityFile = await ask(`${what}: identity file (empty: the SSH agent)`, { optional: true });
  if (identityFile === undefined) return undefined;
  return {
    host,
    ...(user ? { user } : {}),
    ...(port ? { port: Number(port) } : {}),
    ...(identityFile ? { identityFile } : {}),
  };
}

async function promptSlurmResources(): Promise<
  { partition?: string; timeLimit?: string; cpus?: number; gres?: string } | undefined
> {
  const partition = await ask('Partition (empty: the cluster default)', { optional: true });
  if (partition === undefined) return undefined;
  const timeLimit = await ask('Time limit (30, 2:00:00, 1-00:00:00; empty: the partition default)', {
    optional: true,
    validate: (value) => (/^(\d+-)?\d+(:\d+){0,2}$/.test(value) ? undefined : "In Slurm's words: 2:00:00."),
  });
  if (timeLimit === undefined) return undefined;
  const cpus = await ask('CPUs per run (empty: 1)', {
    optional: true,
    validate: (value) => (/^[1-9]\d*$/.test(value) ? undefined : 'A whole number, 1 or more.'),
  });
  if (cpus === undefined) return undefined;
  const gres = await ask('GPUs and other resources, as --gres (gpu:1; empty: none)', {
    optional: true,
    validate: (value) => (/^[A-Za-z0-9_.:,-]+$/.test(value) ? undefined : 'Like gpu:1 or gpu:a100:2.'),
  });
  if (gres === undefined) return undefined;
  return {
    ...(partition ? { partition } : {}),
    ...(timeLimit ? { timeLimit } : {}),
    ...(cpus ? { cpus: Number(cpus) } : {}),
    ...(gres ? { gres } : {}),
  };
}

/** One input box; `optional` accepts an empty answer (returned as ''); undefined when closed. */
async function ask(
  prompt: string,
  options: { value?: string; optional?: boolean; validate?: (value: string) => string | undefined } = {},
): Promise<Answer> {
  const answer = await vscode.window.showInputBox({
    title: 'Add Compute Target',
    prompt,
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (raw) => {
      const value = raw.trim();
      if (value.length === 0) return options.optional ? undefined : 'Required.';
      return options.validate?.(value);
    },
  });
  return answer?.trim();
}
