/**
 * `dvc remote list` as DVC 3.67.1 prints it: one line per remote, name, whitespace, URL, and `(default)` after
 * the default one's URL (test/fixtures/dvc-data-status/remote-list.txt). DVC has no `--json` for it.
 */

/** A configured DVC remote. */
export interface DvcRemote {
  readonly name: string;
  readonly url: string;
  readonly isDefault: boolean;
}

export function parseRemoteList(text: string, defaultName: string | undefined): DvcRemote[] {
  const remotes: DvcRemote[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const match = /^(\S+)\s+(.*?)(?:\s+\(default\))?$/.exec(line);
    if (!match) continue;
    const name = match[1] ?? '';
    const marked = /\s\(default\)$/.test(line);
    remotes.push({
      name,
      url: match[2] ?? '',
      isDefault: defaultName === undefined ? marked : name === defaultName,
    });
  }
  return remotes;
}
