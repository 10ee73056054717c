/**
 * `dvc status` for stages when the whole-project read fails (issue 13): all the stages in one call first, and
 * only if that fails too, halves of the failing batch until each failing stage stands alone. With one stage
 * DVC cannot judge among n, that is about 2·log2(n) calls instead of n.
 */

export interface StageByStageAnswer {
  /** `dvc status --json` entries of the stages DVC judged (stages DVC says nothing about are up to date). */
  readonly entries: Record<string, unknown>;
  /** How many stages DVC judged. */
  readonly judged: number;
  /** The stages DVC could not judge, each with the error of its own call. */
  readonly failures: ReadonlyMap<string, unknown>;
}

/** `read(targets)` runs `dvc status --json -- <targets>`; it rejects when DVC fails (or is cancelled). */
export async function judgeStagesSeparately(
  stages: readonly string[],
  read: (targets: readonly string[]) => Promise<unknown>,
  isCancellation: (error: unknown) => boolean = () => false,
): Promise<StageByStageAnswer> {
  const entries: Record<string, unknown> = {};
  const failures = new Map<string, unknown>();
  let judged = 0;
  const judge = async (batch: readonly string[]): Promise<void> => {
    try {
      const json = await read(batch);
      if (typeof json === 'object' && json !== null && !Array.isArray(json))
        // defineProperty: a stage named `__proto__` stays a key, never the object's prototype.
        for (const [key, value] of Object.entries(json))
          Object.defineProperty(entries, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      judged += batch.length;
    } catch (error: unknown) {
      if (isCancellation(error)) throw error;
      if (batch.length === 1) {
        failures.set(batch[0] as string, error);
        return;
      }
      const middle = Math.ceil(batch.length / 2);
      await judge(batch.slice(0, middle));
      await judge(batch.slice(middle));
    }
  };
  await judge(stages);
  return { entries, judged, failures };
}
