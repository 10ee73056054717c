/**
 * An SSH host as a compute target: each run is the job script started detached there (`setsid nohup bash`,
 * its own session and process group, so it outlives the ssh connection and the editor), with a pid file and
 * a state file beside its run folder. A poll reads both in one ssh call; cancel signals the whole process
 * group (TERM, KILL after 10 s) and removes the run folder; the log is read or followed (`tail -F`) over ssh;
 * the experiment comes home with `dvc exp pull`.
 */
import { randomBytes } from 'node:crypto';
import type { RemoteRunRecord, SshTargetSettings } from '../../core/execution/computeTargetSettings';
import { remoteJobScript, remoteRunFiles, type RemoteRunFiles } from '../../core/execution/remoteJobScript';
import { POLL_SECTION, parseSshPoll } from '../../core/execution/remoteRunState';
import type { ProgramCheck } from '../../core/execution/targetCheck';
import type { SubmitContext } from '../computeTarget';
import { bashSnippet, type HostShell } from '../hostShell';
import { REMOTE_CALL_TIMEOUT_MS, type RemoteRunPoll } from '../remoteRun';
import type { PlannedRemoteRun } from '../remoteRunPlan';
import { ShellRemoteTarget } from '../shellRemoteTarget';

/**
 * `$1` work folder, `$2` script, `$3` log, `$4` pid file; the script arrives on stdin. Started with no tie to
 * this session (stdin, stdout and stderr elsewhere), so ssh returns at once and the run goes on after it.
 */
const LAUNCH = [
  'set -e',
  'mkdir -p -- "$1" && shift',
  'cat >"$1"',
  'setsid nohup bash "$1" >"$2" 2>&1 </dev/null &',
  'printf \'%s\\n\' "$!" >"$3"',
].join('\n');

/** `$1` pid file, `$2` state file: is any process of the run's group alive, and what the state file says. */
const POLL = [
  `printf '%s\\n' '${POLL_SECTION.alive}'`,
  'pid=$(cat -- "$1" 2>/dev/null || true)',
  'if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then echo 1; else echo 0; fi',
  `printf '%s\\n' '${POLL_SECTION.state}'`,
  'cat -- "$2" 2>/dev/null || true',
].join('\n');

/** `$1` pid file: TERM to the run's process group, KILL to what is left after 10 s. */
const STOP = [
  'pid=$(cat -- "$1" 2>/dev/null || true)',
  '[ -n "$pid" ] || exit 0',
  'kill -TERM -- "-$pid" 2>/dev/null || exit 0',
  'for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || exit 0; sleep 0.2; done',
  'kill -KILL -- "-$pid" 2>/dev/null || true',
].join('\n');

/** A run id unique enough on one host: the time in base 36 and a little randomness. */
function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

export class SshTarget extends ShellRemoteTarget<SshTargetSettings> {
  readonly kind = 'ssh' as const;
  protected readonly checks: readonly ProgramCheck[] = [
    { label: 'git', command: 'git --version' },
    { label: 'setsid', command: 'setsid --version' },
  ];

  constructor(settings: SshTargetSettings, shell: HostShell) {
    super(settings, shell, 'SSH');
  }

  protected async start(run: PlannedRemoteRun, workFolder: string, context: SubmitContext): Promise<string> {
    const runId = newRunId();
    const files = remoteRunFiles(workFolder, runId);
    const script = remoteJobScript({ ...run.script, workFolder, runId: { literal: runId } });
    await this.shell.run(bashSnippet(LAUNCH, [workFolder, files.scriptFile, files.logFile, files.pidFile]), {
      input: script,
      signal: context.signal,
      timeoutMs: REMOTE_CALL_TIMEOUT_MS,
    });
    context.onOutput?.(`Started run ${runId} on ${this.label}`, 'stdout');
    return runId;
  }

  protected pollCommand(_record: RemoteRunRecord, files: RemoteRunFiles): readonly string[] {
    return bashSnippet(POLL, [files.pidFile, files.stateFile]);
  }

  protected parsePoll(stdout: string): RemoteRunPoll {
    return parseSshPoll(stdout);
  }

  protected stopCommand(_record: RemoteRunRecord, files: RemoteRunFiles): readonly string[] {
    return bashSnippet(STOP, [files.pidFile]);
  }
}
