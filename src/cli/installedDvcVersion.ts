/**
 * DVC's version read from the files pip installed, so discovery needs no `dvc --version` process (a Python
 * start-up, ~0.4-2 s) when the answer is certain. It is certain only for a pip console script whose
 * interpreter is a venv isolated from the system's packages, with one non-editable DVC in that venv's
 * site-packages whose generated `dvc/_version.py` (what `--version` prints) agrees with its dist-info. Read on
 * every discovery, never cached, so an upgrade in place is never missed. Anything else says "unsure" and
 * discovery runs `dvc --version` as before.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  consoleScriptInterpreter,
  generatedVersionModuleValue,
  isEditableInstall,
  metadataVersion,
  parsePyvenvConfig,
  pyvenvMajorMinor,
} from '../core/setup/pipInstallFiles';

/** A console script is a few hundred bytes; a binary or anything else is not worth more. */
const SCRIPT_HEAD_BYTES = 4096;

export type InstalledDvcVersion =
  | { readonly kind: 'read'; readonly version: string; readonly evidence: string }
  | { readonly kind: 'unsure'; readonly reason: string };

export interface InstalledDvcVersionOptions {
  /** The DVC command discovery would run. */
  readonly command: string;
  /** Non-empty for `python -m dvc`: not read from files (the working folder comes first on sys.path). */
  readonly prefixArgs: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

export async function readInstalledDvcVersion(
  options: InstalledDvcVersionOptions,
): Promise<InstalledDvcVersion> {
  try {
    return await readVersion(options);
  } catch (error) {
    return unsure(`a file could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function readVersion(options: InstalledDvcVersionOptions): Promise<InstalledDvcVersion> {
  // Windows console scripts are launcher .exe files; `-m dvc` imports from the working folder first.
  if (options.platform === 'win32') return unsure('Windows launchers are not read');
  if (options.prefixArgs.length > 0) return unsure('python -m dvc is not read');
  // These put other folders before site-packages.
  for (const variable of ['PYTHONPATH', 'PYTHONHOME']) {
    if (options.env[variable]) return unsure(`${variable} is set`);
  }
  const script = await realpath(options.command);
  const interpreter = consoleScriptInterpreter(await readHead(script));
  if (!interpreter) return unsure('not a pip console script for DVC');
  // Python puts the script's own folder first on sys.path: a dvc module there would win.
  if (
    (await exists(path.join(path.dirname(script), 'dvc.py'))) ||
    (await isFolder(path.join(path.dirname(script), 'dvc')))
  )
    return unsure('a dvc module sits next to the script');
  const venv = path.dirname(path.dirname(interpreter));
  const config = await readOptional(path.join(venv, 'pyvenv.cfg'));
  if (config === undefined) return unsure('the interpreter is not in a venv');
  // Python looks for pyvenv.cfg next to the interpreter first; a second one would make this guess wrong.
  if (await exists(path.join(path.dirname(interpreter), 'pyvenv.cfg'))) return unsure('two pyvenv.cfg files');
  const settings = parsePyvenvConfig(config);
  if (settings.get('include-system-site-packages')?.toLowerCase() !== 'false')
    return unsure('the venv sees system site-packages');
  const majorMinor = pyvenvMajorMinor(settings);
  if (!majorMinor) return unsure('pyvenv.cfg names no Python version');
  const sitePackages = path.join(venv, 'lib', `python${majorMinor}`, 'site-packages');
  return readSitePackages(sitePackages);
}

async function readSitePackages(sitePackages: string): Promise<InstalledDvcVersion> {
  const entries = await readdir(sitePackages);
  const distInfos = entries.filter((entry) => /^dvc-[^-]+\.dist-info$/i.test(entry));
  const distInfo = distInfos[0];
  if (distInfos.length !== 1 || distInfo === undefined)
    return unsure(`${distInfos.length} dvc dist-info folders`);
  if (entries.some((entry) => /^dvc-.*\.egg-info$|^dvc\.egg-link$|^__editable__.*dvc/i.test(entry)))
    return unsure('an egg or editable DVC install');
  const directUrl = await readOptional(path.join(sitePackages, distInfo, 'direct_url.json'));
  if (directUrl !== undefined && isEditableInstall(directUrl)) return unsure('an editable DVC install');
  const fromMetadata = metadataVersion(await readFile(path.join(sitePackages, distInfo, 'METADATA'), 'utf8'));
  const versionModule = path.join(sitePackages, 'dvc', '_version.py');
  const fromModule = generatedVersionModuleValue(await readFile(versionModule, 'utf8'));
  if (!fromModule || fromModule !== fromMetadata)
    return unsure(
      `dvc/_version.py (${fromModule ?? 'none'}) and ${distInfo} (${fromMetadata ?? 'none'}) disagree`,
    );
  return { kind: 'read', version: fromModule, evidence: `${versionModule} and ${distInfo}` };
}

function unsure(reason: string): InstalledDvcVersion {
  return { kind: 'unsure', reason };
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SCRIPT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SCRIPT_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}
