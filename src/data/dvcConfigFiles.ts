/**
 * The remotes of a repository read from DVC's four config files instead of `dvc remote list` and
 * `dvc remote default` (two Python start-ups per read; the second exits 1 whenever no default is set). The
 * files and their order are DVC 3.67.1's (dvc/config.py, dvc/dirs.py, and dvc.org's "DVC Configuration"
 * page): system, global, `.dvc/config`, `.dvc/config.local`, each shadowing the one before. System and global
 * folders come from DVC_SYSTEM_CONFIG_DIR / DVC_GLOBAL_CONFIG_DIR, else platformdirs' folders for app "dvc"
 * (author "iterative"). Whatever DVC Lens cannot be sure of (a platform rule that changed across platformdirs
 * versions, a file it cannot parse) answers undefined, and the caller asks DVC.
 */
import { readFile, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  mergeConfiguredRemotes,
  parseDvcConfigText,
  type ConfiguredRemotes,
  type DvcConfigLevel,
} from '../core/remotes/dvcConfigText';

type Environment = Readonly<Record<string, string | undefined>>;

/** The four files, in DVC's order of shadowing. */
export interface DvcConfigFilePaths {
  readonly system: string;
  readonly global: string;
  readonly repo: string;
  readonly local: string;
}

export interface DvcConfigPlace {
  readonly env: Environment;
  readonly platform: NodeJS.Platform;
  /** The user's home folder as DVC sees it (HOME on POSIX). */
  readonly home: string;
}

/** The place this extension host's DVC processes run in (they inherit its environment). */
export function hostConfigPlace(): DvcConfigPlace {
  return { env: process.env, platform: process.platform, home: process.env.HOME || homedir() };
}

/** Where DVC looks for its config files for the repository at `root`, or undefined when unsure. */
export function dvcConfigFilePaths(root: string, place: DvcConfigPlace): DvcConfigFilePaths | undefined {
  const machine = machineConfigFilePaths(place);
  if (!machine) return undefined;
  const flavour = place.platform === 'win32' ? path.win32 : path.posix;
  return {
    ...machine,
    repo: flavour.join(root, '.dvc', 'config'),
    local: flavour.join(root, '.dvc', 'config.local'),
  };
}

/** The system and global config files, the same for every repository (watched beside the repositories'). */
export function machineConfigFilePaths(
  place: DvcConfigPlace,
): Pick<DvcConfigFilePaths, 'system' | 'global'> | undefined {
  const folders = userConfigFolders(place);
  if (!folders) return undefined;
  const flavour = place.platform === 'win32' ? path.win32 : path.posix;
  return { system: flavour.join(folders.system, 'config'), global: flavour.join(folders.global, 'config') };
}

function userConfigFolders(place: DvcConfigPlace): { system: string; global: string } | undefined {
  const { env, platform } = place;
  const platformFolders = platformConfigFolders(place);
  // DVC: `os.getenv(...) or platformdirs...`, so an empty variable counts as unset.
  const system = env.DVC_SYSTEM_CONFIG_DIR || platformFolders?.system;
  const global = env.DVC_GLOBAL_CONFIG_DIR || platformFolders?.global;
  if (system === undefined || global === undefined) return undefined;
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  // A relative folder is DVC's working folder's business: not worth guessing.
  if (!flavour.isAbsolute(system) || !flavour.isAbsolute(global)) return undefined;
  return { system, global };
}

/** platformdirs' site and user config folders for DVC, where the rule is the same in every version. */
function platformConfigFolders(place: DvcConfigPlace): { system: string; global: string } | undefined {
  const { env, platform, home } = place;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    const common = env.PROGRAMDATA ?? env.ProgramData;
    if (!local || !common) return undefined;
    return {
      system: path.win32.join(common, 'iterative', 'dvc'),
      global: path.win32.join(local, 'iterative', 'dvc'),
    };
  }
  if (!path.posix.isAbsolute(home)) return undefined;
  // Newer platformdirs honour XDG variables on macOS too, older ones do not: ask DVC when they are set there.
  if (platform === 'darwin') {
    if (env.XDG_CONFIG_HOME || env.XDG_CONFIG_DIRS) return undefined;
    return {
      system: '/Library/Application Support/dvc',
      global: path.posix.join(home, 'Library', 'Application Support', 'dvc'),
    };
  }
  // Linux and other Unix: XDG. Relative entries are ignored by newer platformdirs only: unsure.
  const configHome = env.XDG_CONFIG_HOME ?? '';
  const configDirs = (env.XDG_CONFIG_DIRS ?? '').split(':').filter((folder) => folder !== '');
  if (
    (configHome !== '' && !configHome.startsWith('/')) ||
    configDirs.some((folder) => !folder.startsWith('/'))
  )
    return undefined;
  return {
    system: path.posix.join(configDirs[0] ?? '/etc/xdg', 'dvc'),
    global: path.posix.join(configHome || path.posix.join(home, '.config'), 'dvc'),
  };
}

/** The remotes and the default as DVC would list them, or undefined (with why) when DVC must be asked. */
export async function readConfiguredRemotes(
  root: string,
  place: DvcConfigPlace = hostConfigPlace(),
): Promise<ConfiguredRemotes | { readonly unsure: string }> {
  // DVC runs in the root's physical folder (getcwd), and resolves relative URLs from there.
  const physicalRoot = await realpath(root).catch(() => root);
  const files = dvcConfigFilePaths(physicalRoot, place);
  if (!files) return { unsure: 'the global or system config folder is not certain on this machine' };
  const levels: DvcConfigLevel[] = [];
  for (const file of [files.system, files.global, files.repo, files.local]) {
    const text = await readConfigFile(file);
    if (text === undefined) return { unsure: `${file} could not be read` };
    const parsed = parseDvcConfigText(text);
    if (parsed.kind === 'unsure') return { unsure: `${file}: ${parsed.reason}` };
    levels.push({ sections: parsed.sections, resolveUrl: (url) => resolveUrl(url, file, place) });
  }
  const merged = mergeConfiguredRemotes(levels);
  return merged.kind === 'merged' ? merged.remotes : { unsure: merged.reason };
}

/** The file's text; '' when it does not exist (DVC treats a missing file as empty); undefined on other errors. */
async function readConfigFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? '' : undefined;
  }
}

/**
 * A remote URL as DVC's loader turns it into what `remote list` prints: URLs with a scheme and absolute paths
 * as written, `~` expanded, anything else joined to the config file's folder and normalized.
 */
export function resolveUrl(url: string, configFile: string, place: DvcConfigPlace): string | undefined {
  if (/^\w+:\/\//.test(url)) return url;
  // Windows paths have drive letters, UNC forms and slash rewriting of their own: DVC answers those.
  if (place.platform === 'win32') return undefined;
  if (url.startsWith('/')) return url;
  // Python's expanduser: the home without its trailing slashes, then the rest as written (not normalized).
  if (url === '~' || url.startsWith('~/')) return `${place.home.replace(/\/+$/, '')}${url.slice(1)}` || '/';
  if (url.startsWith('~')) return undefined;
  return path.posix.resolve(path.posix.dirname(configFile), url);
}
