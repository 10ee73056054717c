/**
 * An SSH host as a compute target: each run is the job script started detached there (`setsid nohup bash`,
 * its own session and process group, so it outlives the ssh connection and the editor), with a pid file and
 * a state file beside its run folder. A poll reads both in one ssh call; cancel signals the whole process
 * group (TERM, KILL after 10 s) and removes the run folder; the log is read or followed (`tail -F`) over ssh;
 * the experiment comes home with `dvc exp pull`.
 */
import { randomBytes } from 'node:crypto';
import type { RemoteRunRecord, SshTargetSettings } from '../../core/execution/computeTargetSettings';
import type { ExperimentRunRequest } from '../../core/execution/runRequest';
import { isFinishedRunState } from '../../core/execution/runState';
import { remoteExperimentName, remoteJobScript, remoteRunFiles } from '../../core/execution/remoteJobScript';
import { POLL_SECTION, parseSshPoll } from '../../core/execution/remoteRunState';
import { parseTargetCheck, targetCheckSnippet } from '../../core/execution/targetCheck';
import type {
  RemoteComputeTarget,
  RemoteRunHandle,
  RemoteSubmission,
  SubmitContext,
  TargetCheck,
} from '../computeTarget';
import { bashSnippet, hostCallMessage, type HostShell } from '../hostShell';
import { finishCancel } from '../remoteCancel';
import { REMOTE_CALL_TIMEOUT_MS, RemoteRun, type RemoteRunPoll } from '../remoteRun';
import { gitRemoteOf, planRemoteRuns } from '../remoteRunPlan';

/**
 * `$1` script, `$2` log, `$3` pid file; the script arrives on stdin. Started with no tie to this session
 * (stdin, stdout and stderr elsewhere), so ssh returns at once and the run goes on after it.
 */
const LAUNCH = [
  'set -e',
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

export class SshTarget implements RemoteComputeTarget {
  readonly kind = 'ssh' as const;
  readonly modes = ['queue'] as const;
  readonly id: string;
  readonly label: string;

  constructor(
    readonly settings: SshTargetSettings,
    private readonly shell: HostShell,
  ) {
    this.id = settings.name;
    this.label = `${settings.name} (SSH)`;
  }

  private get workFolder(): string {
    return this.shell.resolveFolder(this.settings.workFolder);
  }

  async submit(request: ExperimentRunRequest, context: SubmitContext): Promise<RemoteSubmission> {
    const planned = await planRemoteRuns(this.settings, request, context);
    const workFolder = this.workFolder;
    await this.shell.run(['mkdir', '-p', '--', workFolder], {
      signal: context.signal,
      timeoutMs: REMOTE_CALL_TIMEOUT_MS,
    });
    const runs: RemoteRunHandle[] = [];
    try {
      for (const run of planned) {
        const runId = newRunId();
        const files = remoteRunFiles(workFolder, runId);
        const script = remoteJobScript({ ...run.script, workFolder, runId: { literal: runId } });
        await this.shell.run(bashSnippet(LAUNCH, [files.scriptFile, files.logFile, files.pidFile]), {
          input: script,
          signal: context.signal,
          timeoutMs: REMOTE_CALL_TIMEOUT_MS,
        });
        context.onOutput?.(`Started run ${runId} on ${this.label}`, 'stdout');
        runs.push(
          this.reattach(
            {
              target: this.settings.name,
              root: context.experiments.root,
              id: runId,
              experiment: remoteExperimentName(run.script.experimentBase, runId),
              baseline: run.baseline,
              overrides: run.overrides,
              submittedAt: Date.now(),
            },
            context,
          ),
        );
      }
    } catch (error) {
      await Promise.allSettled(runs.map((run) => run.cancel()));
      throw error;
    }
    return { target: this, runs };
  }

  reattach(record: RemoteRunRecord, context: SubmitContext): RemoteRunHandle {
    const files = remoteRunFiles(this.workFolder, record.id);
    const shell = this.shell;
    const poll = async (signal?: AbortSignal): Promise<RemoteRunPoll> => {
      const result = await shell.run(bashSnippet(POLL, [files.pidFile, files.stateFile]), {
        signal,
        timeoutMs: REMOTE_CALL_TIMEOUT_MS,
      });
      return parseSshPoll(result.stdout);
    };
    return new RemoteRun(record, files, shell, gitRemoteOf(this.settings), context, {
      poll,
      async cancel(signal) {
        if (isFinishedRunState((await poll(signal)).state)) return;
        await shell.run(bashSnippet(STOP, [files.pidFile]), { signal, timeoutMs: REMOTE_CALL_TIMEOUT_MS });
        await finishCancel(shell, files, poll, signal);
      },
    });
  }

  async test(signal?: AbortSignal): Promise<TargetCheck> {
    const snippet = targetCheckSnippet(
      [
        { label: 'git', command: 'git --version' },
        { label: 'setsid', command: 'setsid --version' },
      ],
      this.settings.setup ?? [],
      [{ label: 'dvc', command: '"$1" --version' }],
    );
    try {
      const result = await this.shell.run(bashSnippet(snippet, [this.settings.dvcCommand ?? 'dvc']), {
        signal,
        timeoutMs: REMOTE_CALL_TIMEOUT_MS,
      });
      return parseTargetCheck(result.stdout, this.shell.where);
    } catch (error) {
      return { ok: false, lines: [`Could not reach ${this.shell.where}: ${hostCallMessage(error)}`] };
    }
  }
}
