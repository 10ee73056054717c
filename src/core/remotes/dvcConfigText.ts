/**
 * DVC's config files (`.dvc/config`, `.dvc/config.local`, the global and system `config`) as DVC 3.67.1 loads
 * them: configobj's INI dialect, then every section and option name lower-cased, and `remote "name"` sections
 * gathered under their name. Only the shapes DVC itself writes are understood (sections, `key = value` with
 * optional quotes and `#` comments); anything else (nested sections, lists, multi-line or interpolated values,
 * duplicates) makes the parse say "unsure", and the caller asks DVC instead of guessing.
 */

/** Section name (lower-cased, as configobj unquoted it) → option name (lower-cased) → value. */
export type DvcConfigSections = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type DvcConfigParse =
  | { readonly kind: 'parsed'; readonly sections: DvcConfigSections }
  | { readonly kind: 'unsure'; readonly reason: string };

/** configobj's section line with one level of brackets; a bare name may hold quotes (`[remote "x"]`). */
const SECTION = /^\[\s*(?:"([^"]*)"|'([^']*)'|([^'"\s[].*?))\s*\]\s*(?:#.*)?$/;
const OPTION = /^(?:"([^"]*)"|'([^']*)'|([^'"=\s][^=]*?))\s*=\s*(.*)$/;

export function parseDvcConfigText(text: string): DvcConfigParse {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `line ${index + 1}`;
    if (line.startsWith('[')) {
      const match = SECTION.exec(line);
      if (!match) return unsure(`${where}: a section header not written by DVC`);
      const name = (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase();
      if (sections.has(name)) return unsure(`${where}: section [${name}] twice`);
      current = new Map();
      sections.set(name, current);
      continue;
    }
    const option = OPTION.exec(line);
    if (!option) return unsure(`${where}: not a "key = value" line`);
    if (!current) return unsure(`${where}: an option before any section`);
    const key = (option[1] ?? option[2] ?? option[3] ?? '').toLowerCase();
    const value = optionValue(option[4] ?? '');
    if (value === undefined)
      return unsure(`${where}: a value DVC Lens does not read (list, multi-line, interpolation)`);
    if (current.has(key)) return unsure(`${where}: option ${key} twice`);
    current.set(key, value);
  }
  return { kind: 'parsed', sections };
}

/**
 * One value as configobj reads it: quoted (kept as written) or bare (up to a `#` comment, trimmed). A bare
 * comma makes configobj return a list, triple quotes start a multi-line value, and `%(name)s` is interpolated
 * when read: all undefined here.
 */
function optionValue(text: string): string | undefined {
  if (text.startsWith('"""') || text.startsWith("'''")) return undefined;
  const quoted = /^(?:"([^"]*)"|'([^']*)')\s*(?:#.*)?$/.exec(text);
  const value = quoted ? (quoted[1] ?? quoted[2] ?? '') : bareValue(text);
  if (value === undefined || value.includes('%(')) return undefined;
  return value;
}

function bareValue(text: string): string | undefined {
  if (/^['"]/.test(text)) return undefined;
  const beforeComment = text.split('#', 1)[0] ?? '';
  if (beforeComment.includes(',')) return undefined;
  return beforeComment.trim();
}

function unsure(reason: string): DvcConfigParse {
  return { kind: 'unsure', reason };
}

/** The name in a `remote "name"` section, as DVC's loader matches it (after lower-casing). */
export function remoteSectionName(section: string): string | undefined {
  return /^\s*remote\s*"(.*)"\s*$/.exec(section)?.[1];
}

/** One config file's parse, in DVC's order of shadowing: system, global, repo, local. */
export interface DvcConfigLevel {
  readonly sections: DvcConfigSections;
  /** DVC resolves a relative `url` against the folder of the file that holds it: this does that. */
  readonly resolveUrl: (url: string) => string | undefined;
}

/** What `dvc remote list` and `dvc remote default` would print, from the config levels merged as DVC does. */
export interface ConfiguredRemotes {
  /** Name and resolved URL, in the order DVC lists them (first appearance across the levels). */
  readonly remotes: readonly { readonly name: string; readonly url: string }[];
  /** `core.remote` of the last level that sets it. */
  readonly defaultName: string | undefined;
}

export type ConfiguredRemotesMerge =
  | { readonly kind: 'merged'; readonly remotes: ConfiguredRemotes }
  | { readonly kind: 'unsure'; readonly reason: string };

/**
 * Merges the levels option by option, a later level shadowing an earlier one (DVC's `merge`): a remote's
 * credentials in `.dvc/config.local` join its `url` from `.dvc/config`. A remote left without a `url` makes
 * DVC refuse the whole config: unsure.
 */
export function mergeConfiguredRemotes(levels: readonly DvcConfigLevel[]): ConfiguredRemotesMerge {
  const urls = new Map<string, string>();
  const seen = new Set<string>();
  let defaultName: string | undefined;
  for (const level of levels) {
    for (const [section, options] of level.sections) {
      if (section === 'core' && options.has('remote')) defaultName = options.get('remote');
      const name = remoteSectionName(section);
      if (name === undefined) continue;
      seen.add(name);
      const url = options.get('url');
      if (url === undefined) continue;
      const resolved = level.resolveUrl(url);
      if (resolved === undefined) return { kind: 'unsure', reason: `the url of remote ${name} (${url})` };
      urls.set(name, resolved);
    }
  }
  const remotes: { name: string; url: string }[] = [];
  for (const name of seen) {
    const url = urls.get(name);
    if (url === undefined) return { kind: 'unsure', reason: `remote ${name} has no url` };
    remotes.push({ name, url });
  }
  return { kind: 'merged', remotes: { remotes, defaultName } };
}
