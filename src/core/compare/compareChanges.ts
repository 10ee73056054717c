/**
 * The data and source-file changes between two revisions, from `dvc diff --json <a> [<b>]` (DVC 3.67.1,
 * test/fixtures/dvc-compare/data-diff-*.json: `{ added: [{path}], deleted, modified, renamed: [{path: {old,
 * new}}], "not in cache": [...] }`) and from `git diff --name-status -z -M <a> [<b>]`.
 */

/** How a file differs from side A to side B. */
export type FileChangeKind = 'added' | 'deleted' | 'modified' | 'renamed';

/** One changed file: `path` as on side B (as on side A when deleted); `oldPath` for renames. */
export interface FileChange {
  readonly change: FileChangeKind;
  readonly path: string;
  readonly oldPath?: string;
}

export function parseDataDiff(json: unknown): FileChange[] {
  if (!isRecord(json)) return [];
  const changes: FileChange[] = [];
  for (const change of ['added', 'deleted', 'modified'] as const)
    for (const entry of list(json[change]))
      if (typeof entry.path === 'string') changes.push({ change, path: entry.path });
  for (const entry of list(json.renamed)) {
    const path = entry.path;
    if (isRecord(path) && typeof path.old === 'string' && typeof path.new === 'string')
      changes.push({ change: 'renamed', path: path.new, oldPath: path.old });
  }
  return sortChanges(changes);
}

/** `git diff --name-status -z`: `M\0path\0`, `R100\0old\0new\0`; copies count as added, type changes as modified. */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let index = 0; index < fields.length;) {
    const status = fields[index++] ?? '';
    if (status.length === 0) continue;
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[index++] ?? '';
      const path = fields[index++] ?? '';
      changes.push(letter === 'R' ? { change: 'renamed', path, oldPath } : { change: 'added', path });
      continue;
    }
    const path = fields[index++] ?? '';
    const change: FileChangeKind = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified';
    changes.push({ change, path });
  }
  return sortChanges(changes);
}

/**
 * The same changes seen from the other side: DVC and git compare a revision with the workspace only one way
 * round (revision first), so "workspace vs revision" is computed as "revision vs workspace", swapped.
 */
export function swapChanges(changes: readonly FileChange[]): FileChange[] {
  return sortChanges(
    changes.map((change): FileChange => {
      if (change.change === 'added') return { change: 'deleted', path: change.path };
      if (change.change === 'deleted') return { change: 'added', path: change.path };
      if (change.change === 'renamed' && change.oldPath !== undefined)
        return { change: 'renamed', path: change.oldPath, oldPath: change.path };
      return change;
    }),
  );
}

function sortChanges(changes: FileChange[]): FileChange[] {
  return changes.sort((a, b) => a.path.localeCompare(b.path) || a.change.localeCompare(b.change));
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
