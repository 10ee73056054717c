/**
 * Data and cache of one repository, without VS Code: status from `dvc data status`, tracking (`dvc add` then
 * `git add` of what DVC wrote), and transfers to and from remotes. Writes go through the repository's write
 * lane, so they never meet another DVC write on the repository lock.
 */
import { access } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { DvcCli, OutputListener } from '../repository/processes';
import type { GitCli } from '../repository/processes';
import { isProcessError, type ProcessError } from '../repository/processes';
import type { RepositoryScheduler } from '../repository/processes';
import { optionalValue, positionals } from '../repository/processes';
import { parseDataStatus, type DataStatus } from '../core/data/dataStatus';
import { parseTransferSummary, type TransferSummary } from '../core/data/transferSummary';
import {
  gcArguments,
  parseGcSummary,
  type GcRequest,
  type GcSummary,
} from '../core/remotes/garbageCollection';
import type { TransferKind } from '../core/remotes/transferMessage';

export type { TransferKind } from '../core/remotes/transferMessage';

const TRANSFER_VERBS: Readonly<Record<TransferKind, string>> = { push: 'Push', pull: 'Pull', fetch: 'Fetch' };

export interface TransferOptions {
  /** Paths or `.dvc` files to transfer; all tracked data when empty. */
  readonly targets?: readonly string[];
  /** `-r <remote>`; DVC's default remote when absent. */
  readonly remote?: string;
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
}

/** A push, pull or fetch that DVC reported as failed, with what it did manage (often a partial transfer). */
export class DataTransferError extends Error {
  override readonly name = 'DataTransferError';
  constructor(
    readonly kind: TransferKind,
    readonly summary: TransferSummary,
    override readonly cause: ProcessError,
  ) {
    super(cause.message);
  }
}

export class DataService {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
    private readonly git: GitCli,
  ) {}

  /** Every tracked path with its state; `notInRemote` also asks the default remote (slower: network). */
  async status(options: { readonly notInRemote?: boolean } = {}, signal?: AbortSignal): Promise<DataStatus> {
    const json = await this.cli.readJson(
      [
        'data',
        'status',
        '--granular',
        '--unchanged',
        ...(options.notInRemote ? ['--not-in-remote'] : []),
        '--json',
      ],
      { signal, slot: 'data-status' },
    );
    return parseDataStatus(json);
  }

  /**
   * `dvc add <paths>`, then `git add` of the `.dvc` files and `.gitignore` files DVC wrote. Paths are relative to
   * the repository root, `/`-separated. Returns what was staged in git.
   */
  async track(paths: readonly string[], signal?: AbortSignal, onOutput?: OutputListener): Promise<string[]> {
    if (paths.length === 0) return [];
    await this.cli.add(paths, signal, onOutput);
    const written = new Set<string>();
    for (const path of paths) {
      const trimmed = path.replace(/\/+$/, '');
      written.add(`${trimmed}.dvc`);
      const folder = posix.dirname(trimmed);
      written.add(folder === '.' ? '.gitignore' : `${folder}/.gitignore`);
    }
    const existing: string[] = [];
    for (const file of written)
      if (
        await access(join(this.cli.root, file)).then(
          () => true,
          () => false,
        )
      )
        existing.push(file);
    if (existing.length > 0) await this.git.add(existing, signal);
    return existing;
  }

  push(options: TransferOptions = {}): Promise<TransferSummary> {
    return this.transfer('push', options);
  }

  pull(options: TransferOptions = {}): Promise<TransferSummary> {
    return this.transfer('pull', options);
  }

  fetch(options: TransferOptions = {}): Promise<TransferSummary> {
    return this.transfer('fetch', options);
  }

  /**
   * `dvc gc --workspace …--force`: deletes every cache object (and with `cloud` every remote object) the scope
   * does not reference. Callers confirm with the person first; `--force` only skips DVC's own prompt.
   */
  async gc(request: GcRequest, signal?: AbortSignal, onOutput?: OutputListener): Promise<GcSummary> {
    const { command, prefixArgs } = this.cli.executable;
    const result = await this.scheduler.write(
      { file: command, args: [...prefixArgs, ...gcArguments(request)] },
      { signal, onOutput, label: `Garbage collection (${request.scope}${request.cloud ? ', cloud' : ''})` },
    );
    return parseGcSummary(`${result.stdout}\n${result.stderr}`);
  }

  private async transfer(kind: TransferKind, options: TransferOptions): Promise<TransferSummary> {
    const targets = options.targets ?? [];
    const { command, prefixArgs } = this.cli.executable;
    const args = [...prefixArgs, kind, ...optionalValue('--remote', options.remote), ...positionals(targets)];
    const what = targets.length > 0 ? targets.join(', ') : 'all data';
    const label = `${TRANSFER_VERBS[kind]} ${what}${options.remote === undefined ? '' : ` (${options.remote})`}`;
    try {
      const result = await this.scheduler.write(
        { file: command, args },
        { signal: options.signal, onOutput: options.onOutput, label },
      );
      return parseTransferSummary(`${result.stdout}\n${result.stderr}`);
    } catch (error) {
      if (isProcessError(error, 'exit'))
        throw new DataTransferError(kind, parseTransferSummary(`${error.stdout}\n${error.stderr}`), error);
      throw error;
    }
  }
}
