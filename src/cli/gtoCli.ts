/**
 * GTO, the model registry's CLI (`gto`, installed with DVC), in one repository: its writes create annotated
 * tags, so they queue in the repository's write lane with DVC's. Every name, version and stage a person
 * supplies goes after `--` or glued to its option, so none can be read as a flag.
 */
import { parseCliJson } from '../core/cliJson';
import type { ProcessResult } from './runner';
import type { RepositoryScheduler } from './repositoryScheduler';
import { optionValue } from './safeArguments';

export class GtoCli {
  constructor(
    /** The gto executable (an absolute path). */
    readonly command: string,
    private readonly scheduler: RepositoryScheduler,
    private readonly readTimeoutMs?: () => number,
  ) {}

  /** `gto --version`'s last word ("1.10.1"). */
  async version(signal?: AbortSignal): Promise<string> {
    const { stdout } = await this.scheduler.read({ file: this.command, args: ['--version'] }, { signal });
    return stdout.trim().split(/\s+/).at(-1) ?? '';
  }

  /** `gto show --json`: the registry's summary (artifact → latest version, stage → version). */
  async showJson(signal?: AbortSignal): Promise<unknown> {
    const timeout = this.readTimeoutMs?.();
    const { stdout } = await this.scheduler.read(
      { file: this.command, args: ['show', '--json'], ...(timeout ? { timeoutMs: timeout } : {}) },
      { signal, slot: 'gto-show' },
    );
    return parseCliJson(stdout);
  }

  /** `gto register --version=V -- NAME REV`. */
  register(name: string, rev: string, version: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.write(
      ['register', ...optionValue('--version', version), '--', name, rev],
      `Register ${name} ${version}`,
      signal,
    );
  }

  /** `gto assign --version=V --stage=S -- NAME`. */
  assign(name: string, version: string, stage: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.write(
      ['assign', ...optionValue('--version', version), ...optionValue('--stage', stage), '--', name],
      `Assign ${name} ${version} to ${stage}`,
      signal,
    );
  }

  /** `gto deprecate -- NAME VERSION STAGE`: the stage no longer holds that version. */
  unassign(name: string, version: string, stage: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.write(['deprecate', '--', name, version, stage], `Unassign ${stage} from ${name}`, signal);
  }

  /** `gto deprecate -- NAME VERSION`: the version is deregistered. */
  deregister(name: string, version: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.write(['deprecate', '--', name, version], `Deregister ${name} ${version}`, signal);
  }

  /** `gto deprecate -- NAME`: the whole artifact. */
  deprecate(name: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.write(['deprecate', '--', name], `Deprecate ${name}`, signal);
  }

  private write(args: readonly string[], label: string, signal?: AbortSignal): Promise<ProcessResult> {
    return this.scheduler.write({ file: this.command, args }, { signal, label });
  }
}

/**
 * GTO's one-line reason for a refusal (its stderr says `❌ 'model' is already registered ...`), without the
 * mark; the first non-empty line otherwise.
 */
export function gtoRefusalReason(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const marked = lines.find((line) => line.startsWith('❌'));
  return (marked ?? lines.at(-1) ?? '').replace(/^❌\s*/, '');
}
