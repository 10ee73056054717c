/**
 * DVC remotes of one repository: read from DVC's config files when certain, written through `dvc remote …`
 * in the write lane (DVC owns `.dvc/config` and `.dvc/config.local`; we never edit them ourselves). Credentials always go to `.dvc/config.local`, which
 * `dvc init` git-ignores, never to the committed `.dvc/config`.
 */
import type { DvcCli } from '../repository/processes';
import { isProcessError } from '../repository/processes';
import type { RepositoryScheduler } from '../repository/processes';
import { positionals } from '../repository/processes';
import { parseRemoteList, type DvcRemote } from '../core/data/remoteList';
import { remoteOptionsFromConfigList } from '../core/remotes/remoteConfigListing';
import { failureDetail } from '../core/remotes/remoteFailure';
import type { ConfiguredRemotes } from '../core/remotes/dvcConfigText';
import { hostConfigPlace, readConfiguredRemotes, type DvcConfigPlace } from './dvcConfigFiles';

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

/**
 * A rename that renamed the remote but could not finish moving its `.dvc/config.local` options; the message
 * says where the credentials are now (never lost: the old copy is removed only after the new one is read back).
 */
export class RemoteCredentialsMoveError extends Error {
  override readonly name = 'RemoteCredentialsMoveError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export interface RemoteWriteOptions {
  readonly signal?: AbortSignal;
}

