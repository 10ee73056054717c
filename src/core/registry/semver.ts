/**
 * Semantic versions as GTO writes them in tags (`v1.2.3`, `v1.0.0-rc.1+build`): parse, order, and the next
 * version for Register Version. GTO orders versions by SemVer 2.0 precedence and ignores build metadata.
 */

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated identifiers after `-`; empty for a release. */
  readonly prerelease: readonly string[];
  readonly build?: string;
}

export type VersionPart = 'major' | 'minor' | 'patch';

const NUMBER = '(0|[1-9]\\d*)';
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const SEMVER_SOURCE = `${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?`;
/** The version part of a GTO tag: `v` and a SemVer 2.0 version (the regex GTO itself accepts). */
export const VERSION_PATTERN_SOURCE = `v${SEMVER_SOURCE}`;
const VERSION_RE = new RegExp(`^${VERSION_PATTERN_SOURCE}$`);

/** `v1.2.3` into its parts; undefined for anything GTO would not take as a version. */
export function parseVersion(text: string): SemVer | undefined {
  const match = VERSION_RE.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
    ...(match[5] ? { build: match[5] } : {}),
  };
}

export function formatVersion(version: SemVer): string {
  const pre = version.prerelease.length > 0 ? `-${version.prerelease.join('.')}` : '';
  const build = version.build ? `+${version.build}` : '';
  return `v${version.major}.${version.minor}.${version.patch}${pre}${build}`;
}

/** SemVer precedence: negative when `a` comes before `b`; build metadata does not count. */
export function compareVersions(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return b.prerelease.length === 0 ? (a.prerelease.length === 0 ? 0 : -1) : 1;
  for (let index = 0; index < Math.max(a.prerelease.length, b.prerelease.length); index++) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    const order = compareIdentifiers(left, right);
    if (order !== 0) return order;
  }
  return 0;
}

function compareIdentifiers(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b));
  if (numeric.test(a)) return -1;
  if (numeric.test(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares version texts; texts that are no version sort after all versions, alphabetically. */
export function compareVersionTexts(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (left && right) return compareVersions(left, right);
  if (left) return -1;
  if (right) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The version Register Version proposes: the highest existing one bumped at `part` (pre-release and build
 * dropped, as GTO's own bump does), or for the first one `v0.0.1` (GTO's default), `v0.1.0` or `v1.0.0`.
 */
export function nextVersion(existing: readonly string[], part: VersionPart = 'patch'): string {
  const versions = existing.flatMap((text) => parseVersion(text) ?? []);
  const highest = versions.sort(compareVersions).at(-1);
  if (!highest) return part === 'major' ? 'v1.0.0' : part === 'minor' ? 'v0.1.0' : 'v0.0.1';
  if (part === 'major')
    return formatVersion({ major: highest.major + 1, minor: 0, patch: 0, prerelease: [] });
  if (part === 'minor')
    return formatVersion({ major: highest.major, minor: highest.minor + 1, patch: 0, prerelease: [] });
  return formatVersion({
    major: highest.major,
    minor: highest.minor,
    patch: highest.patch + 1,
    prerelease: [],
  });
}
