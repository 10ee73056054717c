/**
 * The files pip leaves behind when it installs DVC, read as text: the console script's interpreter line, a
 * venv's pyvenv.cfg, DVC's generated `dvc/_version.py` (the very string `dvc --version` prints) and the
 * dist-info METADATA. Pure: cli/installedDvcVersion.ts reads the files and decides whether they are enough.
 */

/**
 * The interpreter a pip console script for DVC starts, or undefined when the text is not such a script.
 * pip writes `#!/abs/python` or, when that path has spaces or is too long for a shebang,
 * `#!/bin/sh` + `'''exec' "/abs/python" "$0" "$@"`; the body must import DVC's own entry point.
 */
export function consoleScriptInterpreter(text: string): string | undefined {
  if (!/^from dvc\.cli import main$/m.test(text)) return undefined;
  const firstLine = text.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
  const direct = /^#!(\/\S+)$/.exec(firstLine);
  if (direct?.[1] && !/\/(sh|bash|env)$/.test(direct[1])) return direct[1];
  if (firstLine !== '#!/bin/sh') return undefined;
  const exec = /^'''exec' "([^"]+)" "\$0" "\$@"$/m.exec(text) ?? /^'''exec' (\/\S+) "\$0" "\$@"$/m.exec(text);
  return exec?.[1]?.startsWith('/') ? exec[1] : undefined;
}

/** pyvenv.cfg's `key = value` lines. */
export function parsePyvenvConfig(text: string): ReadonlyMap<string, string> {
  const settings = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) settings.set(match[1].toLowerCase(), match[2]);
  }
  return settings;
}

/** "3.11" from pyvenv.cfg's `version_info` (3.11+) or `version`, naming `lib/python3.11/site-packages`. */
export function pyvenvMajorMinor(settings: ReadonlyMap<string, string>): string | undefined {
  const version = settings.get('version_info') ?? settings.get('version') ?? '';
  return /^(\d+\.\d+)(?:\.|$)/.exec(version)?.[1];
}

/** The version setuptools-scm wrote into `dvc/_version.py` (`__version__ = version = '3.67.1'`). */
export function generatedVersionModuleValue(text: string): string | undefined {
  const match = /^__version__\s*=\s*(?:version\s*=\s*)?(['"])([^'"\s]+)\1\s*$/m.exec(text);
  return match?.[2];
}

/** The `Version:` header of a dist-info METADATA (headers end at the first blank line). */
export function metadataVersion(text: string): string | undefined {
  const headers = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^Version:\s*(\S+)\s*$/m.exec(headers)?.[1];
}

/** True when a dist-info's direct_url.json says the package is an editable (development) install. */
export function isEditableInstall(directUrlJson: string): boolean {
  try {
    const parsed: unknown = JSON.parse(directUrlJson);
    if (typeof parsed !== 'object' || parsed === null || !('dir_info' in parsed)) return false;
    const dirInfo: unknown = parsed.dir_info;
    return (
      typeof dirInfo === 'object' && dirInfo !== null && 'editable' in dirInfo && dirInfo.editable === true
    );
  } catch {
    // Unreadable: treat as editable, so the caller runs DVC instead of trusting the files.
    return true;
  }
}
