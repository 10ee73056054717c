/**
 * DVC remotes of one repository, through `dvc remote …` in the write lane (DVC owns `.dvc/config` and
 * `.dvc/config.local`; we never edit them ourselves). Credentials always go to `.dvc/config.local`, which
 * `dvc init` git-ignores, never to the committed `.dvc/config`.
 */
import type { DvcCli } from '../cli/dvcCli';
import { isProcessError } from '../cli/processError';
import type { RepositoryScheduler } from '../cli/repositoryScheduler';
import { parseRemoteList, type DvcRemote } from '../core/data/remoteList';

export type { DvcRemote } from '../core/data/remoteList';

/**
 * Remote options whose values are secrets: they are written with `--local` whatever the caller asks. DVC
 * validates options per remote type: a local-folder remote refuses `password` ("extra keys not allowed").
 */
const SECRET_WORDS = ['password', 'key', 'token', 'secret', 'credentials'];

/**
 * True for options that hold credentials (`password`, `access_key_id`, `secret_access_key`, `token`,
 * `credentialpath`, `gdrive_client_secret`, `keyfile`…). Errs on the side of secret: a wrongly local option
 * is an inconvenience, a committed password is a leak.
 */
export function isSecretOption(option: string): boolean {
  const name = option.toLowerCase();
  return SECRET_WORDS.some((word) => name.includes(word)) || name === 'credentialpath';
}

export interface RemoteWriteOptions {
  readonly signal?: AbortSignal;
}

export class RemotesService {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
  ) {}

  /** Remotes from every config level (`dvc remote list`), the default one marked. */
  async list(signal?: AbortSignal): Promise<DvcRemote[]> {
    const [listed, defaultName] = await Promise.all([
      this.cli.readText(['remote', 'list'], { signal, slot: 'remote-list' }),
      this.defaultRemote(signal),
    ]);
    return parseRemoteList(listed, defaultName);
  }

  /**
   * The default remote's name, or undefined when none is set: DVC 3.67.1 then prints "No default remote set"
   * on stdout and exits with 1.
   */
  async defaultRemote(signal?: AbortSignal): Promise<string | undefined> {
    try {
      const text = await this.cli.readText(['remote', 'default'], { signal, slot: 'remote-default' });
      return text.trim() || undefined;
    } catch (error) {
      if (isProcessError(error, 'exit') && /No default remote set/.test(`${error.stdout}${error.stderr}`))
        return undefined;
      throw error;
    }
  }

  async add(
    name: string,
    url: string,
    options: { readonly default?: boolean; readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    await this.write(
      [
        'remote',
        'add',
        ...(options.local ? ['--local'] : []),
        ...(options.default ? ['--default'] : []),
        name,
        url,
      ],
      `Add remote ${name}`,
      options.signal,
    );
  }

  /** `dvc remote modify`; secret options ({@link isSecretOption}) always land in `.dvc/config.local`. */
  async modify(
    name: string,
    option: string,
    value: string,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    const local = options.local === true || isSecretOption(option);
    await this.write(
      ['remote', 'modify', ...(local ? ['--local'] : []), name, option, value],
      `Set ${option} of remote ${name}`,
      options.signal,
    );
  }

  /** `dvc remote modify --unset`. */
  async unset(
    name: string,
    option: string,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    const local = options.local === true || isSecretOption(option);
    await this.write(
      ['remote', 'modify', ...(local ? ['--local'] : []), '--unset', name, option],
      `Unset ${option} of remote ${name}`,
      options.signal,
    );
  }

  /** `dvc remote remove`; for a project remote, its options in `.dvc/config.local` go too (see rename). */
  async remove(name: string, options: { readonly local?: boolean } & RemoteWriteOptions = {}): Promise<void> {
    if (!options.local && (await this.localOnlyOptions(name, options.signal)).length > 0)
      await this.write(
        ['remote', 'remove', '--local', name],
        `Remove local options of ${name}`,
        options.signal,
      );
    await this.write(
      ['remote', 'remove', ...(options.local ? ['--local'] : []), name],
      `Remove remote ${name}`,
      options.signal,
    );
  }

  /**
   * `dvc remote rename`. DVC 3.67.1 renames (and removes) a remote at one config level and then validates the
   * merged config: the remote's credentials in `.dvc/config.local` would stay under the old name without a
   * `url`, and DVC refuses ("expected 'url' for dictionary value"). So those options are taken out first and
   * written back under the new name (back under the old one if the rename fails).
   */
  async rename(
    name: string,
    newName: string,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    const moved = options.local ? [] : await this.localOnlyOptions(name, options.signal);
    if (moved.length > 0)
      await this.write(
        ['remote', 'remove', '--local', name],
        `Move local options of ${name}`,
        options.signal,
      );
    let target = newName;
    try {
      await this.write(
        ['remote', 'rename', ...(options.local ? ['--local'] : []), name, newName],
        `Rename remote ${name} to ${newName}`,
        options.signal,
      );
    } catch (error) {
      target = name;
      throw error;
    } finally {
      // Without the caller's signal: a cancelled rename must not lose the credentials it took out.
      for (const [option, value] of moved)
        await this.write(
          ['remote', 'modify', '--local', target, option, value],
          `Set ${option} of remote ${target}`,
        );
    }
  }

  /** `dvc remote default <name>`, or `--unset` with undefined. */
  async setDefault(
    name: string | undefined,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    await this.write(
      [
        'remote',
        'default',
        ...(options.local ? ['--local'] : []),
        ...(name === undefined ? ['--unset'] : [name]),
      ],
      name === undefined ? 'Unset the default remote' : `Make ${name} the default remote`,
      options.signal,
    );
  }

  /**
   * Options of a project remote that `.dvc/config.local` holds without a `url` (typically its credentials),
   * from `dvc config --list --local` ("remote.<name>.<option>=<value>" per line).
   */
  private async localOnlyOptions(name: string, signal?: AbortSignal): Promise<Array<[string, string]>> {
    const text = await this.cli.readText(['config', '--list', '--local'], { signal });
    const prefix = `remote.${name}.`;
    const found: Array<[string, string]> = [];
    for (const line of text.split(/\r?\n/)) {
      if (!line.startsWith(prefix)) continue;
      const separator = line.indexOf('=');
      if (separator < 0) continue;
      found.push([line.slice(prefix.length, separator), line.slice(separator + 1)]);
    }
    return found.some(([option]) => option === 'url') ? [] : found;
  }

  private async write(args: readonly string[], label: string, signal?: AbortSignal): Promise<void> {
    const { command, prefixArgs } = this.cli.executable;
    await this.scheduler.write({ file: command, args: [...prefixArgs, ...args] }, { signal, label });
  }
}
