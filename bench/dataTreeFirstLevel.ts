/**
 * The file-first part of the Data tree's first paint, built from what exists today (the real tree provider is
 * being written beside this benchmark): read the repository root, parse every `.dvc` file there with
 * `parseDvcFile`, look for a `dvc.lock`, and list the first level of each tracked folder with
 * `fs.promises.readdir`. No DVC process is involved; this is what the tree can show before `dvc data status`
 * answers.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseDvcFile, type DvcFileOut } from '../src/core/data/dvcFile';

/** One row of the tree model as a first paint needs it. */
export interface DataTreeRow {
  readonly id: string;
  readonly label: string;
  readonly isDirectory: boolean;
  /** The `.dvc` file that tracks it, for the tracked roots. */
  readonly dvcFile?: string;
}

export interface DataTreeFirstLevel {
  /** The tracked outputs of the root's `.dvc` files. */
  readonly roots: readonly DataTreeRow[];
  /** The first level inside each tracked folder, by the folder's path. */
  readonly children: ReadonlyMap<string, readonly DataTreeRow[]>;
  readonly dvcLockFound: boolean;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function rowOf(out: DvcFileOut, dvcFile: string): DataTreeRow {
  const path = posix.normalize(out.path);
  return { id: `tracked:${path}`, label: path, isDirectory: out.isDirectory, dvcFile };
}

export async function readDataTreeFirstLevel(root: string): Promise<DataTreeFirstLevel> {
  const entries = await readdir(root, { withFileTypes: true });
  const dvcFiles = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.dvc'));
  const [parsed, lock] = await Promise.all([
    Promise.all(
      dvcFiles.map(async (entry) => ({
        name: entry.name,
        file: parseDvcFile(await readFile(join(root, entry.name), 'utf8')),
      })),
    ),
    readIfPresent(join(root, 'dvc.lock')),
  ]);
  const roots = parsed
    .flatMap(({ name, file }) => file.outs.map((out) => rowOf(out, name)))
    .sort((a, b) => a.label.localeCompare(b.label));
  const children = new Map<string, DataTreeRow[]>();
  await Promise.all(
    roots
      .filter((row) => row.isDirectory)
      .map(async (row) => {
        const inside = await readdir(join(root, row.label), { withFileTypes: true });
        children.set(
          row.label,
          inside
            .map((entry) => ({
              id: `tracked:${row.label}/${entry.name}`,
              label: entry.name,
              isDirectory: entry.isDirectory(),
            }))
            .sort((a, b) =>
              a.isDirectory === b.isDirectory ? (a.label < b.label ? -1 : 1) : a.isDirectory ? -1 : 1,
            ),
        );
      }),
  );
  return { roots, children, dvcLockFound: lock !== undefined };
}
