/**
 * Where a remote target's commands run: this machine (a Slurm cluster whose `sbatch` is here) or a host
 * reached over SSH (an SSH target, a Slurm login node). Commands are argument arrays either way; over SSH
 * they become one command line for the remote login shell, each argument quoted (shellCommandLine), so no
 * supplied value is ever code there.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { CommandRunner, ProcessResult } from '../repository/processes';
import type { SshConnection } from '../core/execution/computeTargetSettings';
import { shellCommandLine } from '../core/execution/shellWords';
import { sshArguments, sshDestination } from '../core/execution/sshArguments';
import type { CommandArguments } from './computeTarget';

export interface HostCallOptions {
  /** Written to the command's stdin. */
  readonly input?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface HostShell {
  /** Where the commands run, for messages: `this machine`, `user@host`. */
  readonly where: string;
  /** Runs `argv` there; a non-zero exit rejects with the runner's ProcessError. */
  run(argv: readonly string[], options?: HostCallOptions): Promise<ProcessResult>;
  /** The program a terminal runs to run `argv` there. */
  terminalCommand(argv: readonly string[]): CommandArguments;
  /**
   * A work folder as commands there name it: `~` and `~/x` are the login's home (over SSH the remote command
   * starts in it, so they become `.` and `x`); a path that could pass for an option gets `./` in front.
   */
  resolveFolder(folder: string): string;
}

/** A bash snippet with its values as positional parameters (`$1`…): values are data, never code. */
export function bashSnippet(snippet: string, values: readonly string[]): string[] {
  return ['bash', '-c', snippet, 'dvc-lens', ...values];
}

/** What a failed call on the host said: its stderr (ssh's or the program's reason), else the error. */
export function hostCallMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stderr = (error as { stderr?: unknown }).stderr;
  return typeof stderr === 'string' && stderr.trim() ? stderr.trim() : error.message;
}

function withoutOptionLook(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

export class LocalHostShell implements HostShell {
  readonly where = 'this machine';

  constructor(
    private readonly runner: CommandRunner,
    /** Added to every call's environment (tests: the test cluster's `SLURM_CONF`). */
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  run(argv: readonly string[], options: HostCallOptions = {}): Promise<ProcessResult> {
    const [file, ...args] = argv;
    if (file === undefined) throw new Error('No command to run');
    return this.runner.run(
      {
        file,
        args,
        cwd: homedir(),
        env: { ...this.env },
        input: options.input,
        timeoutMs: options.timeoutMs,
      },
      { signal: options.signal },
    );
  }

  terminalCommand(argv: readonly string[]): CommandArguments {
    const [file, ...args] = argv;
    if (file === undefined) throw new Error('No command to run');
    return { file, args, env: { ...this.env } };
  }

  resolveFolder(folder: string): string {
    if (folder === '~') return homedir();
    if (folder.startsWith('~/')) return join(homedir(), folder.slice(2));
    return isAbsolute(folder) ? folder : join(homedir(), folder);
  }
}

export class SshHostShell implements HostShell {
  readonly where: string;

  constructor(
    private readonly runner: CommandRunner,
    private readonly connection: SshConnection,
  ) {
    this.where = sshDestination(connection);
  }

  run(argv: readonly string[], options: HostCallOptions = {}): Promise<ProcessResult> {
    return this.runner.run(
      {
        file: 'ssh',
        args: sshArguments(this.connection, shellCommandLine(argv)),
        cwd: homedir(),
        input: options.input,
        timeoutMs: options.timeoutMs,
      },
      { signal: options.signal },
    );
  }

  terminalCommand(argv: readonly string[]): CommandArguments {
    return {
      file: 'ssh',
      args: sshArguments(this.connection, shellCommandLine(argv), { terminal: true }),
      env: {},
    };
  }

  resolveFolder(folder: string): string {
    if (folder === '~') return '.';
    if (folder.startsWith('~/')) return withoutOptionLook(folder.slice(2) || '.');
    return withoutOptionLook(folder);
  }
}
