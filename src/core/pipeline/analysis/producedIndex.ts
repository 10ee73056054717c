/**
 * "Does a stage write this path?" in time proportional to the path's depth, not to the number of outputs:
 * the produced paths in a set, and every folder above one of them in another (a folder dep whose files a
 * stage writes). Built once per list of produced paths, so 20,000 stages are checked in linear time.
 */
export class ProducedIndex {
  private readonly paths: ReadonlySet<string>;
  private readonly foldersAbove = new Set<string>();
  /** How many set lookups answered questions: tests count it to see that the work grows linearly. */
  lookups = 0;

  constructor(produced: readonly string[]) {
    this.paths = new Set(produced);
    for (const path of produced)
      for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
        const folder = path.slice(0, slash);
        if (this.foldersAbove.has(folder)) break;
        this.foldersAbove.add(folder);
      }
  }

  /** Whether a stage writes `path`, a folder holding it, or (for a folder dep) a file below it. */
  has(path: string): boolean {
    this.lookups += 2;
    if (this.paths.has(path) || this.foldersAbove.has(path)) return true;
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      this.lookups++;
      if (this.paths.has(path.slice(0, slash))) return true;
    }
    return false;
  }
}

const indexes = new WeakMap<readonly string[], ProducedIndex>();

/** The index of a list of produced paths, built on first use (the list is not changed afterwards). */
export function producedIndexOf(produced: readonly string[]): ProducedIndex {
  let index = indexes.get(produced);
  if (!index) {
    index = new ProducedIndex(produced);
    indexes.set(produced, index);
  }
  return index;
}
