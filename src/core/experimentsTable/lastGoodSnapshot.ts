/**
 * What the table shows after a refresh: the new data, or on error the last good data with the error, so a
 * failing `dvc exp show` never blanks the table.
 */
import type { TableSnapshot } from '../protocols/experimentsTableProtocol';

export class LastGoodSnapshot {
  private lastGood: TableSnapshot = { columns: [], rows: [], values: [] };

  /** `read` is the source's snapshot call; it may throw or return undefined (then `error` says why). */
  next(
    read: () => TableSnapshot | undefined,
    error: string | undefined,
  ): { snapshot: TableSnapshot; error?: string } {
    let snapshot: TableSnapshot | undefined;
    let problem = error;
    try {
      snapshot = read();
    } catch (thrown) {
      problem = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (snapshot && !problem) this.lastGood = snapshot;
    // No snapshot and no error: not read yet (the first `exp show` still runs); the last data stays.
    const shown = problem ? this.lastGood : (snapshot ?? this.lastGood);
    return problem ? { snapshot: shown, error: problem } : { snapshot: shown };
  }
}
