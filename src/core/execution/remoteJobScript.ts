/**
 * The bash script one experiment run executes beyond this machine (a Slurm job, a detached process on an SSH
 * host): a clone of its own under the work folder, the baseline commit, `dvc pull`, `dvc exp run`,
 * `dvc exp push`, then a check that the git remote really holds the experiment as it was run here (`dvc exp
 * push` exits 0 when a same-named experiment is there already, and the run would be lost silently).
 *
 * The clone is removed on every exit, cancel included. The run leaves two small files beside it: its log
 * (written by whoever started it) and a state file (`<phase> <step> [exit code]`) that says where it is, and
 * after a failure which step failed. Every supplied value enters the script as one quoted word; only the
 * `setup` lines are code, on purpose (they are the person's own `module load …`, `source …/activate`).
 */
import { overrideArguments, type ParamOverride } from '../experiments/experimentOverrides';
import { shellWord } from './shellWords';

/** The steps of a run, in order; a failed run names the one that failed. */
export const REMOTE_JOB_STEPS = ['setup', 'clone', 'checkout', 'pull', 'run', 'push', 'verify'] as const;
export type RemoteJobStep = (typeof REMOTE_JOB_STEPS)[number];

/** The line that starts each step in the log. */
export const STEP_MARKER = 'dvc-lens-step:';

/** Everything a run's script is made of. */
export interface RemoteJobScriptInput {
  /** Lines right after the shebang (Slurm's `#SBATCH …`); none for an SSH host. */
  readonly header?: readonly string[];
  /** The run's id: known here (SSH), or only once the scheduler accepted it (Slurm: `SLURM_JOB_ID`). */
  readonly runId: { readonly literal: string } | { readonly variable: string };
  /** The folder the run folder, log and state file go into (relative: to the directory the script starts in). */
  readonly workFolder: string;
  /** The experiment is named `<base>-<run id>`, so no two runs can share a name. */
  readonly experimentBase: string;
  /** What `git clone` clones (the URL of the repository's git remote). */
  readonly repositoryUrl: string;
  /** The baseline commit (full sha). */
  readonly baseline: string;
  readonly overrides: readonly ParamOverride[];
  /** `dvc`, or an absolute path to it. */
  readonly dvcCommand: string;
  /** Shell lines run before the first DVC or git call. */
  readonly setup: readonly string[];
  /** Author and committer of the experiment's commit. */
  readonly identity: { readonly name: string; readonly email: string };
}

/** The experiment's name for a run: the run id in it makes it unique per scheduler. */
export function remoteExperimentName(base: string, runId: string): string {
  return `${base}-${runId}`;
}

/** Where DVC keeps an experiment of this baseline (`refs/exps/ab/cdef…/<name>`). */
export function experimentRef(baseline: string, name: string): string {
  return `refs/exps/${baseline.slice(0, 2)}/${baseline.slice(2)}/${name}`;
}

/** The files of a run beside its folder in the work folder. */
export interface RemoteRunFiles {
  readonly runFolder: string;
  readonly logFile: string;
  readonly stateFile: string;
  readonly pidFile: string;
  readonly scriptFile: string;
}