export class RemotesService {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
    /** Where DVC's processes would look for their config (tests give a temporary home). */
    private readonly configPlace: DvcConfigPlace = hostConfigPlace(),
    /** Hears why the config files were not enough, for the log. */
    private readonly onUnsure?: (line: string) => void,
  ) {}

  /**
   * Remotes from every config level, the default one marked: read from DVC's config files when they are
   * certain (dvcConfigFiles.ts), else `dvc remote list` and `dvc remote default`.
   */
  async list(signal?: AbortSignal): Promise<DvcRemote[]> {
    const configured = await this.fromConfigFiles();
    if (configured)
      return configured.remotes.map((remote) => ({
        ...remote,
        isDefault: remote.name === configured.defaultName,
      }));
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
    const configured = await this.fromConfigFiles();
    if (configured) return configured.defaultName?.trim() || undefined;
    try {
      const text = await this.cli.readText(['remote', 'default'], { signal, slot: 'remote-default' });
      return text.trim() || undefined;
    } catch (error) {
      if (isProcessError(error, 'exit') && /No default remote set/.test(`${error.stdout}${error.stderr}`))
        return undefined;
      throw error;
    }
  }

  private async fromConfigFiles(): Promise<ConfiguredRemotes | undefined> {
    const read = await readConfiguredRemotes(this.cli.root, this.configPlace);
    if ('unsure' in read) {
      this.onUnsure?.(`DVC remotes of ${this.cli.root} asked from DVC: ${read.unsure}`);
      return undefined;
    }
    return read;
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
        ...positionals([name, url]),
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
    await this.setOption(name, option, value, local, options.signal);
  }

  /** `dvc remote modify --unset`. */
  async unset(
    name: string,
    option: string,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    const local = options.local === true || isSecretOption(option);
    await this.write(
      ['remote', 'modify', ...(local ? ['--local'] : []), '--unset', ...positionals([name, option])],
      `Unset ${option} of remote ${name}`,
      options.signal,
    );
  }

  /** `dvc remote remove`; for a project remote, its options in `.dvc/config.local` go too (see rename). */
  async remove(name: string, options: { readonly local?: boolean } & RemoteWriteOptions = {}): Promise<void> {
    if (!options.local && (await this.localOnlyOptions(name, options.signal)).size > 0)
      await this.write(
        ['remote', 'remove', '--local', ...positionals([name])],
        `Remove local options of ${name}`,
        options.signal,
      );
    await this.write(
      ['remote', 'remove', ...(options.local ? ['--local'] : []), ...positionals([name])],
      `Remove remote ${name}`,
      options.signal,
    );
  }

  /**
   * `dvc remote rename`, keeping the remote's credentials. DVC 3.67.1 renames a remote at one config level and
   * then validates the merged config: options in `.dvc/config.local` left under the old name without a `url`
   * make it refuse ("expected 'url' for dictionary value") after it has already written `.dvc/config`. So the
   * credentials are moved in an order that never loses them:
   * 1. the old local section gets the remote's `url`, which makes it a complete remote on its own;
   * 2. the project remote is renamed (on failure, step 1 is undone and nothing else changed);
   * 3. each local option is written under the new name, then read back with `dvc config --list --local`;
   * 4. only then is the old local section removed.
   * A failure in 3 or 4 leaves the credentials under the old name and throws a RemoteCredentialsMoveError
   * that says where they are.
   */
  async rename(
    name: string,
    newName: string,
    options: { readonly local?: boolean } & RemoteWriteOptions = {},
  ): Promise<void> {
    const rename = (signal?: AbortSignal): Promise<void> =>
      this.write(
        ['remote', 'rename', ...(options.local ? ['--local'] : []), ...positionals([name, newName])],
        `Rename remote ${name} to ${newName}`,
        signal,
      );
    const moved = options.local
      ? new Map<string, string>()
      : await this.localOnlyOptions(name, options.signal);
    if (moved.size === 0) return rename(options.signal);
    const merged = await this.cli.readText(['config', '--list'], { signal: options.signal });
    const url = remoteOptionsFromConfigList(merged, name).get('url');
    if (url === undefined) return rename(options.signal);

    await this.setOption(name, 'url', url, true, options.signal);
    try {
      await rename(options.signal);
    } catch (error) {
      // Without the caller's signal: a cancelled rename must still put the old local section back as it was.
      await this.write(
        ['remote', 'modify', '--local', '--unset', ...positionals([name, 'url'])],
        `Restore local options of ${name}`,
      ).catch(() => undefined);
      throw error;
    }
    // From here on without the caller's signal: stopping half-way would leave the credentials in two places.
    const names = [...moved.keys()];
    try {
      for (const [option, value] of moved) await this.setOption(newName, option, value, true);
      const written = remoteOptionsFromConfigList(
        await this.cli.readText(['config', '--list', '--local']),
        newName,
      );
      const missing = names.filter((option) => written.get(option) !== moved.get(option));
      if (missing.length > 0)
        throw new Error(`DVC did not keep ${missing.join(', ')} under '${newName}' in .dvc/config.local.`);
    } catch (error) {
      throw new RemoteCredentialsMoveError(
        `Remote '${name}' is now '${newName}', but its ${names.join(', ')} could not be copied to '${newName}' ` +
          `in .dvc/config.local: ${messageOf(error)} Nothing is lost: they are still under '${name}' in ` +
          `.dvc/config.local; set them on '${newName}' and remove '${name}' there.`,
        error,
      );
    }
    try {
      await this.write(
        ['remote', 'remove', '--local', ...positionals([name])],
        `Remove local options of ${name}`,
      );
    } catch (error) {
      throw new RemoteCredentialsMoveError(
        `Remote '${name}' is now '${newName}' with its ${names.join(', ')}, but the old copy under '${name}' ` +
          `could not be removed from .dvc/config.local: ${messageOf(error)}`,
        error,
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
        ...(name === undefined ? ['--unset'] : positionals([name])),
      ],
      name === undefined ? 'Unset the default remote' : `Make ${name} the default remote`,
      options.signal,
    );
  }

  /**
   * `dvc remote modify [--local] -- <name> <option> <value>`: after `--`, a value such as `-u` (DVC's own
   * `--unset`) or `-Xy9secret` is the value.
   */
  private async setOption(
    name: string,
    option: string,
    value: string,
    local: boolean,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.write(
      ['remote', 'modify', ...(local ? ['--local'] : []), ...positionals([name, option, value])],
      `Set ${option} of remote ${name}`,
      signal,
    );
  }

  /**
   * Options of a project remote that `.dvc/config.local` holds without a `url` (typically its credentials),
   * from `dvc config --list --local`; empty when the local section is a remote of its own (it has a `url`).
   */
  private async localOnlyOptions(name: string, signal?: AbortSignal): Promise<Map<string, string>> {
    const text = await this.cli.readText(['config', '--list', '--local'], { signal });
    const found = remoteOptionsFromConfigList(text, name);
    return found.has('url') ? new Map() : found;
  }

  private async write(args: readonly string[], label: string, signal?: AbortSignal): Promise<void> {
    const { command, prefixArgs } = this.cli.executable;
    await this.scheduler.write({ file: command, args: [...prefixArgs, ...args] }, { signal, label });
  }
}

/** DVC's own sentence when DVC refused; the error's message otherwise; ending with a full stop. */
function messageOf(error: unknown): string {
  const text = isProcessError(error, 'exit')
    ? failureDetail(`${error.stderr}\n${error.stdout}`) || error.message
    : error instanceof Error
      ? error.message
      : String(error);
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
