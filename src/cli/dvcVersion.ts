/**
 * DVC versions: what `dvc --version` prints and the oldest DVC the extension supports.
 *
 * MINIMUM_DVC_VERSION is 3.0.0 because every file and JSON shape the extension reads is DVC 3's: 3.0 changed
 * the cache layout and hashes (`files/md5`, `hash: md5` in dvc.lock) and the `exp show --json` structure, and
 * the contracts in this project are recorded from DVC 3 runs (tested against 3.67.1). A DVC 2 would answer in
 * shapes we would misread, which is worse than saying clearly that it is too old.
 */
export const MINIMUM_DVC_VERSION = '3.0.0';

export type VersionTriple = readonly [major: number, minor: number, patch: number];

/** The first `major.minor[.patch]` in the text ("3.67.1", "3.0.0a1", "dvc 3.2"), or undefined. */
export function parseVersion(text: string): VersionTriple | undefined {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (pre-release tags ignored). */
export function compareVersions(a: VersionTriple, b: VersionTriple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function isVersionAtLeast(version: string, minimum: string): boolean {
  const parsed = parseVersion(version);
  const required = parseVersion(minimum);
  return parsed !== undefined && required !== undefined && compareVersions(parsed, required) >= 0;
}
