/**
 * The `dvcLens.computeTargets` setting as typed data: the places beyond this machine a person named for their
 * experiments. Plain data shared by the settings reader, the "Add Compute Target" command and the targets
 * themselves. No secret belongs here: SSH logins use the agent or an identity file, through the system's `ssh`
 * client, so `known_hosts` is checked.
 */

/** How to reach a host over SSH (the system's `ssh` client does the work). */
export interface SshConnection {
  /** Host name or address, or a `Host` alias of the user's ssh config. */
  readonly host: string;
  readonly user?: string;
  readonly port?: number;
  /** A private key file (`ssh -i`); the agent is used when absent. */
  readonly identityFile?: string;
  /** An ssh config file (`ssh -F`) instead of the user's own: for a setup of its own, e.g. the tests' known_hosts. */
  readonly configFile?: string;
}

/** What every target beyond this machine has. */
interface RemoteTargetSettingsBase {
  /** Unique among the targets; shown in the "where?" pick and on each run's row. */
  readonly name: string;
  /** Folder on the far side in which each run gets its own clone (removed when the run ends). */
  readonly workFolder: string;
  /** How `dvc` is started there: an absolute path, or a name on the remote PATH (default `dvc`). */
  readonly dvcCommand?: string;
  /** The git remote (as named in this repository) the far side clones from and pushes experiments to (default `origin`). */
  readonly gitRemote?: string;
  /** Shell lines run before DVC in the job (`module load python`, `source venv/bin/activate`). */
  readonly setup?: readonly string[];
}

/** A host reached over SSH: each run is a process tree there, with a state file beside its clone. */
export interface SshTargetSettings extends RemoteTargetSettingsBase {
  readonly kind: 'ssh';
  readonly ssh: SshConnection;
}

/** A Slurm cluster: `sbatch` here, or on a login node reached over SSH. */
export interface SlurmTargetSettings extends RemoteTargetSettingsBase {
  readonly kind: 'slurm';
  /** The login node; absent when `sbatch` runs on this machine. */
  readonly login?: SshConnection;
  readonly partition?: string;
  /** `--time`, in Slurm's words (`30`, `2:00:00`, `1-00:00:00`). */
  readonly timeLimit?: string;
  readonly cpus?: number;
  /** `--gres`, e.g. `gpu:1` or `gpu:a100:2`. */
  readonly gres?: string;
  /** Extra `#SBATCH` lines, written as given after the ones DVC Lens writes (`--account=ml`). */
  readonly sbatchOptions?: readonly string[];
}

export type RemoteTargetSettings = SshTargetSettings | SlurmTargetSettings;

/**
 * What DVC Lens keeps of a run it submitted beyond this machine (per workspace), so the run survives a
 * reload: the target polls it again from this record.
 */
export interface RemoteRunRecord {
  /** The target's name (`RemoteTargetSettings.name`). */
  readonly target: string;
  /** The repository root the run belongs to. */
  readonly root: string;
  /** The target's id for the run: the Slurm job id, or the run folder's name on an SSH host. */
  readonly id: string;
  /** The experiment's name (unique: it carries the job's id). */
  readonly experiment: string;
  /** The baseline commit the run started from. */
  readonly baseline: string;
  /** `-S` values, as `file:key=value` or `key=value`, for the row. */
  readonly overrides: readonly string[];
  /** When it was submitted, ms since the epoch. */
  readonly submittedAt: number;
}
