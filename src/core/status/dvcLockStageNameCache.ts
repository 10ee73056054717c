/**
 * The stage names of each dvc.lock, parsed once per text. Every status refresh needs them, dvc.lock rarely
 * changes between two refreshes, and its YAML parse was the largest share of our own work in a refresh
 * (issue 13: about 1 ms for the demo's three stages, 120 ms for a lock file of 1,000 stages, on the
 * extension host's thread); comparing the new text with the kept one costs a fraction of that.
 */
import { parseDvcLockStageNames } from './dvcLockStages';

/** A pipeline's dvc.lock as read now: its `dvc.yaml` (relative to the root) and text (undefined: no lock file). */
export type DvcLockText = readonly [pipelineFile: string, text: string | undefined];

type StageNameParser = (text: string, pipelineFile: string) => readonly string[];

interface ParsedLock {
  readonly text: string;
  readonly names: readonly string[];
}

export class DvcLockStageNameCache {
  private byPipeline = new Map<string, ParsedLock>();

  /** `parse` is for tests, which count the parses. */
  constructor(private readonly parse: StageNameParser = parseDvcLockStageNames) {}

  /**
   * The qualified names of the stages in these lock files. A text equal to the one seen last time for the same
   * pipeline is not parsed again; pipelines not in `locks` are forgotten (they were removed).
   */
  lockedStages(locks: readonly DvcLockText[]): Set<string> {
    const kept = new Map<string, ParsedLock>();
    const names = new Set<string>();
    for (const [pipelineFile, text] of locks) {
      if (text === undefined) continue;
      const previous = this.byPipeline.get(pipelineFile);
      const parsed = previous?.text === text ? previous : { text, names: this.parse(text, pipelineFile) };
      kept.set(pipelineFile, parsed);
      for (const name of parsed.names) names.add(name);
    }
    this.byPipeline = kept;
    return names;
  }
}
