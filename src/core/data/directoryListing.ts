/**
 * The first level of a tracked folder, as the Data view shows it when expanded: what is on disk, plus what DVC
 * lists there that is gone (deleted files stay visible), folders first, capped so that a folder of 10,000
 * files renders its first entries and a "… N more" line instead of freezing the view.
 */

export interface ListingEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  /** False for a path DVC lists that is missing from the workspace. */
  readonly onDisk: boolean;
}

export interface DirectoryListing {
  readonly entries: readonly ListingEntry[];
  /** Entries left out by the cap. */
  readonly more: number;
}

export const DEFAULT_LISTING_CAP = 1000;

export function directoryListing(
  onDisk: ReadonlyArray<readonly [name: string, isDirectory: boolean]>,
  knownToDvc: ReadonlyMap<string, boolean>,
  cap = DEFAULT_LISTING_CAP,
): DirectoryListing {
  const entries = new Map<string, ListingEntry>();
  for (const [name, isDirectory] of onDisk) entries.set(name, { name, isDirectory, onDisk: true });
  for (const [name, isDirectory] of knownToDvc)
    if (!entries.has(name)) entries.set(name, { name, isDirectory, onDisk: false });
  const sorted = [...entries.values()].sort(
    (a, b) => Number(b.isDirectory) - Number(a.isDirectory) || a.name.localeCompare(b.name),
  );
  return { entries: sorted.slice(0, cap), more: Math.max(0, sorted.length - cap) };
}