export function remoteRunFiles(workFolder: string, runId: string): RemoteRunFiles {
  const stem = `${workFolder.replace(/\/+$/, '') || '/'}/dvc-lens-${runId}`.replace(/^\/\//, '/');
  return {
    runFolder: stem,
    logFile: `${stem}.log`,
    stateFile: `${stem}.state`,
    pidFile: `${stem}.pid`,
    scriptFile: `${stem}.sh`,
  };
}

const FULL_SHA = /^[0-9a-f]{40}$/;
/** Run ids become parts of file names and of the experiment's name. */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_.]*$/;
const ENVIRONMENT_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function remoteJobScript(input: RemoteJobScriptInput): string {
  if (!FULL_SHA.test(input.baseline))
    throw new Error(`The baseline must be a full commit sha, not '${input.baseline}'`);
  for (const line of [...(input.header ?? []), ...input.setup])
    if (/[\r\n]/.test(line))
      throw new Error(`A script line cannot hold a line break: ${JSON.stringify(line)}`);
  const runId =
    'literal' in input.runId
      ? shellWord(checked(input.runId.literal, RUN_ID, 'run id'))
      : `"\${${checked(input.runId.variable, ENVIRONMENT_VARIABLE, 'variable')}:?the run id variable is not set}"`;
  const run = (command: readonly string[]): string => command.join(' ');
  const dvc = '"$dvc"';
  const overrideWords = overrideArguments(input.overrides).map(shellWord);
  const refPrefix = shellWord(experimentRef(input.baseline, ''));
  return [
    '#!/bin/bash',
    ...(input.header ?? []),
    '# DVC Lens: one experiment run in a clone of its own (generated; the clone is removed on any exit).',
    'set -euo pipefail',
    `run_id=${runId}`,
    `work=${shellWord(input.workFolder)}`,
    `name=${shellWord(input.experimentBase)}-"$run_id"`,
    `dvc=${shellWord(input.dvcCommand)}`,
    'mkdir -p -- "$work"',
    'work=$(cd -- "$work" && pwd)',
    'run_dir="$work/dvc-lens-$run_id"',
    'state_file="$work/dvc-lens-$run_id.state"',
    'step=setup',
    'cancelled=0',
    // Written whole then renamed, so a reader never sees half a line.
    'record() { printf \'%s %s %s\\n\' "$1" "$step" "${2:-}" >"$state_file.tmp" && mv -f -- "$state_file.tmp" "$state_file"; }',
    `enter() { step=$1; record running; printf '${STEP_MARKER} %s\\n' "$1"; }`,
    'finish() {',
    '  code=$?',
    '  trap - EXIT TERM INT HUP',
    '  cd /',
    '  rm -rf -- "$run_dir"',
    '  if [ "$cancelled" = 1 ]; then record cancelled "$code"',
    '  elif [ "$code" = 0 ]; then record succeeded 0',
    `  else record failed "$code"; printf 'dvc-lens-failed: %s (exit code %s)\\n' "$step" "$code" >&2; fi`,
    '  exit "$code"',
    '}',
    'trap finish EXIT',
    // bash runs a trap once the foreground command ended; the scheduler (or cancel) signals that one too.
    "trap 'cancelled=1; exit 143' TERM INT HUP",
    'printf \'%s\\n\' "$$" >"$work/dvc-lens-$run_id.pid"',
    'enter setup',
    `export GIT_AUTHOR_NAME=${shellWord(input.identity.name)} GIT_AUTHOR_EMAIL=${shellWord(input.identity.email)}`,
    'export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"',
    'export PYTHONUNBUFFERED=1 DVC_NO_ANALYTICS=true DVCLIVE_OPEN=false GIT_TERMINAL_PROMPT=0',
    // Activation scripts (conda, module) often read unset variables: -u only from here on.
    'set +u',
    ...input.setup,
    'set -u',
    'enter clone',
    'mkdir -p -- "$run_dir"',
    run([
      'git',
      'clone',
      '--quiet',
      '--no-checkout',
      '--',
      shellWord(input.repositoryUrl),
      '"$run_dir/repo"',
    ]),
    'cd -- "$run_dir/repo"',
    'enter checkout',
    run(['git', 'checkout', '--quiet', '--detach', shellWord(input.baseline)]),
    'enter pull',
    // Outputs the DVC remote lacks (never pushed, or their cache lost at home) are made again by the run;
    // a remote out of reach still fails this step.
    run([dvc, 'pull', '--allow-missing']),
    'enter run',
    run([dvc, 'exp', 'run', ...overrideWords, '--name', '"$name"']),
    'enter push',
    run([dvc, 'exp', 'push', 'origin', '"$name"']),
    'enter verify',
    `ref=${refPrefix}"$name"`,
    'here=$(git rev-parse --verify --quiet "$ref^{commit}" || true)',
    'there=$(git ls-remote origin "$ref" | cut -f1)',
    'if [ -z "$here" ] || [ "$here" != "$there" ]; then',
    `  printf 'dvc-lens: the git remote does not hold experiment %s as it ran here (remote: %s, here: %s): an experiment of that name was there already, or the push failed. Nothing was overwritten.\\n' "$name" "\${there:-none}" "\${here:-none}" >&2`,
    '  exit 3',
    'fi',
    `printf 'dvc-lens-done: %s\\n' "$name"`,
    '',
  ].join('\n');
}

function checked(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`Not a valid ${what}: '${value}'`);
  return value;
}

/** What a run's state file says. */
export interface RemoteRunProgress {
  readonly phase: 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** The step it is in, or ended in. */
  readonly step: RemoteJobStep | undefined;
  readonly exitCode: number | undefined;
}

/** The state file's one line (`failed run 1`); undefined for no file or a line no script of ours writes. */
export function parseRunProgress(text: string): RemoteRunProgress | undefined {
  const [phase, step, code] = text.trim().split(/\s+/);
  if (phase !== 'running' && phase !== 'succeeded' && phase !== 'failed' && phase !== 'cancelled')
    return undefined;
  const exitCode = code === undefined || code === '' ? undefined : Number(code);
  return {
    phase,
    step: REMOTE_JOB_STEPS.find((known) => known === step),
    exitCode: Number.isInteger(exitCode) ? exitCode : undefined,
  };
}

/** The last step marker in a log: where a run without a state file got to. */
export function lastStepInLog(log: string): RemoteJobStep | undefined {
  let last: RemoteJobStep | undefined;
  for (const match of log.matchAll(new RegExp(`^${STEP_MARKER} (\\w+)$`, 'gm')))
    last = REMOTE_JOB_STEPS.find((step) => step === match[1]) ?? last;
  return last;
}
